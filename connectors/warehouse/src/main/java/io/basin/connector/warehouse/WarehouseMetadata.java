package io.basin.connector.warehouse;

import io.airlift.slice.Slice;
import io.basin.connector.warehouse.format.ColumnType;
import io.basin.connector.warehouse.format.ZoneMap;
import io.basin.connector.warehouse.storage.CatalogState;
import io.basin.connector.warehouse.storage.DistinctSketch;
import io.basin.connector.warehouse.storage.ManifestCodec;
import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.SliceHash;
import io.basin.connector.warehouse.storage.SortedRunWriter;
import io.basin.connector.warehouse.storage.TableChange;
import io.basin.connector.warehouse.storage.TableDefinition;
import io.basin.connector.warehouse.storage.TableState;
import io.basin.connector.warehouse.storage.WarehouseColumn;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ColumnPosition;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMergeTableHandle;
import io.trino.spi.connector.RowChangeParadigm;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorOutputMetadata;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableExecuteHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableLayout;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTablePartitioning;
import io.trino.spi.connector.ConnectorTableProperties;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.connector.RetryMode;
import io.trino.spi.connector.SaveMode;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SchemaTablePrefix;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.security.TrinoPrincipal;
import io.trino.spi.statistics.ColumnStatistics;
import io.trino.spi.statistics.ComputedStatistics;
import io.trino.spi.statistics.DoubleRange;
import io.trino.spi.statistics.Estimate;
import io.trino.spi.statistics.TableStatistics;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.StandardErrorCode.TABLE_NOT_FOUND;
import static io.trino.spi.StandardErrorCode.TRANSACTION_CONFLICT;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static java.util.Objects.requireNonNull;

/**
 * Metadata of one warehouse transaction: reads see the transaction's snapshot and its own
 * changes; DDL and writes are recorded as {@link TableChange}s and become visible to others only
 * when the transaction commits.
 */
