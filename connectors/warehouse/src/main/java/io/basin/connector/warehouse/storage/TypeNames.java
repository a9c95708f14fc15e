package io.basin.connector.warehouse.storage;

import io.trino.spi.TrinoException;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import io.trino.spi.type.TypeManager;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Types as the manifest names them (their type id, e.g. {@code decimal(12,2)}): the standard
 * types are read back here, any other through the host's type manager.
 */
public final class TypeNames
{
    private static final Pattern PARAMETERIZED = Pattern.compile("([a-z]+)\\((\\d+)(?:,(\\d+))?\\)");

    private final Optional<TypeManager> typeManager;

    public TypeNames(Optional<TypeManager> typeManager)
    {
        this.typeManager = requireNonNull(typeManager, "typeManager is null");
    }

    public static String name(Type type)
    {
        return type.getTypeId().getId();
    }

    public Type type(String name)
    {
        Type standard = switch (name) {
            case "boolean" -> BooleanType.BOOLEAN;
            case "tinyint" -> TinyintType.TINYINT;
            case "smallint" -> SmallintType.SMALLINT;
            case "integer" -> IntegerType.INTEGER;
            case "bigint" -> BigintType.BIGINT;
            case "real" -> RealType.REAL;
            case "double" -> DoubleType.DOUBLE;
            case "date" -> DateType.DATE;
            case "varbinary" -> VarbinaryType.VARBINARY;
            case "varchar" -> VarcharType.VARCHAR;
            default -> null;
        };
        if (standard != null) {
            return standard;
        }
        Matcher matcher = PARAMETERIZED.matcher(name);
        if (matcher.matches()) {
            int first = Integer.parseInt(matcher.group(2));
            Type parameterized = switch (matcher.group(1)) {
                case "varchar" -> VarcharType.createVarcharType(first);
                case "char" -> CharType.createCharType(first);
                case "decimal" -> DecimalType.createDecimalType(first, matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
                case "timestamp" -> TimestampType.createTimestampType(first);
                default -> null;
            };
            if (parameterized != null) {
                return parameterized;
            }
        }
        return typeManager
                .map(manager -> manager.getType(TypeId.of(name)))
                .orElseThrow(() -> new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot read warehouse manifest: unknown type " + name));
    }
}
