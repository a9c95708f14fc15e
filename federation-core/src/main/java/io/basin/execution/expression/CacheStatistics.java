package io.basin.execution.expression;

/**
 * A snapshot of {@link CompiledExpressionCache} counters, e.g. for a system table.
 *
 * @param hits lookups that found a compiled (or compiling) class
 * @param misses lookups that had to generate and compile a class
 * @param evictions classes dropped to stay within the maximum size
 * @param size classes currently cached
 * @param maximumSize the bound on cached classes
 * @param compileTimeNanos total time spent generating and compiling
 */
public record CacheStatistics(long hits, long misses, long evictions, long size, long maximumSize, long compileTimeNanos) {}
