package io.basin.connector.testing;

import io.trino.spi.block.Block;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * A value read from a block as the plain Java value Iceberg's generic reader gives for it, so a
 * connector's rows compare with that oracle's with equals.
 */
public final class TestingBlockValues
{
    private TestingBlockValues() {}

    /** Long, Boolean, Integer, Float, Double, BigDecimal, LocalDate, LocalDateTime or String; null for NULL. */
    public static Object javaValue(Type type, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        return switch (type) {
            case DecimalType decimal when decimal.isShort() -> BigDecimal.valueOf(decimal.getLong(block, position), decimal.getScale());
            case DecimalType decimal -> new BigDecimal(((Int128) decimal.getObject(block, position)).toBigInteger(), decimal.getScale());
            case TimestampType _ -> {
                long micros = TIMESTAMP_MICROS.getLong(block, position);
                yield LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
            }
            default -> {
                if (type == DATE) {
                    yield LocalDate.ofEpochDay(DATE.getLong(block, position));
                }
                if (type == REAL) {
                    yield REAL.getFloat(block, position);
                }
                if (type == INTEGER) {
                    yield (int) INTEGER.getLong(block, position);
                }
                if (type == VARCHAR) {
                    yield VARCHAR.getSlice(block, position).toStringUtf8();
                }
                yield Objects.requireNonNull(type.getObjectValue(null, block, position));
            }
        };
    }
}
