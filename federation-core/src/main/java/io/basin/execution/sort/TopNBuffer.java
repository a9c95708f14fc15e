package io.basin.execution.sort;

import io.basin.execution.compare.RowComparator;
import io.basin.execution.compare.SortKey;
import io.basin.execution.compare.ValueBlocks;
import io.basin.execution.memory.LocalMemoryContext;
import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Keeps the first {@code capacity} rows of its input in sort order: a bounded max-heap of
 * {@link RowAddress}es whose top is the worst row kept. Once the heap is full a row costs one
 * comparison with the top unless it is better, so for the usual small top-N almost every input
 * row is rejected after a single comparison.
 *
 * <p>Rows stay in the input pages they came from. A page nobody points into is dropped at once;
 * when the retained pages hold many more rows than the heap (a few survivors in each of many
 * pages), the survivors are copied into compact pages. The copy costs O(capacity) and happens
 * at most once per {@code capacity} input rows, so it is amortized O(1) per row, and retained
 * memory stays within about twice the size of the kept rows. Not thread-safe.
 */
public final class TopNBuffer
{
    // Compaction also waits for at least this many dead rows, so a tiny heap does not copy its
    // rows after every page.
    private static final int COMPACTION_SLACK_ROWS = 8192;

    /** The heap is an int-indexed array; a larger "top N" should be a full sort. */
    public static final long MAX_CAPACITY = SortBuffer.MAX_ROWS;

    private final List<Type> types;
    private final RowComparator comparator;
    private final long capacity;
    private final LocalMemoryContext memoryContext;

    private final List<Page> pages = new ArrayList<>();
    private int[] referenceCounts = new int[16];
    private final List<Integer> freeSlots = new ArrayList<>();
    private long retainedRows;
    private long retainedPageBytes;

    private long[] heap = new long[16];
    private int heapSize;
    private boolean finished;

    public TopNBuffer(List<Type> types, List<SortKey> sortKeys, long capacity, LocalMemoryContext memoryContext)
    {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.comparator = RowComparator.of(requireNonNull(sortKeys, "sortKeys is null"));
        checkArgument(capacity >= 0, "capacity is negative");
        checkArgument(capacity <= MAX_CAPACITY, "capacity %s is too large for a top-N buffer", capacity);
        this.capacity = capacity;
        this.memoryContext = requireNonNull(memoryContext, "memoryContext is null");
    }

    public void addPage(Page page)
    {
        checkState(!finished, "buffer is finished");
        checkArgument(page.getChannelCount() == types.size(), "page has %s channels, expected %s", page.getChannelCount(), types.size());
        if (capacity == 0 || page.getPositionCount() == 0) {
            return;
        }
        Page flat = ValueBlocks.flatten(page);
        int slot = allocateSlot(flat);
        for (int position = 0; position < flat.getPositionCount(); position++) {
            if (heapSize < capacity) {
                push(RowAddress.encode(slot, position));
                referenceCounts[slot]++;
            }
            else if (comparator.compare(flat, position, pageOf(heap[0]), RowAddress.position(heap[0])) < 0) {
                int evictedSlot = RowAddress.pageIndex(heap[0]);
                referenceCounts[evictedSlot]--;
                if (referenceCounts[evictedSlot] == 0 && evictedSlot != slot) {
                    releaseSlot(evictedSlot);
                }
                heap[0] = RowAddress.encode(slot, position);
                referenceCounts[slot]++;
                siftDown(0);
            }
        }
        if (referenceCounts[slot] == 0) {
            releaseSlot(slot);
        }
        if (retainedRows > 2L * heapSize + COMPACTION_SLACK_ROWS) {
            compact();
        }
        updateMemory();
    }

    public long rowCount()
    {
        return heapSize;
    }

    /** The kept rows in sort order; hands the memory reservation over to the run. */
    public SortedRun finish()
    {
        checkState(!finished, "buffer is finished");
        finished = true;
        long[] addresses = Arrays.copyOf(heap, heapSize);
        long[] scratch = new long[heapSize];
        Page[] pageArray = pages.toArray(Page[]::new);
        AddressSort.sort(addresses, 0, heapSize, scratch, (left, right) -> comparator.compare(
                pageArray[RowAddress.pageIndex(left)], RowAddress.position(left),
                pageArray[RowAddress.pageIndex(right)], RowAddress.position(right)));
        heap = null;
        return new SortedRun(pageArray, addresses, addresses.length, memoryContext);
    }

    private Page pageOf(long address)
    {
        return pages.get(RowAddress.pageIndex(address));
    }

    private int allocateSlot(Page page)
    {
        int slot;
        if (!freeSlots.isEmpty()) {
            slot = freeSlots.removeLast();
            pages.set(slot, page);
        }
        else {
            slot = pages.size();
            pages.add(page);
            if (slot == referenceCounts.length) {
                referenceCounts = Arrays.copyOf(referenceCounts, slot * 2);
            }
        }
        referenceCounts[slot] = 0;
        retainedRows += page.getPositionCount();
        retainedPageBytes += page.getRetainedSizeInBytes();
        return slot;
    }

    private void releaseSlot(int slot)
    {
        Page page = pages.set(slot, null);
        retainedRows -= page.getPositionCount();
        retainedPageBytes -= page.getRetainedSizeInBytes();
        freeSlots.add(slot);
    }

    /** Copies the kept rows into fresh pages, keeping the heap order, and drops the old pages. */
    private void compact()
    {
        List<Page> compacted = new ArrayList<>();
        int[] newPageIndexes = new int[heapSize];
        int[] newPositions = new int[heapSize];
        RowGatherer gatherer = new RowGatherer(types);
        for (int index = 0; index < heapSize; index++) {
            long address = heap[index];
            newPageIndexes[index] = compacted.size();
            newPositions[index] = gatherer.size();
            gatherer.append(pageOf(address), RowAddress.position(address));
            if (gatherer.isFull()) {
                compacted.add(gatherer.build());
            }
        }
        if (!gatherer.isEmpty()) {
            compacted.add(gatherer.build());
        }

        pages.clear();
        freeSlots.clear();
        retainedRows = 0;
        retainedPageBytes = 0;
        referenceCounts = new int[Math.max(16, compacted.size())];
        for (Page page : compacted) {
            allocateSlot(page);
        }
        for (int index = 0; index < heapSize; index++) {
            heap[index] = RowAddress.encode(newPageIndexes[index], newPositions[index]);
            referenceCounts[newPageIndexes[index]]++;
        }
    }

    private void push(long address)
    {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, (int) Math.min(capacity, 2L * heap.length));
        }
        int index = heapSize++;
        heap[index] = address;
        // sift up: the worst row rises to the top
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (compareAddresses(heap[parent], heap[index]) >= 0) {
                break;
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
            if (child + 1 < heapSize && compareAddresses(heap[child + 1], heap[child]) > 0) {
                child++;
            }
            if (compareAddresses(heap[index], heap[child]) >= 0) {
                return;
            }
            swap(index, child);
            index = child;
        }
    }

    private int compareAddresses(long left, long right)
    {
        return comparator.compare(pageOf(left), RowAddress.position(left), pageOf(right), RowAddress.position(right));
    }

    private void swap(int left, int right)
    {
        long address = heap[left];
        heap[left] = heap[right];
        heap[right] = address;
    }

    private void updateMemory()
    {
        memoryContext.setBytes(retainedPageBytes + (long) Long.BYTES * heap.length + (long) Integer.BYTES * referenceCounts.length);
    }
}
