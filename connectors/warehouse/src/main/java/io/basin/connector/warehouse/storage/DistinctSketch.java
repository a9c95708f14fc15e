package io.basin.connector.warehouse.storage;

import io.airlift.slice.XxHash64;
import io.basin.connector.warehouse.format.ColumnType;
import io.basin.connector.warehouse.format.ColumnValues;

import java.util.Arrays;

/**
 * A HyperLogLog estimate of a column's distinct non-null values ({@value #REGISTERS} registers,
 * about 2% error), kept per table column in the manifest so the planner can order joins without
 * scanning. Sketches of appended rows merge by taking each register's maximum; deleted rows are
 * not subtracted (the estimate may stay high until VACUUM recomputes it). Immutable.
 */
public final class DistinctSketch
{
    static final int INDEX_BITS = 11;
    static final int REGISTERS = 1 << INDEX_BITS;

    private final byte[] registers;

    private DistinctSketch(byte[] registers)
    {
        this.registers = registers;
    }

    public static DistinctSketch empty()
    {
        return new DistinctSketch(new byte[REGISTERS]);
    }

    static DistinctSketch fromRegisters(byte[] registers)
    {
        if (registers.length != REGISTERS) {
            throw new IllegalArgumentException("A distinct sketch has %s registers, not %s".formatted(REGISTERS, registers.length));
        }
        return new DistinctSketch(registers.clone());
    }

    byte[] registers()
    {
        return registers.clone();
    }

    /** The sketch of the non-null values of {@code values}. */
    public static DistinctSketch of(ColumnValues values)
    {
        byte[] registers = new byte[REGISTERS];
        for (int position = 0; position < values.size(); position++) {
            if (values.isNull(position)) {
                continue;
            }
            long hash = hash(values, position);
            int index = (int) (hash >>> (64 - INDEX_BITS));
            // the position of the first one bit after the index bits, counted from 1
            long rest = (hash << INDEX_BITS) | (1L << (INDEX_BITS - 1));
            int rank = Long.numberOfLeadingZeros(rest) + 1;
            if (rank > registers[index]) {
                registers[index] = (byte) rank;
            }
        }
        return new DistinctSketch(registers);
    }

    public DistinctSketch merge(DistinctSketch other)
    {
        byte[] merged = registers.clone();
        for (int i = 0; i < REGISTERS; i++) {
            merged[i] = (byte) Math.max(merged[i], other.registers[i]);
        }
        return new DistinctSketch(merged);
    }

    public double estimate()
    {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += Math.scalb(1.0, -register);
            if (register == 0) {
                zeros++;
            }
        }
        double raw = (0.7213 / (1 + 1.079 / REGISTERS)) * REGISTERS * (double) REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            // few values: linear counting of empty registers is the better estimate
            return REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return raw;
    }

    private static long hash(ColumnValues values, int position)
    {
        ColumnType type = values.type();
        return switch (type.kind()) {
            case LONG -> {
                long value = values.longAt(position);
                // -0.0 and 0.0 are one value
                if (type.order() == ColumnType.Order.DOUBLE && Double.longBitsToDouble(value) == 0) {
                    value = 0;
                }
                else if (type.order() == ColumnType.Order.REAL && Float.intBitsToFloat((int) value) == 0) {
                    value = 0;
                }
                yield mix(value);
            }
            case INT128 -> mix(values.highAt(position) * 31 + mix(values.longAt(position)));
            case BYTES -> XxHash64.hash(io.airlift.slice.Slices.wrappedBuffer(values.bytesAt(position)));
        };
    }

    private static long mix(long value)
    {
        // the finalizer of MurmurHash3: spreads every input bit over the whole hash
        value ^= value >>> 33;
        value *= 0xff51afd7ed558ccdL;
        value ^= value >>> 33;
        value *= 0xc4ceb9fe1a85ec53L;
        value ^= value >>> 33;
        return value;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof DistinctSketch sketch && Arrays.equals(registers, sketch.registers);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(registers);
    }
}
