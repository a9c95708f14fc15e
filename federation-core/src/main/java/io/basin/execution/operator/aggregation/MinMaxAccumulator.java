package io.basin.execution.operator.aggregation;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

import java.util.Arrays;

/**
 * min and max. Longs (integers, dates, timestamps, short decimals) compare as signed longs; real
 * and double as PostgreSQL orders them (NaN above everything); strings byte-wise (code point
 * order); long decimals as 128-bit integers.
 */
final class MinMaxAccumulator
        implements Accumulator
{
    private enum Kind { LONG, REAL, DOUBLE, BOOLEAN, OBJECT }

    private final int channel;
    private final Type type;
    private final boolean max;
    private final Kind kind;
    private long[] longs = new long[16];
    private double[] doubles;
    private Object[] objects;
    private boolean[] seen = new boolean[16];

    MinMaxAccumulator(int channel, Type type, boolean max)
    {
        this.channel = channel;
        this.type = type;
        this.max = max;
        if (type instanceof RealType) {
            kind = Kind.REAL;
        }
        else if (type instanceof DoubleType) {
            kind = Kind.DOUBLE;
        }
        else if (type instanceof BooleanType) {
            kind = Kind.BOOLEAN;
        }
        else if (type.getJavaType() == long.class) {
            kind = Kind.LONG;
        }
        else {
            kind = Kind.OBJECT;
        }
        if (kind == Kind.DOUBLE || kind == Kind.REAL) {
            doubles = new double[16];
        }
        if (kind == Kind.OBJECT) {
            objects = new Object[16];
        }
    }

    private void ensure(int groupCount)
    {
        if (groupCount > seen.length) {
            int size = Math.max(groupCount, seen.length * 2);
            seen = Arrays.copyOf(seen, size);
            longs = Arrays.copyOf(longs, size);
            if (doubles != null) {
                doubles = Arrays.copyOf(doubles, size);
            }
            if (objects != null) {
                objects = Arrays.copyOf(objects, size);
            }
        }
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block block = page.getBlock(channel);
        for (int i = 0; i < positionCount; i++) {
            int group = groups[i];
            if (group < 0 || block.isNull(i)) {
                continue;
            }
            switch (kind) {
                case LONG -> acceptLong(group, type.getLong(block, i));
                case BOOLEAN -> acceptLong(group, type.getBoolean(block, i) ? 1 : 0);
                case REAL -> acceptDouble(group, Float.intBitsToFloat((int) type.getLong(block, i)));
                case DOUBLE -> acceptDouble(group, type.getDouble(block, i));
                case OBJECT -> acceptObject(group, type.getJavaType() == Slice.class ? type.getSlice(block, i) : type.getObject(block, i), true);
            }
        }
    }

    private void acceptLong(int group, long value)
    {
        if (!seen[group] || (max ? value > longs[group] : value < longs[group])) {
            longs[group] = value;
            seen[group] = true;
        }
    }

    private void acceptDouble(int group, double value)
    {
        // Double.compare orders NaN above +Infinity, as PostgreSQL does
        if (!seen[group] || (max ? Double.compare(value, doubles[group]) > 0 : Double.compare(value, doubles[group]) < 0)) {
            doubles[group] = value;
            seen[group] = true;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void acceptObject(int group, Object value, boolean copy)
    {
        if (!seen[group] || (max ? ((Comparable) value).compareTo(objects[group]) > 0 : ((Comparable) value).compareTo(objects[group]) < 0)) {
            objects[group] = copy && value instanceof Slice slice ? slice.copy() : value;
            seen[group] = true;
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        MinMaxAccumulator that = (MinMaxAccumulator) other;
        for (int group = 0; group < mapping.length; group++) {
            if (!that.seen[group]) {
                continue;
            }
            int target = mapping[group];
            switch (kind) {
                case LONG, BOOLEAN -> acceptLong(target, that.longs[group]);
                case REAL, DOUBLE -> acceptDouble(target, that.doubles[group]);
                case OBJECT -> acceptObject(target, that.objects[group], false);
            }
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        if (group >= seen.length || !seen[group]) {
            output.appendNull();
            return;
        }
        switch (kind) {
            case LONG -> type.writeLong(output, longs[group]);
            case BOOLEAN -> type.writeBoolean(output, longs[group] != 0);
            case REAL -> type.writeLong(output, Float.floatToIntBits((float) doubles[group]));
            case DOUBLE -> type.writeDouble(output, doubles[group]);
            case OBJECT -> {
                if (objects[group] instanceof Slice slice) {
                    type.writeSlice(output, slice);
                }
                else {
                    type.writeObject(output, objects[group]);
                }
            }
        }
    }

    @Override
    public long retainedBytes()
    {
        return seen.length * (kind == Kind.OBJECT ? 48L : 17L);
    }
}
