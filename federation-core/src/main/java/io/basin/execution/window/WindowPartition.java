package io.basin.execution.window;

import io.basin.execution.sort.SortedRun;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.ValueBlock;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** The rows of one window partition, in window order, read by row number within the partition. */
public final class WindowPartition
{
    private final SortedRun run;
    private final int start;
    private final int size;

    public WindowPartition(SortedRun run, int start, int end)
    {
        this.run = requireNonNull(run, "run is null");
        checkArgument(0 <= start && start <= end && end <= run.rowCount(), "invalid partition range");
        this.start = start;
        this.size = end - start;
    }

    public int size()
    {
        return size;
    }

    /** The value block holding the row's value in {@code channel}; read it at {@link #position}. */
    public Block block(int channel, int row)
    {
        return run.page(start + row).getBlock(channel);
    }

    public int position(int row)
    {
        return run.position(start + row);
    }

    public boolean isNull(int channel, int row)
    {
        return block(channel, row).isNull(position(row));
    }

    /** Appends the row's value in {@code channel} (NULL included) to a builder of the same type. */
    public void appendValue(int channel, int row, BlockBuilder output)
    {
        output.append((ValueBlock) block(channel, row), position(row));
    }
}
