package io.basin.execution.window;

import io.basin.execution.compare.ValueComparator;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * {@code min} and {@code max} over the frame, in the order of {@link ValueComparator} (NaN
 * above every number, strings byte-wise). A monotonic deque of row numbers makes sliding frames
 * O(n): rows are kept in frame order, each better than every row after it, so the front is the
 * answer; a new row evicts the rows behind it that it beats, since they can never be the answer
 * while it is in the frame. NULLs are ignored; NULL when the frame has no value.
 */
final class MinMaxFunction
        extends FrameAggregateFunction
{
    private final int valueChannel;
    private final ValueComparator comparator;
    private final boolean max;
    private int[] deque = new int[16];
    private int head;
    private int tail;

    MinMaxFunction(boolean max, int valueChannel, Type valueType)
    {
        this.max = max;
        this.valueChannel = valueChannel;
        this.comparator = ValueComparator.of(requireNonNull(valueType, "valueType is null"));
    }

    @Override
    protected void clear()
    {
        // Between clears every row is added at most once, so the deque never holds more rows than the partition.
        if (deque.length < partition.size()) {
            deque = new int[partition.size()];
        }
        head = 0;
        tail = 0;
    }

    @Override
    protected void add(int row)
    {
        if (partition.isNull(valueChannel, row)) {
            return;
        }
        while (tail > head && !isBetter(deque[tail - 1], row)) {
            tail--;
        }
        deque[tail++] = row;
    }

    @Override
    protected void remove(int row)
    {
        if (tail > head && deque[head] == row) {
            head++;
        }
    }

    /** True when {@code kept} is strictly better than {@code candidate}, so both must stay. */
    private boolean isBetter(int kept, int candidate)
    {
        int result = comparator.compare(
                partition.block(valueChannel, kept), partition.position(kept),
                partition.block(valueChannel, candidate), partition.position(candidate));
        return max ? result > 0 : result < 0;
    }

    @Override
    protected void write(BlockBuilder output)
    {
        if (tail == head) {
            output.appendNull();
        }
        else {
            partition.appendValue(valueChannel, deque[head], output);
        }
    }
}
