package io.basin.connector.warehouse.storage;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.trino.spi.StandardErrorCode.COLUMN_ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.COLUMN_NOT_FOUND;
import static io.trino.spi.StandardErrorCode.INVALID_TABLE_PROPERTY;
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
            return state.withTable(new TableState(table.definition().withName(newName), table.dataVersion(), table.groups(), table.distinct(), table.analysis()));
        }
    }

    /**
     * {@code ALTER TABLE ... ADD COLUMN}: the column is added last under the table's next column
     * id; the existing row groups have no block of it, so their rows read NULL there.
     */
    record AddColumn(long tableId, WarehouseColumn column)
            implements TableChange
    {
        public AddColumn
        {
            requireNonNull(column, "column is null");
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            TableState table = existing(state, tableId, "alter");
            if (table.definition().ordinal(column.name()).isPresent()) {
                throw new TrinoException(COLUMN_ALREADY_EXISTS, "column \"%s\" of relation \"%s\" already exists".formatted(column.name(), table.definition().name().getTableName()));
            }
            List<DistinctSketch> distinct = new ArrayList<>(table.distinct());
            distinct.add(DistinctSketch.empty());
            return state.withTable(new TableState(table.definition().withColumnAdded(column), table.dataVersion(), table.groups(), distinct, table.analysis()));
        }
    }

    /**
     * {@code ALTER TABLE ... DROP COLUMN}: the column leaves the definition and its blocks leave
     * the row groups (their files are deleted when the catalog next opens). A sort key or
     * distribution key column cannot be dropped, as in Redshift, nor a table's last column.
     */
    record DropColumn(long tableId, String column)
            implements TableChange
    {
        public DropColumn
        {
            requireNonNull(column, "column is null");
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            TableState table = existing(state, tableId, "alter");
            TableDefinition definition = table.definition();
            int ordinal = columnOrdinal(definition, column);
            if (definition.sortKey().contains(ordinal)) {
                throw new TrinoException(INVALID_TABLE_PROPERTY, "cannot drop sortkey column \"%s\" of table \"%s\": recreate the table with another SORTKEY".formatted(column, definition.name().getTableName()));
            }
            if (definition.distKey().isPresent() && definition.distKey().getAsInt() == ordinal) {
                throw new TrinoException(INVALID_TABLE_PROPERTY, "cannot drop distkey column \"%s\" of table \"%s\": recreate the table with another DISTKEY".formatted(column, definition.name().getTableName()));
            }
            if (definition.columns().size() == 1) {
                throw new TrinoException(INVALID_TABLE_PROPERTY, "cannot drop column \"%s\": it is the last column of table \"%s\"".formatted(column, definition.name().getTableName()));
            }
            List<DistinctSketch> distinct = new ArrayList<>(table.distinct());
            distinct.remove(ordinal);
            // the table state leaves the dropped column's blocks out of every group
            return state.withTable(new TableState(definition.withColumnDropped(ordinal), table.dataVersion(), table.groups(), distinct, table.analysis()));
        }
    }

    /** {@code ALTER TABLE ... RENAME COLUMN from TO to}: the name changes, the column id and its blocks stay. */
    record RenameColumn(long tableId, String from, String to)
            implements TableChange
    {
        public RenameColumn
        {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            TableState table = existing(state, tableId, "alter");
            TableDefinition definition = table.definition();
            int ordinal = columnOrdinal(definition, from);
            if (definition.ordinal(to).isPresent()) {
                throw new TrinoException(COLUMN_ALREADY_EXISTS, "column \"%s\" of relation \"%s\" already exists".formatted(to, definition.name().getTableName()));
            }
            return state.withTable(new TableState(definition.withColumnRenamed(ordinal, to), table.dataVersion(), table.groups(), table.distinct(), table.analysis()));
        }
    }

    /**
     * ANALYZE's results for the rows at {@code baseDataVersion}, with freshly computed distinct
     * sketches. If another transaction changed the rows meanwhile the results are kept as stale
     * (never a conflict) and the table keeps its current sketches, which saw every appended value.
     */
    record Analyze(long tableId, TableAnalysis analysis, List<DistinctSketch> distinct)
            implements TableChange
    {
        public Analyze
        {
            requireNonNull(analysis, "analysis is null");
            distinct = List.copyOf(requireNonNull(distinct, "distinct is null"));
        }

        @Override
        public CatalogState applyTo(CatalogState state)
        {
            TableState table = existing(state, tableId, "analyze");
            boolean current = table.dataVersion() == analysis.dataVersion() && distinct.size() == table.distinct().size();
            List<DistinctSketch> sketches = current ? distinct : table.distinct();
            return state.withTable(new TableState(table.definition(), table.dataVersion(), table.groups(), sketches, java.util.Optional.of(analysis)));
        }
    }

    private static int columnOrdinal(TableDefinition definition, String column)
    {
        return definition.ordinal(column).orElseThrow(() -> new TrinoException(COLUMN_NOT_FOUND,
                "column \"%s\" of relation \"%s\" does not exist".formatted(column, definition.name().getTableName())));
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
