package io.basin.execution.expression;

import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** How a processor produces one output column. */
sealed interface Projection
{
    Type type();

    /** A bare input column: passed through (or its selected positions copied), never recomputed. */
    record InputChannel(int channel, Type type)
            implements Projection
    {
        public InputChannel
        {
            checkArgument(channel >= 0, "channel is negative");
            requireNonNull(type, "type is null");
        }
    }

    /** A literal: a run-length block of its single value. */
    record ConstantValue(Block value, Type type)
            implements Projection
    {
        public ConstantValue
        {
            requireNonNull(value, "value is null");
            checkArgument(value.getPositionCount() == 1, "value must have one position");
            requireNonNull(type, "type is null");
        }
    }

    /** An expression computed by the generated kernel's projection {@code index}. */
    record Computed(int index, Type type)
            implements Projection
    {
        public Computed
        {
            checkArgument(index >= 0, "index is negative");
            requireNonNull(type, "type is null");
        }
    }
}
