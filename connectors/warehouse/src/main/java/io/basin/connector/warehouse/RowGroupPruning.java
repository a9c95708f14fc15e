package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableDefinition;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;

import java.util.Map;

/** Decides from zone maps whether a row group can hold rows a constraint accepts. */
final class RowGroupPruning
{
    private RowGroupPruning() {}

    static boolean mayMatch(TableDefinition table, RowGroup group, TupleDomain<ColumnHandle> constraint)
    {
        if (constraint.isNone()) {
            return false;
        }
        if (group.liveRows() == 0) {
            return false;
        }
        for (Map.Entry<ColumnHandle, Domain> entry : constraint.getDomains().orElseThrow().entrySet()) {
            if (!(entry.getKey() instanceof WarehouseColumnHandle column)) {
                // the row id column has no zone map
                continue;
            }
            int ordinal = column.ordinal();
            Domain blockDomain = group.zoneMap(table.columns().get(ordinal)).toDomain(table.columns().get(ordinal).storage());
            if (!entry.getValue().overlaps(blockDomain)) {
                return false;
            }
        }
        return true;
    }
}
