package io.basin.connector.warehouse.storage;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.trino.spi.StandardErrorCode.SCHEMA_ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.SCHEMA_NOT_EMPTY;
import static io.trino.spi.StandardErrorCode.SCHEMA_NOT_FOUND;
import static io.trino.spi.StandardErrorCode.TABLE_ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.TRANSACTION_CONFLICT;
import static java.util.Objects.requireNonNull;

/**
 * One change a transaction makes. A transaction applies its changes to its own working state as
 * it goes and, on commit, replays them on the latest committed state: changes that still make
 * sense there (appends, DDL on other tables) go through; a change whose premise another
 * transaction invalidated fails with TRANSACTION_CONFLICT (SQLSTATE 40001), so no update is lost.
 */
public sealed interface TableChange
{
    CatalogState applyTo(CatalogState state);

    /** Files this change retires: they stay until no snapshot that can see them is left. */
    default List<RowGroup> retiredGroups(CatalogState before)
    {
        return List.of();
    }

    record CreateSchema(String schema)
            implements TableChange
    {
        public CreateSchema
        {
            requireNonNull(schema, "schema is null");
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            if (state.schemas().contains(schema)) {
                throw new TrinoException(SCHEMA_ALREADY_EXISTS, "Schema '%s' already exists".formatted(schema));
            }
            SortedSet<String> schemas = new TreeSet<>(state.schemas());
            schemas.add(schema);
            return state.withSchemas(schemas);
        }
    }

    record DropSchema(String schema, boolean cascade)
            implements TableChange
    {
        public DropSchema
        {
            requireNonNull(schema, "schema is null");
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            if (!state.schemas().contains(schema)) {
                throw new TrinoException(SCHEMA_NOT_FOUND, "Schema '%s' does not exist".formatted(schema));
            }
            List<TableState> tables = state.tablesIn(java.util.Optional.of(schema));
            if (!cascade && !tables.isEmpty()) {
                throw new TrinoException(SCHEMA_NOT_EMPTY, "Cannot drop schema '%s': it contains %s table(s)".formatted(schema, tables.size()));
            }
            CatalogState result = state;
            for (TableState table : tables) {
                result = result.withoutTable(table.id());
            }
            SortedSet<String> schemas = new TreeSet<>(result.schemas());
            schemas.remove(schema);
            return result.withSchemas(schemas);
        }

        @Override
        public List<RowGroup> retiredGroups(CatalogState before)
        {
            List<RowGroup> groups = new ArrayList<>();
            before.tablesIn(java.util.Optional.of(schema)).forEach(table -> groups.addAll(table.groups()));
            return groups;
        }
    }

    record CreateTable(TableDefinition definition)
            implements TableChange
    {
        public CreateTable
        {
            requireNonNull(definition, "definition is null");
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            SchemaTableName name = definition.name();
            if (!state.schemas().contains(name.getSchemaName())) {
                throw new TrinoException(SCHEMA_NOT_FOUND, "Schema '%s' does not exist".formatted(name.getSchemaName()));
            }
            if (state.table(name).isPresent()) {
                throw new TrinoException(TABLE_ALREADY_EXISTS, "Table '%s' already exists".formatted(name));
            }
            return state.withTable(new TableState(definition, 0, List.of(), TableState.noDistinctValues(definition)));
        }
    }

    record DropTable(long tableId)
            implements TableChange
    {
        @Override
        public CatalogState applyTo(CatalogState state)
        {
            existing(state, tableId, "drop");
            return state.withoutTable(tableId);
        }

        @Override
        public List<RowGroup> retiredGroups(CatalogState before)
        {
            return before.table(tableId).map(TableState::groups).orElse(List.of());
        }
    }

    record RenameTable(long tableId, SchemaTableName newName)
            implements TableChange
    {
        public RenameTable
        {
            requireNonNull(newName, "newName is null");
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            TableState table = existing(state, tableId, "rename");
            if (!state.schemas().contains(newName.getSchemaName())) {
                throw new TrinoException(SCHEMA_NOT_FOUND, "Schema '%s' does not exist".formatted(newName.getSchemaName()));
            }
            if (state.table(newName).isPresent()) {
                throw new TrinoException(TABLE_ALREADY_EXISTS, "Table '%s' already exists".formatted(newName));
            }
            return state.withTable(new TableState(table.definition().withName(newName), table.dataVersion(), table.groups(), table.distinct()));
        }
    }

    /** New row groups added to a table (with sketches of their distinct values): commutes with other appends. */
    record Append(long tableId, List<RowGroup> groups, List<DistinctSketch> distinct)
            implements TableChange
    {
        public Append
        {
            groups = List.copyOf(requireNonNull(groups, "groups is null"));
            distinct = List.copyOf(requireNonNull(distinct, "distinct is null"));
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            TableState table = existing(state, tableId, "insert into");
            List<RowGroup> all = new ArrayList<>(table.groups());
            all.addAll(groups);
            return state.withTable(new TableState(table.definition(), table.dataVersion() + 1, all, TableState.merge(table.distinct(), distinct)));
        }
    }

    /**
     * The table's row groups replaced (rows deleted, the table truncated or vacuumed), computed
     * from the rows at {@code baseDataVersion}: if another transaction changed the rows since,
     * this fails. {@code distinct} replaces the table's sketches when present (a delete keeps them).
     */
    record Rewrite(long tableId, long baseDataVersion, List<RowGroup> groups, java.util.Optional<List<DistinctSketch>> distinct)
            implements TableChange
    {
        public Rewrite
        {
            groups = List.copyOf(requireNonNull(groups, "groups is null"));
            distinct = requireNonNull(distinct, "distinct is null").map(List::copyOf);
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            TableState table = existing(state, tableId, "modify");
            if (table.dataVersion() != baseDataVersion) {
                throw new TrinoException(TRANSACTION_CONFLICT, "could not serialize access due to concurrent update of table %s".formatted(table.definition().name()));
            }
            return state.withTable(new TableState(table.definition(), table.dataVersion() + 1, groups, distinct.orElse(table.distinct())));
        }

        @Override
        public List<RowGroup> retiredGroups(CatalogState before)
        {
            java.util.Set<String> kept = new java.util.HashSet<>();
            groups.forEach(group -> kept.add(group.id()));
            return before.table(tableId).map(TableState::groups).orElse(List.of()).stream()
                    .filter(group -> !kept.contains(group.id()))
                    .toList();
        }
    }

    private static TableState existing(CatalogState state, long tableId, String action)
    {
        return state.table(tableId).orElseThrow(() -> new TrinoException(TRANSACTION_CONFLICT,
                "could not serialize access: cannot %s table %s, a concurrent transaction dropped it".formatted(action, tableId)));
    }
}
