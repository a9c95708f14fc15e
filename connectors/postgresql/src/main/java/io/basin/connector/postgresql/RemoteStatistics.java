package io.basin.connector.postgresql;

import java.util.Map;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/** A relation's statistics as PostgreSQL's planner keeps them; empty until ANALYZE ran. */
record RemoteStatistics(OptionalDouble rowCount, Map<String, Double> distinctValues, Map<String, Double> nullFractions)
{
    RemoteStatistics
    {
        requireNonNull(rowCount, "rowCount is null");
        distinctValues = Map.copyOf(requireNonNull(distinctValues, "distinctValues is null"));
        nullFractions = Map.copyOf(requireNonNull(nullFractions, "nullFractions is null"));
    }
}
