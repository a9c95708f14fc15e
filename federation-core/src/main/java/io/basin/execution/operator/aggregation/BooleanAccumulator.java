package io.basin.execution.operator.aggregation;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BooleanType;

import java.util.Arrays;

/** bool_and / bool_or (every / some). */
final class BooleanAccumulator
        implements Accumulator
{
    private final int channel;
    private final boolean and;
    // 0: no value, 1: true, 2: false
    private byte[] states = new byte[16];

    BooleanAccumulator(int channel, boolean and)
    {
        this.channel = channel;
        this.and = and;
    }

    private void ensure(int groupCount)
    {
        if (groupCount > states.length) {
            states = Arrays.copyOf(states, Math.max(groupCount, states.length * 2));
        }
    }

    private void accept(int group, boolean value)
    {
        byte state = states[group];
        boolean current = state == 1;
        boolean result = state == 0 ? value : (and ? current && value : current || value);
        states[group] = (byte) (result ? 1 : 2);
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block block = page.getBlock(channel);
        for (int i = 0; i < positionCount; i++) {
            if (groups[i] >= 0 && !block.isNull(i)) {
                accept(groups[i], BooleanType.BOOLEAN.getBoolean(block, i));
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        BooleanAccumulator that = (BooleanAccumulator) other;
        for (int group = 0; group < mapping.length; group++) {
            if (that.states[group] != 0) {
                accept(mapping[group], that.states[group] == 1);
            }
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        if (group >= states.length || states[group] == 0) {
            output.appendNull();
        }
        else {
            BooleanType.BOOLEAN.writeBoolean(output, states[group] == 1);
        }
    }

    @Override
    public long retainedBytes()
    {
        return states.length;
    }
}
