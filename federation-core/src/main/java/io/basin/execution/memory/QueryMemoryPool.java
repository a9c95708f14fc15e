package io.basin.execution.memory;

import io.basin.error.BasinException;

import java.util.concurrent.atomic.AtomicLong;

import static com.google.common.base.Preconditions.checkArgument;
import static io.basin.error.BasinErrorCode.EXCEEDED_MEMORY_LIMIT;
import static java.util.Objects.requireNonNull;

/**
 * Memory accounted to one query. Operators that retain data (hash tables, sort buffers,
 * materialized results) report their retained size through a {@link LocalMemoryContext}; going
 * over the limit fails the query with SQLSTATE 53200 instead of taking the JVM down.
 */
public final class QueryMemoryPool
{
    private final long limitBytes;
    private final AtomicLong reservedBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();

    public QueryMemoryPool(long limitBytes)
    {
        checkArgument(limitBytes > 0, "limitBytes must be positive");
        this.limitBytes = limitBytes;
    }

    public LocalMemoryContext newLocalMemoryContext(String owner)
    {
        return new LocalMemoryContext(this, owner, null);
    }

    /** A memory context whose changes also add to {@code peak} (for EXPLAIN ANALYZE). */
    public LocalMemoryContext newLocalMemoryContext(String owner, MemoryPeak peak)
    {
        return new LocalMemoryContext(this, owner, requireNonNull(peak, "peak is null"));
    }

    void update(long deltaBytes, String owner)
    {
        long reserved = reservedBytes.addAndGet(deltaBytes);
        peakBytes.accumulateAndGet(reserved, Math::max);
        if (deltaBytes > 0 && reserved > limitBytes) {
            throw new BasinException(EXCEEDED_MEMORY_LIMIT, "Query exceeded per-query memory limit of %s (reserved %s by %s); raise query_max_memory or reduce the data the query retains"
                    .formatted(formatBytes(limitBytes), formatBytes(reserved), owner));
        }
    }

    public long limitBytes()
    {
        return limitBytes;
    }

    public long reservedBytes()
    {
        return reservedBytes.get();
    }

    public long peakBytes()
    {
        return peakBytes.get();
    }

    public static String formatBytes(long bytes)
    {
        if (bytes >= 1L << 30) {
            return "%.1fGB".formatted(bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return "%.1fMB".formatted(bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return "%.1fkB".formatted(bytes / (double) (1L << 10));
        }
        return bytes + "B";
    }
}
