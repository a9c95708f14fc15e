package io.basin.execution.expression;

import io.basin.execution.expression.codegen.CompiledKernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The compiled classes of expression shapes (Redshift's compilation cache for the JVM): a
 * thread-safe LRU bounded to {@code maximumSize} classes. Each shape is compiled once even when
 * several drivers ask for it at the same time: the first caller compiles while the others wait for
 * its result. A failed compilation is not cached.
 */
public final class CompiledExpressionCache
{
    public static final int DEFAULT_MAXIMUM_SIZE = 1000;

    private final int maximumSize;
    // access-ordered: iteration starts at the least recently used entry; guarded by this
    private final Map<String, CompletableFuture<CompiledKernel>> entries;
    private long hits;
    private long misses;
    private long evictions;
    private final AtomicLong compileTimeNanos = new AtomicLong();

    public CompiledExpressionCache()
    {
        this(DEFAULT_MAXIMUM_SIZE);
    }

    public CompiledExpressionCache(int maximumSize)
    {
        checkArgument(maximumSize > 0, "maximumSize must be positive");
        this.maximumSize = maximumSize;
        this.entries = new LinkedHashMap<>(16, 0.75f, true)
        {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CompiledKernel>> eldest)
            {
                if (size() > CompiledExpressionCache.this.maximumSize) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    /** The kernel cached under {@code key}, compiling it with {@code compiler} if absent. */
    CompiledKernel get(String key, Supplier<CompiledKernel> compiler)
    {
        requireNonNull(key, "key is null");
        requireNonNull(compiler, "compiler is null");
        CompletableFuture<CompiledKernel> future;
        boolean compileHere = false;
        synchronized (this) {
            future = entries.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                entries.put(key, future);
                misses++;
                compileHere = true;
            }
            else {
                hits++;
            }
        }
        if (compileHere) {
            long start = System.nanoTime();
            try {
                future.complete(compiler.get());
            }
            catch (RuntimeException | Error e) {
                synchronized (this) {
                    entries.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
            finally {
                compileTimeNanos.addAndGet(System.nanoTime() - start);
            }
        }
        try {
            return future.join();
        }
        catch (CompletionException e) {
            // another driver's compilation of this shape failed: report its error here too
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public synchronized long hits()
    {
        return hits;
    }

    public synchronized long misses()
    {
        return misses;
    }

    public synchronized long evictions()
    {
        return evictions;
    }

    public synchronized long size()
    {
        return entries.size();
    }

    public int maximumSize()
    {
        return maximumSize;
    }

    public long compileTimeNanos()
    {
        return compileTimeNanos.get();
    }

    public synchronized CacheStatistics statistics()
    {
        return new CacheStatistics(hits, misses, evictions, entries.size(), maximumSize, compileTimeNanos.get());
    }

    /** Drops every cached class (counters are kept). */
    public synchronized void invalidateAll()
    {
        entries.clear();
    }
}
