package io.basin.pgwire;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

/** Provisional parameter decoding (replaced by the type codec): bound values as SQL literals. */
final class ParameterLiterals
{
    static final int TEXT = 25;
    private static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);

    private ParameterLiterals() {}

    static boolean isKnown(int oid)
    {
        return switch (oid) {
            case 16, 17, 20, 21, 23, 25, 700, 701, 1043, 1082, 1114 -> true;
            default -> false;
        };
    }

    static String sqlTypeName(int oid)
    {
        return switch (oid) {
            case 16 -> "BOOLEAN";
            case 17 -> "VARBINARY";
            case 20 -> "BIGINT";
            case 21 -> "SMALLINT";
            case 23 -> "INTEGER";
            case 700 -> "REAL";
            case 701 -> "DOUBLE";
            case 1082 -> "DATE";
            case 1114 -> "TIMESTAMP";
            default -> "VARCHAR";
        };
    }

    static int oidOf(Type type)
    {
        return switch (type) {
            case BooleanType _ -> 16;
            case BigintType _ -> 20;
            case SmallintType _, TinyintType _ -> 21;
            case IntegerType _ -> 23;
            case RealType _ -> 700;
            case DoubleType _ -> 701;
            case DecimalType _ -> 1700;
            case DateType _ -> 1082;
            case TimestampType _ -> 1114;
            case VarbinaryType _ -> 17;
            default -> TEXT;
        };
    }

    static String render(int oid, int format, byte[] value, int index)
    {
        if (value == null) {
            return isKnown(oid) ? "CAST(NULL AS " + sqlTypeName(oid) + ")" : "NULL";
        }
        if (format == 1) {
            return renderBinary(oid, value, index);
        }
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            return switch (oid) {
                case 16 -> switch (text.trim().toLowerCase(Locale.ROOT)) {
                    case "t", "true", "on", "1", "yes", "y" -> "TRUE";
                    case "f", "false", "off", "0", "no", "n" -> "FALSE";
                    default -> throw invalid("boolean", text);
                };
                case 20 -> "CAST(" + Long.parseLong(text.trim()) + " AS BIGINT)";
                case 21 -> "CAST(" + Short.parseShort(text.trim()) + " AS SMALLINT)";
                case 23 -> "CAST(" + Integer.parseInt(text.trim()) + " AS INTEGER)";
                case 700, 701 -> "CAST(" + quote(String.valueOf(Double.parseDouble(text.trim()))) + " AS " + sqlTypeName(oid) + ")";
                case 1700 -> new BigDecimal(text.trim()).toPlainString();
                case 1082 -> "DATE " + quote(LocalDate.parse(text.trim()).toString());
                case 1114 -> "TIMESTAMP " + quote(text.trim());
                case 17 -> "X'" + HexFormat.of().formatHex(byteaFromText(text, value)) + "'";
                case 25, 1043 -> "CAST(" + quote(text) + " AS VARCHAR)";
                default -> quote(text);
            };
        }
        catch (NumberFormatException | java.time.DateTimeException e) {
            throw invalid(sqlTypeName(oid).toLowerCase(Locale.ROOT), text);
        }
    }

    private static String renderBinary(int oid, byte[] value, int index)
    {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        int expected = switch (oid) {
            case 16 -> 1;
            case 21 -> 2;
            case 23, 700, 1082 -> 4;
            case 20, 701, 1114 -> 8;
            default -> -1;
        };
        if (expected >= 0 && value.length != expected) {
            throw new BasinException(BasinErrorCode.PROTOCOL_VIOLATION, "incorrect binary data format in bind parameter " + index);
        }
        return switch (oid) {
            case 16 -> value[0] != 0 ? "TRUE" : "FALSE";
            case 21 -> "CAST(" + buffer.getShort() + " AS SMALLINT)";
            case 23 -> "CAST(" + buffer.getInt() + " AS INTEGER)";
            case 20 -> "CAST(" + buffer.getLong() + " AS BIGINT)";
            case 700 -> "CAST(" + quote(String.valueOf(buffer.getFloat())) + " AS REAL)";
            case 701 -> "CAST(" + quote(String.valueOf(buffer.getDouble())) + " AS DOUBLE)";
            case 1082 -> "DATE " + quote(POSTGRES_EPOCH.plusDays(buffer.getInt()).toString());
            case 1114 -> {
                long micros = buffer.getLong();
                LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000) + POSTGRES_EPOCH.toEpochDay() * 86400, (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
                yield "TIMESTAMP " + quote(time.toString().replace('T', ' '));
            }
            case 17 -> "X'" + HexFormat.of().formatHex(value) + "'";
            case 25, 1043, 0 -> "CAST(" + quote(new String(value, StandardCharsets.UTF_8)) + " AS VARCHAR)";
            default -> throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "binary format for parameter type " + oid + " is not supported");
        };
    }

    /**
     * bytea's text input: hex digits after {@code \x}, else the bytes themselves. The digits are
     * decoded, never pasted into the literal, so a value cannot close the quote.
     */
    private static byte[] byteaFromText(String text, byte[] value)
    {
        if (!text.startsWith("\\x")) {
            return value;
        }
        try {
            return HexFormat.of().parseHex(text, 2, text.length());
        }
        catch (IllegalArgumentException e) {
            // SQLSTATE 22023, as PostgreSQL's bytea input reports bad hex data
            throw new BasinException(BasinErrorCode.INVALID_PARAMETER_VALUE, "invalid hexadecimal data in bytea value: " + e.getMessage());
        }
    }

    static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }

    private static BasinException invalid(String type, String text)
    {
        return new BasinException(BasinErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s: \"%s\"".formatted(type, text));
    }
}
