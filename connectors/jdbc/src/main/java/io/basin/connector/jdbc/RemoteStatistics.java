package io.basin.connector.jdbc;

import java.util.Map;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * A relation's statistics as the remote planner keeps them (empty until analyzed), by exact
 * column name: estimated rows, distinct values and fractions of nulls.
 */
public record RemoteStatistics(OptionalDouble rowCount, Map<String, Double> distinctValues, Map<String, Double> nullFractions)
{
    public RemoteStatistics
    {
        requireNonNull(rowCount, "rowCount is null");
        distinctValues = Map.copyOf(requireNonNull(distinctValues, "distinctValues is null"));
        nullFractions = Map.copyOf(requireNonNull(nullFractions, "nullFractions is null"));
    }
}
