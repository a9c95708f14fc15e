package io.basin.metadata;

import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * What a connector's statistics say about one column ({@code getTableStatistics}), for
 * estimating how many rows a filter keeps: each part may be unknown.
 *
 * @param nullFraction the fraction of rows that are NULL
 * @param min the least value on the planner's numeric scale (dates as days, decimals as their value)
 * @param max the greatest value on the same scale
 */
public record ColumnEstimate(OptionalDouble nullFraction, OptionalDouble min, OptionalDouble max)
{
    public ColumnEstimate
    {
        requireNonNull(nullFraction, "nullFraction is null");
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
    }
}
