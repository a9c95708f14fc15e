package io.basin.execution.driver;

import static java.util.Objects.requireNonNull;

/**
 * What one stage of a pipeline did, added up over its drivers, for EXPLAIN ANALYZE: a source has
 * no input rows and a sink no output rows (its rows come out of the next pipeline's source).
 *
 * @param operator the stage's one-line description
 * @param wallNanos time spent in the stage itself, without the stages it pushed pages to
 * @param cpuNanos thread CPU time of the same calls (0 where the JVM does not measure it)
 * @param peakMemoryBytes the most memory the stage held at once over all its drivers, where it accounts memory
 */
public record OperatorStats(String operator, long inputRows, long inputPages, long outputRows, long wallNanos, long cpuNanos, long peakMemoryBytes, int drivers)
{
    public OperatorStats
    {
        requireNonNull(operator, "operator is null");
    }
}
