package io.basin.sql.planner.pushdown;

import io.trino.spi.connector.AggregateFunction;
import io.trino.spi.connector.AggregationApplicationResult;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The connectors' pushdown calls ({@code ConnectorMetadata.applyX}) for one statement, by catalog. */
public interface ConnectorPushdown
{
    Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(String catalog, ConnectorTableHandle handle, Constraint constraint);

    Optional<AggregationApplicationResult<ConnectorTableHandle>> applyAggregation(
            String catalog,
            ConnectorTableHandle handle,
            List<AggregateFunction> aggregates,
            Map<String, ColumnHandle> assignments,
            List<List<ColumnHandle>> groupingSets);
}
