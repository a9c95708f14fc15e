package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * {@code lag(value [, offset [, default]])} and {@code lead(...)}: the value {@code offset}
 * rows before (lag) or after (lead) the current row in the partition, or {@code default}
 * (NULL when absent) when there is no such row. The offset (1 when absent) and the default
 * are read at the current row; a NULL offset gives NULL, and a negative one looks the other
 * way, as in PostgreSQL.
 */
final class LagLeadFunction
        implements WindowFunction
{
    private final boolean lead;
    private final int valueChannel;
    private final OptionalInt offsetChannel;
    private final Type offsetType;
    private final OptionalInt defaultChannel;
    private WindowPartition partition;

    LagLeadFunction(boolean lead, int valueChannel, OptionalInt offsetChannel, Type offsetType, OptionalInt defaultChannel)
    {
        this.lead = lead;
        this.valueChannel = valueChannel;
        this.offsetChannel = requireNonNull(offsetChannel, "offsetChannel is null");
        this.offsetType = offsetType;
        this.defaultChannel = requireNonNull(defaultChannel, "defaultChannel is null");
    }

    @Override
    public void reset(WindowPartition partition)
    {
        this.partition = partition;
    }

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        long offset = 1;
        if (offsetChannel.isPresent()) {
            int channel = offsetChannel.getAsInt();
            if (partition.isNull(channel, row)) {
                output.appendNull();
                return;
            }
            offset = offsetType.getLong(partition.block(channel, row), partition.position(row));
        }
        // Clamp first so a huge offset cannot overflow; anything beyond the partition is "no row".
        long clamped = Math.max(-partition.size(), Math.min(partition.size(), offset));
        long target = lead ? row + clamped : row - clamped;
        if (target >= 0 && target < partition.size()) {
            partition.appendValue(valueChannel, (int) target, output);
        }
        else if (defaultChannel.isPresent()) {
            partition.appendValue(defaultChannel.getAsInt(), row, output);
        }
        else {
            output.appendNull();
        }
    }
}
