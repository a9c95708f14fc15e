package io.basin.spectrum.flight;

import io.trino.spi.TrinoException;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;

/**
 * The scalar types a scan returns, named on the wire by their Trino signature
 * ({@code decimal(12,2)}, {@code varchar(25)}, {@code timestamp(6)}) and read back without a
 * type manager: workers do not run the engine.
 */
final class ScanTypes
{
    private static final Pattern PARAMETRIC = Pattern.compile("([a-z]+)\\((\\d+)(?:,\\s*(\\d+))?\\)");

    private ScanTypes() {}

    static String signature(Type type)
    {
        parse(type.getTypeSignature().toString());
        return type.getTypeSignature().toString();
    }

    static Type parse(String signature)
    {
        String name = signature.toLowerCase(Locale.ROOT);
        Type simple = switch (name) {
            case "boolean" -> BOOLEAN;
            case "tinyint" -> TINYINT;
            case "smallint" -> SMALLINT;
            case "integer" -> INTEGER;
            case "bigint" -> BIGINT;
            case "real" -> REAL;
            case "double" -> DOUBLE;
            case "date" -> DATE;
            case "varchar" -> VarcharType.VARCHAR;
            case "varbinary" -> VARBINARY;
            default -> null;
        };
        if (simple != null) {
            return simple;
        }
        Matcher matcher = PARAMETRIC.matcher(name);
        if (matcher.matches()) {
            int first = Integer.parseInt(matcher.group(2));
            String second = matcher.group(3);
            switch (matcher.group(1)) {
                case "decimal" -> {
                    return DecimalType.createDecimalType(first, second == null ? 0 : Integer.parseInt(second));
                }
                case "varchar" -> {
                    if (second == null) {
                        return VarcharType.createVarcharType(first);
                    }
                }
                case "char" -> {
                    if (second == null) {
                        return CharType.createCharType(first);
                    }
                }
                case "timestamp" -> {
                    if (second == null && first <= TimestampType.MAX_SHORT_PRECISION) {
                        return TimestampType.createTimestampType(first);
                    }
                }
                default -> {
                }
            }
        }
        throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot scan type %s on a remote worker".formatted(signature));
    }
}
