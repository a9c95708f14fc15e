package io.basin.pgwire.type;

import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimeType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.UuidType;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL type of a result column as RowDescription describes it: a {@link PgType} and a
 * type modifier ({@code atttypmod}), -1 when there is none. Modifiers follow PostgreSQL:
 * {@code numeric(p,s)} is {@code ((p << 16) | s) + 4}, {@code varchar(n)} and {@code char(n)}
 * are {@code n + 4}, {@code timestamp(p)} and {@code time(p)} are {@code p}.
 */
public record PgColumnType(PgType type, int typmod)
{
    private static final int VARHDRSZ = 4;
    private static final int MAX_TIME_PRECISION = 6;
    // interval field bits of a typmod's range, as in PostgreSQL's datetime.h
    private static final int MONTH = 1 << 1;
    private static final int YEAR = 1 << 2;
    private static final int DAY = 1 << 3;
    private static final int HOUR = 1 << 10;
    private static final int MINUTE = 1 << 11;
    private static final int SECOND = 1 << 12;

    public PgColumnType
    {
        requireNonNull(type, "type is null");
    }

    /**
     * The PostgreSQL type Basin sends values of an engine type as: tinyint and smallint as
     * {@code int2}, real and double as {@code float4}/{@code float8}, decimal as {@code numeric},
     * unbounded varchar as {@code varchar} without modifier, varbinary as {@code bytea}, both of
     * Basin's interval types as {@code interval}; precisions above PostgreSQL's 6 fraction digits
     * as 6. A type without a PostgreSQL counterpart is sent as {@code text}, in the text of its
     * value.
     */
    public static PgColumnType forType(Type type)
    {
        requireNonNull(type, "type is null");
        return switch (type) {
            case BooleanType _ -> new PgColumnType(PgType.BOOL, -1);
            case TinyintType _, SmallintType _ -> new PgColumnType(PgType.INT2, -1);
            case IntegerType _ -> new PgColumnType(PgType.INT4, -1);
            case BigintType _ -> new PgColumnType(PgType.INT8, -1);
            case RealType _ -> new PgColumnType(PgType.FLOAT4, -1);
            case DoubleType _ -> new PgColumnType(PgType.FLOAT8, -1);
            case DecimalType decimal -> new PgColumnType(PgType.NUMERIC, ((decimal.getPrecision() << 16) | decimal.getScale()) + VARHDRSZ);
            case VarcharType varchar -> new PgColumnType(PgType.VARCHAR, varchar.isUnbounded() ? -1 : varchar.getBoundedLength() + VARHDRSZ);
            case CharType charType -> new PgColumnType(PgType.BPCHAR, charType.getLength() + VARHDRSZ);
            case VarbinaryType _ -> new PgColumnType(PgType.BYTEA, -1);
            case DateType _ -> new PgColumnType(PgType.DATE, -1);
            case TimeType time -> new PgColumnType(PgType.TIME, Math.min(time.getPrecision(), MAX_TIME_PRECISION));
            case TimestampType timestamp -> new PgColumnType(PgType.TIMESTAMP, Math.min(timestamp.getPrecision(), MAX_TIME_PRECISION));
            case TimestampWithTimeZoneType timestamp -> new PgColumnType(PgType.TIMESTAMPTZ, Math.min(timestamp.getPrecision(), MAX_TIME_PRECISION));
            case IntervalDayTimeType _, IntervalYearMonthType _ -> new PgColumnType(PgType.INTERVAL, -1);
            case UuidType _ -> new PgColumnType(PgType.UUID, -1);
            default -> new PgColumnType(PgType.TEXT, -1);
        };
    }

    public int oid()
    {
        return type.oid();
    }

    /** RowDescription's data type size ({@code pg_type.typlen}). */
    public int length()
    {
        return type.length();
    }

    /**
     * The SQL name of this type with its modifier, as PostgreSQL's {@code format_type(oid, typmod)}
     * writes it: {@code integer}, {@code numeric(10,2)}, {@code character varying(20)},
     * {@code timestamp(6) without time zone}, {@code integer[]}.
     */
    public String formatType()
    {
        if (type.elementOid() != 0 && type.category() == 'A' && type.name().startsWith("_")) {
            PgType element = PgType.forOid(type.elementOid()).orElseThrow();
            return new PgColumnType(element, typmod).formatType() + "[]";
        }
        return switch (type.name()) {
            case "bool" -> "boolean";
            case "char" -> "\"char\"";
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "bpchar" -> typmod >= 0 ? "character" + lengthModifier() : "bpchar";
            case "varchar" -> "character varying" + lengthModifier();
            case "numeric" -> typmod >= VARHDRSZ ? "numeric(%s,%s)".formatted(((typmod - VARHDRSZ) >> 16) & 0xFFFF, numericScale()) : "numeric";
            case "time" -> "time" + precisionModifier() + " without time zone";
            case "timetz" -> "time" + precisionModifier() + " with time zone";
            case "timestamp" -> "timestamp" + precisionModifier() + " without time zone";
            case "timestamptz" -> "timestamp" + precisionModifier() + " with time zone";
            case "interval" -> "interval" + intervalModifier();
            default -> type.name();
        };
    }

    private String lengthModifier()
    {
        return typmod > VARHDRSZ ? "(" + (typmod - VARHDRSZ) + ")" : "";
    }

    private String precisionModifier()
    {
        return typmod >= 0 ? "(" + typmod + ")" : "";
    }

    /** The fields and precision of an interval modifier: {@code (range << 16) | precision}. */
    private String intervalModifier()
    {
        if (typmod < 0) {
            return "";
        }
        int precision = typmod & 0xFFFF;
        String fields = switch ((typmod >> 16) & 0x7FFF) {
            case 0x7FFF -> "";
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
            default -> throw new IllegalStateException("Invalid interval typmod: " + typmod);
        };
        return precision == 0xFFFF ? fields : fields + "(" + precision + ")";
    }

    private int numericScale()
    {
        // PostgreSQL 15+ allows negative scales: an 11-bit two's complement field
        return (((typmod - VARHDRSZ) & 0x7FF) ^ 1024) - 1024;
    }
}
