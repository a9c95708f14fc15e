package io.basin.execution.memory;

import static java.util.Objects.requireNonNull;

/** The retained memory of one operator instance; {@link #setBytes} replaces the previous figure. */
public final class LocalMemoryContext
        implements AutoCloseable
{
    private final QueryMemoryPool pool;
    private final String owner;
    // null unless EXPLAIN ANALYZE follows the operator's memory
    private final MemoryPeak peak;
    private long bytes;

    LocalMemoryContext(QueryMemoryPool pool, String owner, MemoryPeak peak)
    {
        this.pool = requireNonNull(pool, "pool is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.peak = peak;
    }

    /** Throws EXCEEDED_MEMORY_LIMIT when the query goes over its limit. */
    public synchronized void setBytes(long newBytes)
    {
        long delta = newBytes - bytes;
        bytes = newBytes;
        if (delta != 0) {
            pool.update(delta, owner);
            if (peak != null) {
                peak.add(delta);
            }
        }
    }

    public synchronized long getBytes()
    {
        return bytes;
    }

    @Override
    public void close()
    {
        setBytes(0);
    }
}
