package io.basin.connector.warehouse.storage;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table in one committed (or one transaction's working) state.
 *
 * @param definition the table's schema
 * @param dataVersion increases with every commit that changes the table's rows; a rewrite of the
 *         rows (DELETE, TRUNCATE) commits only if no other transaction changed them meanwhile
 * @param groups the row groups in write order
 */
public record TableState(TableDefinition definition, long dataVersion, List<RowGroup> groups)
{
    public TableState
    {
        requireNonNull(definition, "definition is null");
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
    }

    public long id()
    {
        return definition.id();
    }

    public long liveRows()
    {
        return groups.stream().mapToLong(RowGroup::liveRows).sum();
    }
}
