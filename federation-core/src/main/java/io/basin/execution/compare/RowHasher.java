package io.basin.execution.compare;

import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Hashes the values of some channels of a row, consistently with {@link RowComparator}
 * equality (NULL hashes like NULL). Used to spread window partitions over workers.
 */
public final class RowHasher
{
    private static final long NULL_HASH = 0x6a09e667f3bcc909L;

    private final int[] channels;
    private final ValueKind[] kinds;

    public RowHasher(List<Integer> channels, List<Type> channelTypes)
    {
        checkArgument(channels.size() == channelTypes.size(), "channels and channelTypes differ in size");
        this.channels = channels.stream().mapToInt(Integer::intValue).toArray();
        this.kinds = channelTypes.stream().map(ValueKind::of).toArray(ValueKind[]::new);
    }

    /** The hash of the row's key; the page must hold value blocks. */
    public long hash(Page page, int position)
    {
        long hash = 0;
        for (int key = 0; key < channels.length; key++) {
            var block = page.getBlock(channels[key]);
            long valueHash = block.isNull(position) ? NULL_HASH : ValueHasher.hash(kinds[key], block, position);
            hash = hash * 31 + valueHash;
        }
        return ValueHasher.mix(hash);
    }
}
