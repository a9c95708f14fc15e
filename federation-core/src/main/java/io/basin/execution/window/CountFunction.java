package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** {@code count(*)} (no argument) and {@code count(value)} (non-NULL values) over the frame. */
final class CountFunction
        extends FrameAggregateFunction
{
    private final OptionalInt valueChannel;
    private final Type outputType;
    private long count;

    CountFunction(OptionalInt valueChannel, Type outputType)
    {
        this.valueChannel = requireNonNull(valueChannel, "valueChannel is null");
        this.outputType = requireNonNull(outputType, "outputType is null");
    }

    @Override
    protected void clear()
    {
        count = 0;
    }

    @Override
    protected void add(int row)
    {
        if (counts(row)) {
            count++;
        }
    }

    @Override
    protected void remove(int row)
    {
        if (counts(row)) {
            count--;
        }
    }

    private boolean counts(int row)
    {
        return valueChannel.isEmpty() || !partition.isNull(valueChannel.getAsInt(), row);
    }

    @Override
    protected void write(BlockBuilder output)
    {
        outputType.writeLong(output, count);
    }
}
