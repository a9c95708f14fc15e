package io.basin.execution.window;

import io.basin.execution.compare.SortKey;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * {@code OVER (PARTITION BY ... ORDER BY ...)}: the window shared by every function computed
 * with one sort. Partitions group rows equal on the partition channels (NULL equal to NULL);
 * peers are rows of a partition equal on all order keys.
 */
public record WindowSpec(List<Integer> partitionChannels, List<SortKey> orderKeys)
{
    public WindowSpec
    {
        partitionChannels = List.copyOf(requireNonNull(partitionChannels, "partitionChannels is null"));
        orderKeys = List.copyOf(requireNonNull(orderKeys, "orderKeys is null"));
        for (int channel : partitionChannels) {
            checkArgument(channel >= 0, "partition channel is negative");
        }
    }
}
