package io.basin.metadata.pgcatalog;

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
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.util.Locale;

/**
 * Which PostgreSQL type the catalogs show for a column of an engine type.
 *
 * <p>Temporary: the wire server's type codec ({@code io.basin.pgwire.type.PgTypes}) will own this
 * mapping, so that the catalogs and the row descriptions the server sends agree. When it lands,
 * {@link #describe} should delegate to it; nothing else here depends on how the mapping is made.
 */
public final class PgTypeMapping
{
    public static final long TEXT = 25;

    private PgTypeMapping() {}

    public static TypeReference describe(Type type)
    {
        if (type instanceof BooleanType) {
            return new TypeReference(16, -1);
        }
        if (type instanceof TinyintType || type instanceof SmallintType) {
            return new TypeReference(21, -1);
        }
        if (type instanceof IntegerType) {
            return new TypeReference(23, -1);
        }
        if (type instanceof BigintType) {
            return new TypeReference(20, -1);
        }
        if (type instanceof RealType) {
            return new TypeReference(700, -1);
        }
        if (type instanceof DoubleType) {
            return new TypeReference(701, -1);
        }
        if (type instanceof DecimalType decimal) {
            return new TypeReference(1700, ((decimal.getPrecision() << 16) | decimal.getScale()) + 4);
        }
        if (type instanceof VarcharType varchar) {
            // an unbounded varchar is what text columns become
            return varchar.isUnbounded() ? new TypeReference(TEXT, -1) : new TypeReference(1043, varchar.getBoundedLength() + 4);
        }
        if (type instanceof CharType charType) {
            return new TypeReference(1042, charType.getLength() + 4);
        }
        if (type instanceof VarbinaryType) {
            return new TypeReference(17, -1);
        }
        if (type instanceof DateType) {
            return new TypeReference(1082, -1);
        }
        if (type instanceof TimeType time) {
            return new TypeReference(1083, time.getPrecision() == 6 ? -1 : time.getPrecision());
        }
        if (type instanceof TimestampType timestamp) {
            return new TypeReference(1114, timestamp.getPrecision() == 6 ? -1 : timestamp.getPrecision());
        }
        if (type instanceof TimestampWithTimeZoneType timestamp) {
            return new TypeReference(1184, timestamp.getPrecision() == 6 ? -1 : timestamp.getPrecision());
        }
        String name = type.getBaseName().toLowerCase(Locale.ROOT);
        if (name.startsWith("interval")) {
            return new TypeReference(1186, -1);
        }
        return switch (name) {
            case "uuid" -> new TypeReference(2950, -1);
            case "json" -> new TypeReference(114, -1);
            default -> new TypeReference(TEXT, -1);
        };
    }
}
