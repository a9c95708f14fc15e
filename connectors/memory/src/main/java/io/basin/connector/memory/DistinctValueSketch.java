package io.basin.connector.memory;

import io.airlift.slice.Slice;
import io.airlift.slice.XxHash64;
import io.trino.spi.block.Block;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;

import java.util.Arrays;

/**
 * A HyperLogLog sketch (2,048 registers, about 2% error) of one column's distinct non-null
 * values, kept with each table snapshot so the planner gets distinct-value counts for join
 * ordering without scanning the table. Immutable: {@link #add} returns a new sketch.
 */
final class DistinctValueSketch
{
    private static final int INDEX_BITS = 11;
    private static final int REGISTERS = 1 << INDEX_BITS;

    private final byte[] registers;

    private DistinctValueSketch(byte[] registers)
    {
        this.registers = registers;
    }

    static DistinctValueSketch empty()
    {
        return new DistinctValueSketch(new byte[REGISTERS]);
    }

    /** A sketch with the values of {@code block} added. */
    DistinctValueSketch add(Type type, Block block)
    {
        byte[] updated = registers.clone();
        int positions = block.getPositionCount();
        for (int position = 0; position < positions; position++) {
            if (block.isNull(position)) {
                continue;
            }
            long hash = hash(type, block, position);
            int index = (int) (hash >>> (64 - INDEX_BITS));
            int rank = Math.min(Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1, 64 - INDEX_BITS + 1);
            if (rank > updated[index]) {
                updated[index] = (byte) rank;
            }
        }
        return new DistinctValueSketch(updated);
    }

    double estimate()
    {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += 1.0 / (1L << register);
            if (register == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double estimate = alpha * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            // linear counting is more accurate for small cardinalities
            return REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return estimate;
    }

    private static long hash(Type type, Block block, int position)
    {
        Class<?> javaType = type.getJavaType();
        if (javaType == long.class) {
            return mix(type.getLong(block, position));
        }
        if (type instanceof DoubleType) {
            double value = type.getDouble(block, position);
            return mix(value == 0 ? 0 : Double.doubleToLongBits(value));
        }
        if (type instanceof BooleanType) {
            return mix(type.getBoolean(block, position) ? 1 : 0);
        }
        if (javaType == Slice.class) {
            return XxHash64.hash(type.getSlice(block, position));
        }
        Object value = type.getObject(block, position);
        if (value instanceof Int128 int128) {
            return mix(int128.getHigh() * 31 + mix(int128.getLow()));
        }
        return mix(value.hashCode());
    }

    private static long mix(long value)
    {
        value ^= value >>> 33;
        value *= 0xff51afd7ed558ccdL;
        value ^= value >>> 33;
        value *= 0xc4ceb9fe1a85ec53L;
        value ^= value >>> 33;
        return value;
    }

    @Override
    public String toString()
    {
        return "DistinctValueSketch[" + Math.round(estimate()) + "]" + Arrays.hashCode(registers);
    }
}
