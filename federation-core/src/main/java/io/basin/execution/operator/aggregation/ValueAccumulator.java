package io.basin.execution.operator.aggregation;

import io.basin.error.BasinException;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeUtils;

import java.util.Arrays;

import static io.basin.error.BasinErrorCode.CARDINALITY_VIOLATION;

/**
 * any_value, and single_value: the value of a scalar subquery, which must produce at most one
 * row per group (SQLSTATE 21000 otherwise, as PostgreSQL).
 */
final class ValueAccumulator
        implements Accumulator
{
    private final int channel;
    private final Type type;
    private final boolean single;
    private Object[] values = new Object[16];
    private long[] counts = new long[16];

    ValueAccumulator(int channel, Type type, boolean single)
    {
        this.channel = channel;
        this.type = type;
        this.single = single;
    }

    private void ensure(int groupCount)
    {
        if (groupCount > counts.length) {
            int size = Math.max(groupCount, counts.length * 2);
            values = Arrays.copyOf(values, size);
            counts = Arrays.copyOf(counts, size);
        }
    }

    private void accept(int group, Object value, long count)
    {
        if (counts[group] == 0) {
            values[group] = value;
        }
        counts[group] += count;
        if (single && counts[group] > 1) {
            throw new BasinException(CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
        }
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block block = page.getBlock(channel);
        for (int i = 0; i < positionCount; i++) {
            int group = groups[i];
            if (group < 0) {
                continue;
            }
            if (!single && counts[group] > 0) {
                continue;
            }
            Object value = TypeUtils.readNativeValue(type, block, i);
            if (value instanceof io.airlift.slice.Slice slice) {
                value = slice.copy();
            }
            if (!single && value == null) {
                continue;
            }
            accept(group, value, 1);
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        ValueAccumulator that = (ValueAccumulator) other;
        for (int group = 0; group < mapping.length; group++) {
            if (that.counts[group] > 0) {
                if (!single && counts[mapping[group]] > 0) {
                    continue;
                }
                accept(mapping[group], that.values[group], that.counts[group]);
            }
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        TypeUtils.writeNativeValue(type, output, group < counts.length && counts[group] > 0 ? values[group] : null);
    }

    @Override
    public long retainedBytes()
    {
        return counts.length * 40L;
    }
}
