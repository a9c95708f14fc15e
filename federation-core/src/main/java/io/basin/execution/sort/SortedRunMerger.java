package io.basin.execution.sort;

import io.basin.execution.compare.RowComparator;
import io.basin.execution.compare.SortKey;
import io.basin.execution.operator.PageSupplier;
import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Merges sorted runs into one sorted stream of pages, lazily, a page per {@link #next} call:
 * a binary heap of the runs ordered by their current rows, so each output row costs O(log k)
 * comparisons for k runs. Optionally skips the first {@code offset} rows and stops after
 * {@code limit} rows (ORDER BY ... OFFSET ... LIMIT). Equal rows come from the lower-numbered
 * run first, so the merge is deterministic. A single run (a global sort) is simply read in
 * order. Runs are closed (their memory released) once the merge is exhausted. Not thread-safe.
 */
public final class SortedRunMerger
        implements PageSupplier
{
    private final List<SortedRun> runs;
    private final RowComparator comparator;
    private final RowGatherer gatherer;
    private final int[] cursors;
    private final int[] heap;
    private int heapSize;
    private long rowsToSkip;
    private long rowsToEmit;
    private boolean closed;

    public SortedRunMerger(List<Type> types, List<SortedRun> runs, List<SortKey> sortKeys, long offset, long limit)
    {
        requireNonNull(types, "types is null");
        this.runs = new ArrayList<>(requireNonNull(runs, "runs is null"));
        requireNonNull(sortKeys, "sortKeys is null");
        checkArgument(!sortKeys.isEmpty(), "no sort keys");
        this.comparator = RowComparator.of(sortKeys);
        checkArgument(offset >= 0, "offset is negative");
        checkArgument(limit >= 0, "limit is negative");
        this.gatherer = new RowGatherer(types);
        this.rowsToSkip = offset;
        this.rowsToEmit = limit;
        this.cursors = new int[this.runs.size()];
        this.heap = new int[this.runs.size()];
        for (int run = 0; run < this.runs.size(); run++) {
            if (this.runs.get(run).rowCount() > 0) {
                heap[heapSize] = run;
                siftUp(heapSize);
                heapSize++;
            }
        }
    }

    /** Merges every row of the runs. */
    public static SortedRunMerger mergeAll(List<Type> types, List<SortedRun> runs, List<SortKey> sortKeys)
    {
        return new SortedRunMerger(types, runs, sortKeys, 0, Long.MAX_VALUE);
    }

    @Override
    public Page next()
    {
        while (heapSize > 0 && rowsToEmit > 0 && !gatherer.isFull()) {
            int run = heap[0];
            SortedRun sortedRun = runs.get(run);
            int index = cursors[run];
            if (rowsToSkip > 0) {
                rowsToSkip--;
            }
            else {
                gatherer.append(sortedRun.page(index), sortedRun.position(index));
                rowsToEmit--;
            }
            cursors[run] = index + 1;
            if (index + 1 == sortedRun.rowCount()) {
                heapSize--;
                heap[0] = heap[heapSize];
            }
            siftDown(0);
        }
        if (!gatherer.isEmpty()) {
            return gatherer.build();
        }
        close();
        return null;
    }

    private void close()
    {
        if (!closed) {
            closed = true;
            heapSize = 0;
            runs.forEach(SortedRun::close);
            runs.clear();
        }
    }

    private void siftUp(int index)
    {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (compareRuns(heap[parent], heap[index]) <= 0) {
                return;
            }
            swap(parent, index);
            index = parent;
        }
    }

    private void siftDown(int index)
    {
        while (true) {
            int child = 2 * index + 1;
            if (child >= heapSize) {
                return;
            }
            if (child + 1 < heapSize && compareRuns(heap[child + 1], heap[child]) < 0) {
                child++;
            }
            if (compareRuns(heap[index], heap[child]) <= 0) {
                return;
            }
            swap(index, child);
            index = child;
        }
    }

    private int compareRuns(int left, int right)
    {
        SortedRun leftRun = runs.get(left);
        SortedRun rightRun = runs.get(right);
        int leftIndex = cursors[left];
        int rightIndex = cursors[right];
        int result = comparator.compare(leftRun.page(leftIndex), leftRun.position(leftIndex), rightRun.page(rightIndex), rightRun.position(rightIndex));
        return result != 0 ? result : Integer.compare(left, right);
    }

    private void swap(int left, int right)
    {
        int run = heap[left];
        heap[left] = heap[right];
        heap[right] = run;
    }
}
