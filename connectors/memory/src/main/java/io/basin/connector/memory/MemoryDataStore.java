package io.basin.connector.memory;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static io.trino.spi.StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT;
import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * The data of every table of a memory catalog, and the writes staged for them.
 *
 * <p>A page sink buffers its pages and, when it finishes, stages them here as a <em>fragment</em>
 * that belongs to its transaction. Nothing staged is visible to scans: {@link #commit} appends the
 * fragments of one write to a table in a single step, so readers see all of a write or none of it.
 * Fragments that are never committed (a failed query) are dropped with their transaction.
 *
 * <p>Every retained byte (committed, staged, or buffered in a sink) is counted against the
 * catalog's limit. Thread-safe.
 */
final class MemoryDataStore
{
    private final long maxBytes;
    private final AtomicLong usedBytes = new AtomicLong();
    private final AtomicLong nextFragmentId = new AtomicLong();
    private final Map<Long, MemoryTableData> tables = new ConcurrentHashMap<>();
    private final Map<Long, Fragment> fragments = new ConcurrentHashMap<>();

    MemoryDataStore(long maxBytes)
    {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes is negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Counts {@code bytes} more against the limit, or fails without counting them. */
    void reserve(long bytes)
    {
        long total = usedBytes.addAndGet(bytes);
        if (bytes > 0 && total > maxBytes) {
            usedBytes.addAndGet(-bytes);
            throw new TrinoException(EXCEEDED_LOCAL_MEMORY_LIMIT, "Cannot store more data in memory catalog: limit of %s bytes exceeded".formatted(maxBytes));
        }
    }

    void release(long bytes)
    {
        usedBytes.addAndGet(-bytes);
    }

    /** Bytes retained by all tables, staged fragments and open sinks. */
    long usedBytes()
    {
        return usedBytes.get();
    }

    /** The current snapshot of a table's data; empty when the table was dropped. */
    Optional<MemoryTableData> data(long tableId)
    {
        return Optional.ofNullable(tables.get(tableId));
    }

    /** Creates the data of a new table from committed fragments (empty for a plain CREATE TABLE). */
    void createTable(long tableId, List<Type> columnTypes, Collection<Slice> fragmentIds)
    {
        List<Page> pages = takeFragments(tableId, fragmentIds);
        if (tables.putIfAbsent(tableId, MemoryTableData.empty(columnTypes).append(pages)) != null) {
            release(retainedBytes(pages));
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Memory table id %s is already in use".formatted(tableId));
        }
    }

    /** Appends the fragments of one write to a table, atomically. Returns false when the table is gone. */
    boolean commit(long tableId, Collection<Slice> fragmentIds)
    {
        List<Page> pages = takeFragments(tableId, fragmentIds);
        MemoryTableData updated = tables.computeIfPresent(tableId, (_, data) -> data.append(pages));
        if (updated == null) {
            release(retainedBytes(pages));
            return false;
        }
        return true;
    }

    void dropTable(long tableId)
    {
        MemoryTableData removed = tables.remove(tableId);
        if (removed != null) {
            release(removed.retainedBytes());
        }
    }

    /**
     * Stages the pages of a finished sink, whose bytes the sink already reserved. Returns the
     * fragment the sink reports to the engine.
     */
    Slice stage(UUID transactionId, long tableId, List<Page> pages, long reservedBytes)
    {
        long fragmentId = nextFragmentId.incrementAndGet();
        fragments.put(fragmentId, new Fragment(transactionId, tableId, List.copyOf(pages), reservedBytes));
        Slice slice = Slices.allocate(Long.BYTES);
        slice.setLong(0, fragmentId);
        return slice;
    }

    /** Drops what a transaction staged and never committed. */
    void discardTransaction(UUID transactionId)
    {
        fragments.values().removeIf(fragment -> {
            if (fragment.transactionId().equals(transactionId)) {
                release(fragment.reservedBytes());
                return true;
            }
            return false;
        });
    }

    /** Removes the named fragments, all of which must be staged for {@code tableId}, and returns their pages. */
    private List<Page> takeFragments(long tableId, Collection<Slice> fragmentIds)
    {
        // Validate every fragment before removing any, so a bad commit leaves all of them staged
        // (and counted) for the transaction's clean-up.
        List<Long> ids = new ArrayList<>(fragmentIds.size());
        for (Slice slice : fragmentIds) {
            if (slice.length() != Long.BYTES) {
                throw new TrinoException(GENERIC_INTERNAL_ERROR, "Not a memory connector write fragment: " + slice.length() + " bytes");
            }
            long id = slice.getLong(0);
            Fragment fragment = fragments.get(id);
            if (fragment == null) {
                throw new TrinoException(GENERIC_INTERNAL_ERROR, "Memory connector write fragment %s was already committed or discarded".formatted(id));
            }
            if (fragment.tableId() != tableId) {
                throw new TrinoException(GENERIC_INTERNAL_ERROR, "Write fragment of memory table %s committed to table %s".formatted(fragment.tableId(), tableId));
            }
            ids.add(id);
        }
        List<Page> pages = new ArrayList<>();
        for (long id : ids) {
            Fragment fragment = fragments.remove(id);
            if (fragment == null) {
                throw new TrinoException(GENERIC_INTERNAL_ERROR, "Memory connector write fragment %s was committed twice concurrently".formatted(id));
            }
            pages.addAll(fragment.pages());
        }
        return pages;
    }

    private static long retainedBytes(List<Page> pages)
    {
        return pages.stream().mapToLong(Page::getRetainedSizeInBytes).sum();
    }

    private record Fragment(UUID transactionId, long tableId, List<Page> pages, long reservedBytes) {}
}
