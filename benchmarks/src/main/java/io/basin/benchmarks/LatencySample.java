package io.basin.benchmarks;

import java.util.Arrays;

/** Round-trip times of one measurement, sorted, with the percentiles the report shows. */
final class LatencySample
{
    private final long[] sortedNanos;

    LatencySample(long[] nanos)
    {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    int count()
    {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile in milliseconds, {@code percent} in (0, 100]. */
    double percentileMillis(double percent)
    {
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
    }

    double meanMillis()
    {
        return Arrays.stream(sortedNanos).average().orElseThrow() / 1e6;
    }
}
