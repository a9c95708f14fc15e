package io.basin.metadata.pgcatalog;

import java.util.Optional;

/**
 * PostgreSQL's {@code format_type(type_oid, typemod)}: the SQL name of a type with its modifier,
 * such as {@code character varying(20)}, {@code numeric(10,2)} or {@code integer[]}.
 */
public final class FormatType
{
    private static final int VARHDRSZ = 4;

    // interval typmod range bits, as PostgreSQL encodes them
    private static final int MONTH = 1 << 1;
    private static final int YEAR = 1 << 2;
    private static final int DAY = 1 << 3;
    private static final int HOUR = 1 << 10;
    private static final int MINUTE = 1 << 11;
    private static final int SECOND = 1 << 12;
    private static final int FULL_RANGE = 0x7FFF;
    private static final int FULL_PRECISION = 0xFFFF;

    private FormatType() {}

    /**
     * @param oid the type's oid; NULL gives NULL
     * @param typmod the type modifier; NULL when not given (which differs from -1 for {@code bpchar})
     */
    public static String format(Long oid, Long typmod)
    {
        if (oid == null) {
            return null;
        }
        if (oid == 0) {
            return "-";
        }
        Optional<BuiltinType> found = BuiltinTypes.byOid(oid);
        if (found.isEmpty()) {
            return "???";
        }
        BuiltinType type = found.get();
        // int2vector and oidvector are arrays too, but of plain storage, and keep their names
        if (type.isArray() && type.elementOid() != 0 && type.length() == -1 && type.storage() != 'p') {
            return format(type.elementOid(), typmod) + "[]";
        }
        boolean typmodGiven = typmod != null;
        boolean withTypmod = typmodGiven && typmod >= 0;
        int mod = withTypmod ? (int) (long) typmod : -1;
        return switch (type.name()) {
            // like bpchar: plain bit means bit(1), so a given -1 shows the quoted type name
            case "bit" -> withTypmod ? "bit(" + mod + ")" : typmodGiven ? "\"bit\"" : "bit";
            case "bool" -> "boolean";
            // "character" alone means character(1), so a type given without a length is bpchar
            case "bpchar" -> withTypmod ? "character" + length(mod) : typmodGiven ? "bpchar" : "character";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "numeric" -> withTypmod && mod >= VARHDRSZ ? numeric(mod) : "numeric";
            case "interval" -> withTypmod ? "interval" + interval(mod) : "interval";
            case "time" -> withTypmod ? "time(" + mod + ") without time zone" : "time without time zone";
            case "timetz" -> withTypmod ? "time(" + mod + ") with time zone" : "time with time zone";
            case "timestamp" -> withTypmod ? "timestamp(" + mod + ") without time zone" : "timestamp without time zone";
            case "timestamptz" -> withTypmod ? "timestamp(" + mod + ") with time zone" : "timestamp with time zone";
            case "varbit" -> withTypmod ? "bit varying(" + mod + ")" : "bit varying";
            case "varchar" -> withTypmod ? "character varying" + length(mod) : "character varying";
            // a type without a modifier syntax of its own shows a given modifier in parentheses
            // (PostgreSQL 15); its name is quoted where needed ("char")
            default -> quote(type.name()) + (withTypmod ? "(" + mod + ")" : "");
        };
    }

    /** A length modifier: up to the header size it shows nothing, as PostgreSQL's typmodout functions do. */
    private static String length(int typmod)
    {
        return typmod > VARHDRSZ ? "(" + (typmod - VARHDRSZ) + ")" : "";
    }

    private static String quote(String name)
    {
        return io.basin.execution.expression.function.PgCatalogFunctions.needsQuotes(name) ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    private static String numeric(int typmod)
    {
        int value = typmod - VARHDRSZ;
        int precision = (value >> 16) & 0xFFFF;
        // the scale is an 11-bit signed number (PostgreSQL 15 allows negative scales)
        int scale = ((value & 0x7FF) ^ 1024) - 1024;
        return "numeric(" + precision + "," + scale + ")";
    }

    private static String interval(int typmod)
    {
        int range = (typmod >> 16) & FULL_RANGE;
        int precision = typmod & FULL_PRECISION;
        String fields = switch (range) {
            case YEAR -> " year";
            case MONTH -> " month";
            case DAY -> " day";
            case HOUR -> " hour";
            case MINUTE -> " minute";
            case SECOND -> " second";
            case YEAR | MONTH -> " year to month";
            case DAY | HOUR -> " day to hour";
            case DAY | HOUR | MINUTE -> " day to minute";
            case DAY | HOUR | MINUTE | SECOND -> " day to second";
            case HOUR | MINUTE -> " hour to minute";
            case HOUR | MINUTE | SECOND -> " hour to second";
            case MINUTE | SECOND -> " minute to second";
            default -> "";
        };
        return precision == FULL_PRECISION ? fields : fields + "(" + precision + ")";
    }
}