final class WarehouseMetadata
        implements ConnectorMetadata
{
    /** The table procedure that rewrites a table's live rows into new sorted runs. */
    static final String VACUUM = "vacuum";
    /** The table procedure that computes a table's statistics from its live rows. */
    static final String ANALYZE = "analyze";

    private final WarehouseTransaction transaction;
    private final ScanCounters scanCounters;
    private final SortedRunWriter writer;
    private final int sortBufferRows;
    private final int defaultSlices;

    WarehouseMetadata(WarehouseTransaction transaction, ScanCounters scanCounters, SortedRunWriter writer, int sortBufferRows, int defaultSlices)
    {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.scanCounters = requireNonNull(scanCounters, "scanCounters is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.sortBufferRows = sortBufferRows;
        this.defaultSlices = defaultSlices;
    }

    // Schemas

    @Override
    public boolean schemaExists(ConnectorSession session, String schemaName)
    {
        return transaction.state().schemas().contains(schemaName) || schemaName.equals(WarehouseSystemTable.SCHEMA);
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return List.copyOf(transaction.state().schemas());
    }

    @Override
    public void createSchema(ConnectorSession session, String schemaName, Map<String, Object> properties, TrinoPrincipal owner)
    {
        transaction.apply(new TableChange.CreateSchema(schemaName));
    }

    @Override
    public void dropSchema(ConnectorSession session, String schemaName, boolean cascade)
    {
        transaction.apply(new TableChange.DropSchema(schemaName, cascade));
    }

    // Reading metadata

    @Override
    public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName tableName, Optional<ConnectorTableVersion> startVersion, Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "Warehouse tables do not support versioned queries yet");
        }
        if (WarehouseSystemTable.named(tableName).isPresent()) {
            return new WarehouseSystemTable.Handle(tableName);
        }
        return transaction.state().table(tableName)
                .map(table -> new WarehouseTableHandle(table.id()))
                .orElse(null);
    }

    @Override
    public SchemaTableName getTableName(ConnectorSession session, ConnectorTableHandle table)
    {
        if (table instanceof WarehouseSystemTable.Handle system) {
            return system.name();
        }
        return table(table).definition().name();
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        if (table instanceof WarehouseSystemTable.Handle system) {
            return system.metadata();
        }
        return tableMetadata(table(table).definition());
    }

    private static ConnectorTableMetadata tableMetadata(TableDefinition definition)
    {
        List<ColumnMetadata> columns = definition.columns().stream()
                .map(WarehouseMetadata::columnMetadata)
                .toList();
        return new ConnectorTableMetadata(definition.name(), columns, WarehouseTableProperties.properties(definition), definition.comment());
    }

    private static ColumnMetadata columnMetadata(WarehouseColumn column)
    {
        return ColumnMetadata.builder()
                .setName(column.name())
                .setType(column.type())
                .setNullable(column.nullable())
                .setComment(column.comment())
                .setProperties(column.defaultValue()
                        .<Map<String, Object>>map(defaultValue -> Map.of(WarehouseTableProperties.ENCODE, column.encoding().name(), WarehouseTableProperties.DEFAULT, defaultValue))
                        .orElse(Map.of(WarehouseTableProperties.ENCODE, column.encoding().name())))
                .build();
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        return transaction.state().tablesIn(schemaName).stream()
                .map(table -> table.definition().name())
                .toList();
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
    {
        if (table instanceof WarehouseSystemTable.Handle system) {
            return system.columnHandles();
        }
        Map<String, ColumnHandle> handles = new LinkedHashMap<>();
        List<WarehouseColumn> columns = table(table).definition().columns();
        for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
            handles.put(columns.get(ordinal).name(), new WarehouseColumnHandle(columns.get(ordinal).name(), columns.get(ordinal).type(), ordinal));
        }
        return handles;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
    {
        if (table instanceof WarehouseSystemTable.Handle system) {
            return system.column(column);
        }
        if (column instanceof WarehouseRowIdHandle) {
            return ColumnMetadata.builder().setName(WarehouseRowIdHandle.NAME).setType(WarehouseRowIdHandle.type()).setHidden(true).setNullable(false).build();
        }
        return columnMetadata(table(table).definition().columns().get(((WarehouseColumnHandle) column).ordinal()));
    }

    @Override
    public Map<SchemaTableName, List<ColumnMetadata>> listTableColumns(ConnectorSession session, SchemaTablePrefix prefix)
    {
        Map<SchemaTableName, List<ColumnMetadata>> columns = new LinkedHashMap<>();
        for (TableState table : transaction.state().tablesIn(prefix.getSchema())) {
            if (prefix.matches(table.definition().name())) {
                columns.put(table.definition().name(), tableMetadata(table.definition()).getColumns());
            }
        }
        return columns;
    }

    @Override
    public Optional<Object> getInfo(ConnectorSession session, ConnectorTableHandle table)
    {
        if (table instanceof WarehouseSystemTable.Handle) {
            return Optional.empty();
        }
        TableState state = table(table);
        return Optional.of(new WarehouseTableInfo(state.liveRows(), state.groups().size(),
                state.groups().stream().mapToLong(RowGroup::fileBytes).sum()));
    }

    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (tableHandle instanceof WarehouseSystemTable.Handle) {
            return TableStatistics.empty();
        }
        TableState table = table(tableHandle);
        TableStatistics.Builder statistics = TableStatistics.builder().setRowCount(Estimate.of(table.liveRows()));
        List<WarehouseStatistics.ColumnSummary> summaries = WarehouseStatistics.summarize(table);
        for (int ordinal = 0; ordinal < summaries.size(); ordinal++) {
            WarehouseStatistics.ColumnSummary summary = summaries.get(ordinal);
            ColumnStatistics.Builder column = ColumnStatistics.builder()
                    .setDataSize(Estimate.of(summary.dataBytes()))
                    .setDistinctValuesCount(Estimate.of(summary.distinctValues()));
            summary.nullFraction().ifPresent(fraction -> column.setNullsFraction(Estimate.of(fraction)));
            if (summary.min().isPresent()) {
                OptionalDouble min = WarehouseStatistics.toDouble(summary.column().type(), summary.min().get());
                OptionalDouble max = WarehouseStatistics.toDouble(summary.column().type(), summary.max().orElseThrow());
                if (min.isPresent() && max.isPresent() && !Double.isNaN(min.getAsDouble()) && !Double.isNaN(max.getAsDouble())) {
                    column.setRange(new DoubleRange(min.getAsDouble(), max.getAsDouble()));
                }
            }
            statistics.setColumnStatistics(new WarehouseColumnHandle(summary.column().name(), summary.column().type(), ordinal), column.build());
        }
        return statistics.build();
    }

    /**
     * A DISTSTYLE KEY table is partitioned by its DISTKEY into one bucket per slice
     * ({@link WarehousePartitioningHandle}); a split's bucket is its slice. Tables of other
     * styles report no partitioning: EVEN spreads rows without regard to values, and an ALL
     * table is read from one copy.
     */
    @Override
    public ConnectorTableProperties getTableProperties(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (!(tableHandle instanceof WarehouseTableHandle)) {
            return new ConnectorTableProperties();
        }
        TableDefinition definition = table(tableHandle).definition();
        if (definition.distStyle() != TableDefinition.DistStyle.KEY) {
            return new ConnectorTableProperties();
        }
        int key = definition.distKey().orElseThrow();
        WarehouseColumn column = definition.columns().get(key);
        WarehousePartitioningHandle partitioning = new WarehousePartitioningHandle(definition.sliceCount(), SliceHash.family(column.type()).orElseThrow());
        return new ConnectorTableProperties(TupleDomain.all(),
                Optional.of(new ConnectorTablePartitioning(partitioning, List.of(new WarehouseColumnHandle(column.name(), column.type(), key)))),
                Optional.empty(), List.of());
    }

    // Pruning

    @Override
    public Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(ConnectorSession session, ConnectorTableHandle tableHandle, Constraint constraint)
    {
        if (!(tableHandle instanceof WarehouseTableHandle)) {
            return Optional.empty();
        }
        WarehouseTableHandle handle = (WarehouseTableHandle) tableHandle;
        TupleDomain<ColumnHandle> combined = handle.constraint().intersect(constraint.getSummary());
        if (combined.equals(handle.constraint())) {
            return Optional.empty();
        }
        // zone maps skip whole row groups only, so the engine must still filter every row it reads
        return Optional.of(new ConstraintApplicationResult<>(new WarehouseTableHandle(handle.tableId(), combined), constraint.getSummary(), constraint.getExpression(), false));
    }

    // Tables

    @Override
    public void createTable(ConnectorSession session, ConnectorTableMetadata tableMetadata, SaveMode saveMode)
    {
        if (saveMode == SaveMode.REPLACE) {
            throw new TrinoException(NOT_SUPPORTED, "Warehouse tables do not support CREATE OR REPLACE");
        }
        if (saveMode == SaveMode.IGNORE && transaction.state().table(tableMetadata.getTable()).isPresent()) {
            return;
        }
        transaction.apply(new TableChange.CreateTable(WarehouseTableProperties.definition(transaction.store().allocateTableId(), tableMetadata, defaultSlices)));
    }

    @Override
    public void dropTable(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        transaction.apply(new TableChange.DropTable(table(tableHandle).id()));
    }

    @Override
    public void renameTable(ConnectorSession session, ConnectorTableHandle tableHandle, SchemaTableName newTableName)
    {
        transaction.apply(new TableChange.RenameTable(table(tableHandle).id(), newTableName));
    }

    // ALTER TABLE

    @Override
    public void addColumn(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnMetadata column, ColumnPosition position)
    {
        if (!(position instanceof ColumnPosition.Last)) {
            throw new TrinoException(NOT_SUPPORTED, "Warehouse tables add columns last only");
        }
        if (!column.isNullable()) {
            throw new TrinoException(NOT_SUPPORTED, "ADD COLUMN ... NOT NULL is not supported: existing rows would have to hold a value");
        }
        TableState table = table(tableHandle);
        WarehouseColumn added = WarehouseTableProperties.column(column);
        transaction.apply(new TableChange.AddColumn(table.id(), added));
    }

    @Override
    public void dropColumn(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnHandle column)
    {
        transaction.apply(new TableChange.DropColumn(table(tableHandle).id(), ((WarehouseColumnHandle) column).name()));
    }

    @Override
    public void renameColumn(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnHandle source, String target)
    {
        transaction.apply(new TableChange.RenameColumn(table(tableHandle).id(), ((WarehouseColumnHandle) source).name(), target));
    }

    @Override
    public void truncateTable(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        TableState table = table(tableHandle);
        transaction.apply(new TableChange.Rewrite(table.id(), table.dataVersion(), List.of(), Optional.of(TableState.noDistinctValues(table.definition()))));
    }

    // CREATE TABLE AS

    @Override
    public ConnectorOutputTableHandle beginCreateTable(ConnectorSession session, ConnectorTableMetadata tableMetadata, Optional<ConnectorTableLayout> layout, RetryMode retryMode, boolean replace)
    {
        if (replace) {
            throw new TrinoException(NOT_SUPPORTED, "Warehouse tables do not support CREATE OR REPLACE");
        }
        TableDefinition definition = WarehouseTableProperties.definition(transaction.store().allocateTableId(), tableMetadata, defaultSlices);
        // fail early; the commit checks again
        new TableChange.CreateTable(definition).applyTo(transaction.state());
        return new WarehouseOutputTableHandle(definition);
    }

    @Override
    public Optional<ConnectorOutputMetadata> finishCreateTable(ConnectorSession session, ConnectorOutputTableHandle tableHandle, Collection<Slice> fragments, Collection<ComputedStatistics> computedStatistics)
    {
        TableDefinition table = ((WarehouseOutputTableHandle) tableHandle).table();
        transaction.apply(new TableChange.CreateTable(table));
        transaction.apply(append(table, fragments));
        return Optional.empty();
    }

    // INSERT

    @Override
    public ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle tableHandle, List<ColumnHandle> columns, RetryMode retryMode)
    {
        TableDefinition table = table(tableHandle).definition();
        List<Integer> ordinals = columns.stream().map(column -> ((WarehouseColumnHandle) column).ordinal()).toList();
        for (int i = 0; i < ordinals.size(); i++) {
            if (ordinals.size() != table.columns().size() || ordinals.get(i) != i) {
                throw new TrinoException(NOT_SUPPORTED, "Inserts into warehouse table %s must write all columns in table order".formatted(table.name()));
            }
        }
        return new WarehouseInsertTableHandle(table);
    }

    @Override
    public Optional<ConnectorOutputMetadata> finishInsert(ConnectorSession session, ConnectorInsertTableHandle insertHandle, List<ConnectorTableHandle> sourceTableHandles, Collection<Slice> fragments, Collection<ComputedStatistics> computedStatistics)
    {
        TableDefinition table = ((WarehouseInsertTableHandle) insertHandle).table();
        transaction.apply(append(table, fragments));
        return Optional.empty();
    }

    private TableChange.Append append(TableDefinition table, Collection<Slice> fragments)
    {
        List<RowGroup> groups = new ArrayList<>();
        List<DistinctSketch> distinct = TableState.noDistinctValues(table);
        for (Slice fragment : fragments) {
            ManifestCodec.Fragment decoded = transaction.store().codec().decodeFragment(fragment, table.id(), table.columns());
            groups.addAll(decoded.groups());
            distinct = TableState.merge(distinct, decoded.distinct());
        }
        return new TableChange.Append(table.id(), groups, distinct);
    }

    // DELETE by a pushed-down predicate

    @Override
    public Optional<ConnectorTableHandle> applyDelete(ConnectorSession session, ConnectorTableHandle handle)
    {
        return handle instanceof WarehouseTableHandle ? Optional.of(handle) : Optional.empty();
    }

    /**
     * Deletes the rows matching the handle's constraint, which is evaluated exactly on every row
     * of the row groups its zone maps do not exclude: the matching rows join the groups' delete
     * bitmaps; a group left with no rows is dropped. Conflicts with any concurrent change of the
     * table's rows.
     */
    @Override
    public OptionalLong executeDelete(ConnectorSession session, ConnectorTableHandle handle)
    {
        TableState table = table(handle);
        WarehouseTableHandle tableHandle = (WarehouseTableHandle) handle;
        if (tableHandle.constraint().isNone()) {
            return OptionalLong.of(0);
        }
        Map<ColumnHandle, Domain> domains = tableHandle.constraint().getDomains().orElseThrow();
        List<RowGroup> groups = new ArrayList<>();
        long deleted = 0;
        for (RowGroup group : table.groups()) {
            if (!RowGroupPruning.mayMatch(table.definition(), group, tableHandle.constraint())) {
                groups.add(group);
                continue;
            }
            BitSet matches = new BitSet(group.rowCount());
            matches.set(0, group.rowCount());
            for (Map.Entry<ColumnHandle, Domain> entry : domains.entrySet()) {
                WarehouseColumnHandle column = (WarehouseColumnHandle) entry.getKey();
                Block block = transaction.store().readBlock(table.definition(), group, column.ordinal());
                Type type = column.type();
                for (int position = matches.nextSetBit(0); position >= 0; position = matches.nextSetBit(position + 1)) {
                    if (!entry.getValue().includesNullableValue(readNativeValue(type, block, position))) {
                        matches.clear(position);
                    }
                }
            }
            matches.andNot(group.deletedPositions());
            // a copy of a DISTSTYLE ALL group loses the same rows as its original: count them once
            if (!group.isCopy()) {
                deleted += matches.cardinality();
            }
            RowGroup updated = group.withDeleted(matches);
            if (updated.liveRows() > 0) {
                groups.add(updated);
            }
        }
        if (deleted > 0) {
            // the distinct-value sketches stay: they cannot forget values, and over-estimate until VACUUM
            transaction.apply(new TableChange.Rewrite(table.id(), table.dataVersion(), groups, Optional.empty()));
        }
        return OptionalLong.of(deleted);
    }

    // UPDATE: new rows appended, replaced rows deleted by row id

    @Override
    public RowChangeParadigm getRowChangeParadigm(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        return RowChangeParadigm.DELETE_ROW_AND_INSERT_ROW;
    }

    @Override
    public ColumnHandle getMergeRowIdColumnHandle(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        table(tableHandle);
        return new WarehouseRowIdHandle();
    }

    @Override
    public ConnectorMergeTableHandle beginMerge(ConnectorSession session, ConnectorTableHandle tableHandle, Map<Integer, Collection<ColumnHandle>> updateCaseColumns, RetryMode retryMode)
    {
        TableState table = table(tableHandle);
        return new WarehouseMergeTableHandle((WarehouseTableHandle) tableHandle, table.definition(), table.dataVersion(),
                table.groups().stream().map(RowGroup::id).toList());
    }

    /**
     * Publishes an UPDATE in the transaction: the replaced rows join their groups' delete
     * bitmaps (a group left with no rows is dropped) and the new rows' groups are appended, in
     * one change that conflicts with any concurrent change of the table's rows.
     */
    @Override
    public void finishMerge(ConnectorSession session, ConnectorMergeTableHandle mergeTableHandle, List<ConnectorTableHandle> sourceTableHandles, Collection<Slice> fragments, Collection<ComputedStatistics> computedStatistics)
    {
        WarehouseMergeTableHandle handle = (WarehouseMergeTableHandle) mergeTableHandle;
        TableState table = table(handle.tableHandle());
        if (table.dataVersion() != handle.baseDataVersion()) {
            throw new TrinoException(TRANSACTION_CONFLICT, "could not serialize access: table %s changed while the UPDATE ran".formatted(table.definition().name()));
        }
        Map<String, BitSet> deletions = new HashMap<>();
        List<RowGroup> added = new ArrayList<>();
        List<DistinctSketch> distinct = table.distinct();
        for (Slice fragment : fragments) {
            if (ManifestCodec.isDeletions(fragment)) {
                for (Map.Entry<String, BitSet> entry : transaction.store().codec().decodeDeletions(fragment, table.id()).entrySet()) {
                    BitSet deleted = deletions.computeIfAbsent(entry.getKey(), _ -> new BitSet());
                    if (deleted.intersects(entry.getValue())) {
                        throw WarehouseMergeSink.multipleMatches(handle);
                    }
                    deleted.or(entry.getValue());
                }
            }
            else {
                ManifestCodec.Fragment decoded = transaction.store().codec().decodeFragment(fragment, table.id(), table.definition().columns());
                added.addAll(decoded.groups());
                distinct = TableState.merge(distinct, decoded.distinct());
            }
        }
        if (deletions.isEmpty() && added.isEmpty()) {
            return;
        }
        List<RowGroup> groups = new ArrayList<>();
        for (RowGroup group : table.groups()) {
            // a copy of a DISTSTYLE ALL group holds the same rows at the same positions: it loses the same rows
            BitSet deleted = deletions.get(group.copyOf().orElse(group.id()));
            RowGroup updated = deleted == null ? group : group.withDeleted(deleted);
            if (updated.liveRows() > 0) {
                groups.add(updated);
            }
        }
        groups.addAll(added);
        transaction.apply(new TableChange.Rewrite(table.id(), table.dataVersion(), groups, Optional.of(distinct)));
    }

    // VACUUM

    @Override
    public Optional<ConnectorTableExecuteHandle> getTableHandleForExecute(ConnectorSession session, ConnectorAccessControl accessControl, ConnectorTableHandle tableHandle,
            String procedureName, Map<String, Object> executeProperties, RetryMode retryMode)
    {
        if (!procedureName.equalsIgnoreCase(VACUUM) && !procedureName.equalsIgnoreCase(ANALYZE)) {
            throw new TrinoException(NOT_SUPPORTED, "Warehouse tables have no procedure " + procedureName);
        }
        if (!executeProperties.isEmpty()) {
            throw new TrinoException(NOT_SUPPORTED, "%s of warehouse tables takes no options: %s".formatted(procedureName.toUpperCase(java.util.Locale.ROOT), executeProperties.keySet()));
        }
        long tableId = table(tableHandle).id();
        return Optional.of(procedureName.equalsIgnoreCase(ANALYZE) ? new WarehouseAnalyzeHandle(tableId) : new WarehouseVacuumHandle(tableId));
    }

    /**
     * ANALYZE ({@link WarehouseStatistics#analyze}) records the statistics of the live rows.
     * VACUUM: the table's live rows are read group by group (ordered by their zone maps' least
     * leading sort key) and written again as sorted runs of up to {@code sortBufferRows} rows (one
     * fully sorted run for tables that fit), without the deleted rows and with full-size groups,
     * spread over the table's slices as any write (KEY rows land where they were; an ALL table is
     * read from slice 0 and copied again; an AUTO table is placed by its size now). The new groups
     * replace the old in one commit, which fails with TRANSACTION_CONFLICT if another transaction
     * changed the rows meanwhile.
     */
    @Override
    public void executeTableExecute(ConnectorSession session, ConnectorTableExecuteHandle handle)
    {
        if (handle instanceof WarehouseAnalyzeHandle analyze) {
            TableState table = transaction.table(analyze.tableId())
                    .orElseThrow(() -> new TrinoException(TABLE_NOT_FOUND, "Warehouse table %s no longer exists: it was dropped".formatted(analyze.tableId())));
            WarehouseStatistics.Analysis analysis = WarehouseStatistics.analyze(transaction.store(), table);
            transaction.apply(new TableChange.Analyze(table.id(), analysis.analysis(), analysis.distinct()));
            return;
        }
        long tableId = ((WarehouseVacuumHandle) handle).tableId();
        TableState table = transaction.table(tableId)
                .orElseThrow(() -> new TrinoException(TABLE_NOT_FOUND, "Warehouse table %s no longer exists: it was dropped".formatted(tableId)));
        TableDefinition definition = table.definition();
        List<RowGroup> rewritten = new ArrayList<>();
        List<DistinctSketch> distinct = TableState.noDistinctValues(definition);
        List<Page> run = new ArrayList<>();
        int runRows = 0;
        // groups in the order of their least leading sort key value, so that each new run gathers
        // neighbouring key ranges from all the old runs
        // copies of DISTSTYLE ALL groups are left behind: the rewrite copies again what it keeps
        List<RowGroup> groups = new ArrayList<>(table.primaryGroups());
        if (!definition.sortKey().isEmpty()) {
            WarehouseColumn leading = definition.columns().get(definition.sortKey().getFirst());
            ColumnType leadingType = leading.storage();
            groups.sort((left, right) -> {
                Optional<Object> leftMin = left.zoneMap(leading).min();
                Optional<Object> rightMin = right.zoneMap(leading).min();
                if (leftMin.isEmpty() || rightMin.isEmpty()) {
                    return Boolean.compare(leftMin.isEmpty(), rightMin.isEmpty());
                }
                return ZoneMap.compareStored(leadingType, leftMin.get(), rightMin.get());
            });
        }
        for (RowGroup group : groups) {
            Page page = livePage(definition, group);
            if (page.getPositionCount() == 0) {
                continue;
            }
            if (runRows > 0 && runRows + page.getPositionCount() > sortBufferRows) {
                SortedRunWriter.Run written = writeRun(definition, run, table.liveRows());
                rewritten.addAll(written.groups());
                distinct = TableState.merge(distinct, written.distinct());
                run.clear();
                runRows = 0;
            }
            run.add(page);
            runRows += page.getPositionCount();
        }
        SortedRunWriter.Run written = writeRun(definition, run, table.liveRows());
        rewritten.addAll(written.groups());
        distinct = TableState.merge(distinct, written.distinct());
        transaction.apply(new TableChange.Rewrite(tableId, table.dataVersion(), rewritten, Optional.of(distinct)));
    }

    private SortedRunWriter.Run writeRun(TableDefinition definition, List<Page> run, long tableRows)
    {
        SortedRunWriter.Run written = writer.writeDistributed(definition, run, tableRows);
        transaction.wrote(definition.id(), written.groups());
        return written;
    }

    private Page livePage(TableDefinition definition, RowGroup group)
    {
        int[] live = new int[group.liveRows()];
        int index = 0;
        for (int position = 0; position < group.rowCount(); position++) {
            if (!group.isDeleted(position)) {
                live[index++] = position;
            }
        }
        Block[] blocks = new Block[definition.columns().size()];
        for (int ordinal = 0; ordinal < blocks.length; ordinal++) {
            Block block = transaction.store().readBlock(definition, group, ordinal);
            blocks[ordinal] = live.length == group.rowCount() ? block : block.copyPositions(live, 0, live.length);
        }
        return new Page(live.length, blocks);
    }

    private TableState table(ConnectorTableHandle handle)
    {
        if (!(handle instanceof WarehouseTableHandle)) {
            throw new TrinoException(NOT_SUPPORTED, "%s is a read-only system table".formatted(((WarehouseSystemTable.Handle) handle).name()));
        }
        long tableId = ((WarehouseTableHandle) handle).tableId();
        return transaction.table(tableId)
                .orElseThrow(() -> new TrinoException(TABLE_NOT_FOUND, "Warehouse table %s no longer exists: it was dropped".formatted(tableId)));
    }

    CatalogState state()
    {
        return transaction.state();
    }

    ScanCounters scanCounters()
    {
        return scanCounters;
    }
}
