package io.basin.connector.iceberg;

import io.basin.spectrum.IcebergTypes;
import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.basin.spectrum.PartialAggregation;
import io.trino.spi.connector.AggregateFunction;
import io.trino.spi.connector.AggregationApplicationResult;
import io.trino.spi.connector.Assignment;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Variable;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorOutputMetadata;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableLayout;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.connector.PointerType;
import io.trino.spi.connector.RetryMode;
import io.trino.spi.connector.SaveMode;
import io.trino.spi.connector.SchemaNotFoundException;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.TableNotFoundException;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.security.TrinoPrincipal;
import io.trino.spi.statistics.ComputedStatistics;
import io.trino.spi.statistics.Estimate;
import io.trino.spi.statistics.TableStatistics;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.basin.spectrum.SpectrumErrorCode.describe;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_CATALOG_ERROR;
import static io.trino.spi.StandardErrorCode.ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.INVALID_ARGUMENTS;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.StandardErrorCode.SCHEMA_NOT_EMPTY;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateTimeEncoding.unpackMillisUtc;
import static java.util.Objects.requireNonNull;

/**
 * Schemas are Iceberg namespaces and tables are Iceberg tables. Writes commit one Iceberg
 * snapshot when the statement finishes ({@code CREATE TABLE AS} creates the table in the same
 * commit), so readers never see part of a write.
 */
final class IcebergMetadata
        implements ConnectorMetadata
{
    /** The table property naming partition fields ({@code CREATE TABLE ... PARTITIONED BY}). */
    static final String PARTITIONING = "partitioning";

    private final LakeCatalog lake;
    private final DataFileCodec dataFileCodec;
    // table-creating transactions of CREATE TABLE AS statements between begin and finish
    private final Map<String, Transaction> createTransactions = new ConcurrentHashMap<>();
    // tables as first loaded in this transaction
    private final Map<SchemaTableName, Table> tables = new ConcurrentHashMap<>();

    IcebergMetadata(LakeCatalog lake, DataFileCodec dataFileCodec)
    {
        this.lake = requireNonNull(lake, "lake is null");
        this.dataFileCodec = requireNonNull(dataFileCodec, "dataFileCodec is null");
    }

    // Schemas

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        List<String> namespaces = call("list the schemas", () -> lake.listNamespaces().stream()
                .filter(namespace -> namespace.length() == 1)
                .map(namespace -> namespace.level(0))
                .toList());
        java.util.TreeSet<String> names = new java.util.TreeSet<>(namespaces);
        lake.config().defaultSchema().ifPresent(names::add);
        return List.copyOf(names);
    }

    @Override
    public boolean schemaExists(ConnectorSession session, String schemaName)
    {
        if (schemaName.equals(ScanSummaryTable.SCHEMA) || isDefaultSchema(schemaName)) {
            return true;
        }
        return namespaceExists(schemaName);
    }

    /** Whether the schema is the catalog's default one, which exists for SQL before its namespace does. */
    private boolean isDefaultSchema(String schemaName)
    {
        return lake.config().defaultSchema().map(schemaName::equals).orElse(false);
    }

    private boolean namespaceExists(String schemaName)
    {
        if (lake.isKnownEmpty()) {
            return false;
        }
        return call("look up schema " + schemaName, () -> lake.namespaces().namespaceExists(Namespace.of(schemaName)));
    }

    /** Creates the default schema's namespace when a table is first made in it. */
    private void createDefaultNamespaceIfMissing(String schemaName)
    {
        if (!isDefaultSchema(schemaName) || namespaceExists(schemaName)) {
            return;
        }
        try {
            lake.namespaces().createNamespace(Namespace.of(schemaName));
        }
        catch (AlreadyExistsException e) {
            // another statement created it meanwhile
        }
        catch (RuntimeException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot create schema %s: %s".formatted(schemaName, describe(e)), e);
        }
    }

    @Override
    public void createSchema(ConnectorSession session, String schemaName, Map<String, Object> properties, TrinoPrincipal owner)
    {
        if (!properties.isEmpty()) {
            throw new TrinoException(NOT_SUPPORTED, "Lake schemas take no properties");
        }
        try {
            call("create schema " + schemaName, () -> {
                lake.namespaces().createNamespace(Namespace.of(schemaName));
                return null;
            });
        }
        catch (TrinoException e) {
            if (e.getCause() instanceof AlreadyExistsException) {
                throw new TrinoException(ALREADY_EXISTS, "Schema %s already exists".formatted(schemaName), e);
            }
            throw e;
        }
    }

    @Override
    public void dropSchema(ConnectorSession session, String schemaName, boolean cascade)
    {
        Namespace namespace = Namespace.of(schemaName);
        if (cascade) {
            for (TableIdentifier table : call("list the tables of " + schemaName, () -> lake.catalog().listTables(namespace))) {
                call("drop table " + table, () -> lake.catalog().dropTable(table, true));
            }
        }
        try {
            lake.namespaces().dropNamespace(namespace);
        }
        catch (NamespaceNotEmptyException e) {
            throw new TrinoException(SCHEMA_NOT_EMPTY, "Cannot drop schema %s: it still has tables".formatted(schemaName), e);
        }
        catch (NoSuchNamespaceException e) {
            throw new SchemaNotFoundException(schemaName);
        }
        catch (RuntimeException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot drop schema %s: %s".formatted(schemaName, describe(e)), e);
        }
    }

    // Tables

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        List<String> schemas = schemaName.map(List::of).orElseGet(() -> listSchemaNames(session));
        List<SchemaTableName> tables = new ArrayList<>();
        for (String schema : schemas) {
            // the default schema may have no namespace yet
            if (!schema.equals(ScanSummaryTable.SCHEMA) && (schemaName.isPresent() || isDefaultSchema(schema)) && !namespaceExists(schema)) {
                continue;
            }
            for (TableIdentifier table : call("list the tables of " + schema, () -> lake.catalog().listTables(Namespace.of(schema)))) {
                tables.add(new SchemaTableName(schema, table.name()));
            }
        }
        return tables;
    }

    @Override
    public ConnectorTableHandle getTableHandle(
            ConnectorSession session,
            SchemaTableName tableName,
            Optional<ConnectorTableVersion> startVersion,
            Optional<ConnectorTableVersion> endVersion)
    {
        if (endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "Lake tables do not support reading a range of versions");
        }
        if (tableName.getSchemaName().equals(ScanSummaryTable.SCHEMA)) {
            return tableName.equals(ScanSummaryTable.NAME) ? new ScanSummaryTable.Handle() : null;
        }
        // (the default schema has no tables before its namespace exists)
        if (!namespaceExists(tableName.getSchemaName())) {
            return null;
        }
        int dollar = tableName.getTableName().indexOf('$');
        if (dollar > 0) {
            SchemaTableName base = new SchemaTableName(tableName.getSchemaName(), tableName.getTableName().substring(0, dollar));
            Optional<MetadataTable> metadataTable = MetadataTable.fromSuffix(tableName.getTableName().substring(dollar));
            Optional<Table> baseTable = tryLoad(base);
            if (metadataTable.isEmpty() || baseTable.isEmpty()) {
                return null;
            }
            Optional<Long> snapshotId = startVersion.isPresent()
                    ? Optional.of(snapshotAt(baseTable.get(), base, startVersion.get()))
                    : Optional.ofNullable(baseTable.get().currentSnapshot()).map(Snapshot::snapshotId);
            return new IcebergMetadataTableHandle(base, metadataTable.get(), snapshotId);
        }
        Optional<Table> table = tryLoad(tableName);
        if (table.isEmpty()) {
            return null;
        }
        Optional<Long> snapshotId = startVersion.isPresent()
                ? Optional.of(snapshotAt(table.get(), tableName, startVersion.get()))
                : Optional.ofNullable(table.get().currentSnapshot()).map(Snapshot::snapshotId);
        return new IcebergTableHandle(tableName, snapshotId, TupleDomain.all());
    }

    private static long snapshotAt(Table table, SchemaTableName name, ConnectorTableVersion version)
    {
        Object value = version.getVersion();
        if (version.getPointerType() == PointerType.TARGET_ID) {
            if (!(value instanceof Long snapshotId)) {
                throw new TrinoException(INVALID_ARGUMENTS, "Cannot read %s as of version %s: a version is a snapshot id (bigint)".formatted(name, value));
            }
            if (table.snapshot(snapshotId) == null) {
                throw new TrinoException(INVALID_ARGUMENTS, "Cannot read %s as of version %d: there is no such snapshot".formatted(name, snapshotId));
            }
            return snapshotId;
        }
        long epochMillis = switch (version.getVersionType()) {
            case TimestampWithTimeZoneType type when type.isShort() -> unpackMillisUtc((long) value);
            case TimestampWithTimeZoneType _ -> ((LongTimestampWithTimeZone) value).getEpochMillis();
            default -> throw new TrinoException(INVALID_ARGUMENTS, "Cannot read %s as of %s: expected a timestamp with time zone".formatted(name, version.getVersionType()));
        };
        try {
            return SnapshotUtil.snapshotIdAsOfTime(table, epochMillis);
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(INVALID_ARGUMENTS, "Cannot read %s as of %s: the table has no snapshot that old".formatted(name, java.time.Instant.ofEpochMilli(epochMillis)), e);
        }
    }

    @Override
    public SchemaTableName getTableName(ConnectorSession session, ConnectorTableHandle table)
    {
        if (table instanceof IcebergMetadataTableHandle metadataTable) {
            return metadataTable.name();
        }
        if (table instanceof ScanSummaryTable.Handle) {
            return ScanSummaryTable.NAME;
        }
        return ((IcebergTableHandle) table).name();
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (tableHandle instanceof IcebergMetadataTableHandle metadataTable) {
            return new ConnectorTableMetadata(metadataTable.name(), metadataTable.table().columns().stream().map(IcebergColumnHandle::toColumnMetadata).toList());
        }
        if (tableHandle instanceof ScanSummaryTable.Handle) {
            return new ConnectorTableMetadata(ScanSummaryTable.NAME, ScanSummaryTable.COLUMNS.stream().map(IcebergColumnHandle::toColumnMetadata).toList());
        }
        IcebergTableHandle handle = (IcebergTableHandle) tableHandle;
        List<ColumnMetadata> columns = columns(handle).stream().map(IcebergColumnHandle::toColumnMetadata).toList();
        return new ConnectorTableMetadata(handle.name(), columns);
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        Map<String, ColumnHandle> handles = new LinkedHashMap<>();
        List<IcebergColumnHandle> columns = switch (tableHandle) {
            case IcebergMetadataTableHandle metadataTable -> metadataTable.table().columns();
            case ScanSummaryTable.Handle _ -> ScanSummaryTable.COLUMNS;
            default -> columns((IcebergTableHandle) tableHandle);
        };
        for (IcebergColumnHandle column : columns) {
            handles.put(column.name(), column);
        }
        return handles;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
    {
        if (column instanceof IcebergAggregateColumnHandle aggregate) {
            return ColumnMetadata.builder().setName(aggregate.describe()).setType(aggregate.type()).build();
        }
        return ((IcebergColumnHandle) column).toColumnMetadata();
    }

    /**
     * The row count of the snapshot. No distinct-value counts: Iceberg's manifests only bound them
     * ({@code max - min + 1} is 4x the true count of lineitem's order key), and Basin's planner
     * treats a column whose distinct count is near the row count as a key and rewrites joins on
     * that (TPC-H Q3 and Q4 answered wrong with such bounds). Real counts need sketches written
     * with the data.
     */
    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (!(tableHandle instanceof IcebergTableHandle)) {
            return TableStatistics.empty();
        }
        IcebergTableHandle handle = (IcebergTableHandle) tableHandle;
        if (handle.snapshotId().isEmpty()) {
            return TableStatistics.builder().setRowCount(Estimate.zero()).build();
        }
        Table table = load(handle.name());
        Snapshot snapshot = table.snapshot(handle.snapshotId().get());
        String totalRecords = snapshot == null ? null : snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP);
        if (totalRecords == null) {
            return TableStatistics.empty();
        }
        TableStatistics.Builder statistics = TableStatistics.builder().setRowCount(Estimate.of(Long.parseLong(totalRecords)));
        ColumnBounds.of(table, snapshot, columns(handle)).forEach(statistics::setColumnStatistics);
        return statistics.build();
    }

    /**
     * The predicate goes into the handle: Iceberg prunes manifests and files by it, the workers
     * row groups and pages, and the workers return only the rows it accepts, so none of it
     * remains for the engine.
     */
    @Override
    public Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(ConnectorSession session, ConnectorTableHandle tableHandle, Constraint constraint)
    {
        if (!(tableHandle instanceof IcebergTableHandle handle) || handle.aggregation().isPresent()) {
            return Optional.empty();
        }
        TupleDomain<IcebergColumnHandle> pushed = constraint.getSummary().transformKeys(IcebergColumnHandle.class::cast);
        TupleDomain<IcebergColumnHandle> combined = handle.predicate().intersect(pushed);
        // comparisons of two columns go to the workers too; the rest of the expression stays with the engine
        PushedComparisons.Split split = PushedComparisons.split(constraint.getExpression(), constraint.getAssignments());
        List<IcebergColumnComparison> comparisons = new ArrayList<>(handle.comparisons());
        split.comparisons().stream().filter(comparison -> !comparisons.contains(comparison)).forEach(comparisons::add);
        if (combined.equals(handle.predicate()) && comparisons.equals(handle.comparisons())) {
            return Optional.empty();
        }
        return Optional.of(new ConstraintApplicationResult<>(handle.withPredicate(combined, comparisons), TupleDomain.all(), split.remaining(), false));
    }

    /**
     * count(*), count, sum, min and max of plain columns, with one grouping set of plain columns,
     * run inside the scan: answered from the table's metadata when that is exact (global
     * aggregates, see {@link ManifestAggregates}), else computed by the scan workers as partial
     * results that the engine combines. An average is for the engine to ask as a sum and a count.
     */
    @Override
    public Optional<AggregationApplicationResult<ConnectorTableHandle>> applyAggregation(
            ConnectorSession session,
            ConnectorTableHandle tableHandle,
            List<AggregateFunction> aggregates,
            Map<String, ColumnHandle> assignments,
            List<List<ColumnHandle>> groupingSets)
    {
        if (!(tableHandle instanceof IcebergTableHandle handle) || handle.aggregation().isPresent() || groupingSets.size() != 1 || aggregates.isEmpty()) {
            return Optional.empty();
        }
        List<IcebergColumnHandle> grouping = new ArrayList<>();
        for (ColumnHandle column : groupingSets.getFirst()) {
            if (!(column instanceof IcebergColumnHandle icebergColumn)) {
                return Optional.empty();
            }
            grouping.add(icebergColumn);
        }
        if (!grouping.isEmpty() && groupsNearRows(session, handle, grouping)) {
            return Optional.empty();
        }
        List<IcebergAggregateColumnHandle> columns = new ArrayList<>();
        for (AggregateFunction aggregate : aggregates) {
            Optional<IcebergAggregateColumnHandle> column = aggregateColumn(aggregate, assignments);
            if (column.isEmpty()) {
                return Optional.empty();
            }
            columns.add(column.get());
        }
        IcebergAggregation aggregation = new IcebergAggregation(grouping, columns, Optional.empty(), 0);
        if (grouping.isEmpty()) {
            Optional<ManifestAggregates.Answer> answer = call("read the metadata of " + handle.name(), () -> ManifestAggregates.answer(load(handle.name()), handle, columns));
            if (answer.isPresent()) {
                aggregation = aggregation.withMetadataAnswer(answer.get().values(), answer.get().files());
            }
        }
        List<ConnectorExpression> projections = new ArrayList<>();
        List<Assignment> resultAssignments = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String variable = "_aggregate_" + i;
            projections.add(new Variable(variable, columns.get(i).type()));
            resultAssignments.add(new Assignment(variable, columns.get(i), columns.get(i).type()));
        }
        Map<ColumnHandle, ColumnHandle> groupingMapping = new LinkedHashMap<>();
        grouping.forEach(column -> groupingMapping.put(column, column));
        return Optional.of(new AggregationApplicationResult<>(handle.withAggregation(aggregation), projections, resultAssignments, groupingMapping, false));
    }

    /**
     * Whether the grouping keys' value ranges allow as many groups as half the table's rows. A
     * partial aggregation then builds, in every scan worker, a hash table about as large as its
     * input and returns nearly as many rows as it reads, for the engine to aggregate again: TPC-H
     * q18's {@code GROUP BY l_orderkey} (a group per four rows) took three times as long in the
     * workers as the plain scan. Only integer and date keys have ranges that bound their distinct
     * values; a table without statistics, or keys of other types alone, keep the pushdown.
     */
    private boolean groupsNearRows(ConnectorSession session, IcebergTableHandle handle, List<IcebergColumnHandle> grouping)
    {
        TableStatistics statistics = getTableStatistics(session, handle);
        if (statistics.getRowCount().isUnknown()) {
            return false;
        }
        double groups = 1;
        boolean bounded = false;
        for (IcebergColumnHandle key : grouping) {
            io.trino.spi.statistics.ColumnStatistics column = statistics.getColumnStatistics().get(key);
            if (!isIntegral(key.type()) || column == null || column.getRange().isEmpty()) {
                continue;
            }
            io.trino.spi.statistics.DoubleRange range = column.getRange().get();
            groups *= range.getMax() - range.getMin() + 1;
            bounded = true;
        }
        return bounded && groups * MIN_ROWS_PER_PUSHED_GROUP > statistics.getRowCount().getValue();
    }

    private static final int MIN_ROWS_PER_PUSHED_GROUP = 2;

    /** Iceberg's int, long and date columns, the types whose range bounds their distinct values. */
    private static boolean isIntegral(Type type)
    {
        return type == BIGINT || type == io.trino.spi.type.IntegerType.INTEGER || type == io.trino.spi.type.DateType.DATE;
    }

    private static Optional<IcebergAggregateColumnHandle> aggregateColumn(AggregateFunction aggregate, Map<String, ColumnHandle> assignments)
    {
        if (aggregate.isDistinct() || aggregate.getFilter().isPresent() || !aggregate.getSortItems().isEmpty() || aggregate.getArguments().size() > 1) {
            return Optional.empty();
        }
        Optional<IcebergColumnHandle> argument = Optional.empty();
        Optional<io.basin.spectrum.ScanExpression> expression = Optional.empty();
        List<IcebergColumnHandle> expressionColumns = new ArrayList<>();
        if (aggregate.getArguments().size() == 1) {
            ConnectorExpression first = aggregate.getArguments().getFirst();
            if (first instanceof Variable variable && assignments.get(variable.getName()) instanceof IcebergColumnHandle column) {
                argument = Optional.of(column);
            }
            else {
                // arithmetic over columns, which the workers evaluate per row
                expression = AggregateExpressions.toScanExpression(first, assignments, expressionColumns);
                if (expression.isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        PartialAggregation.Function function = switch (aggregate.getFunctionName()) {
            case "count" -> argument.isEmpty() && expression.isEmpty() ? PartialAggregation.Function.COUNT_ALL : PartialAggregation.Function.COUNT;
            case "sum" -> PartialAggregation.Function.SUM;
            case "min" -> PartialAggregation.Function.MIN;
            case "max" -> PartialAggregation.Function.MAX;
            default -> null;
        };
        if (function == null || function != PartialAggregation.Function.COUNT_ALL && argument.isEmpty() && expression.isEmpty()) {
            return Optional.empty();
        }
        Type input = expression.isPresent() ? expression.get().type() : argument.map(IcebergColumnHandle::type).orElse(BIGINT);
        if (!PartialAggregation.supports(function, input, aggregate.getOutputType())) {
            return Optional.empty();
        }
        return Optional.of(new IcebergAggregateColumnHandle(function, argument, expression, expressionColumns, aggregate.getOutputType()));
    }

    @Override
    public void createTable(ConnectorSession session, ConnectorTableMetadata tableMetadata, SaveMode saveMode)
    {
        if (saveMode == SaveMode.REPLACE) {
            throw new TrinoException(NOT_SUPPORTED, "Lake tables cannot be replaced yet");
        }
        checkNoProperties(tableMetadata);
        SchemaTableName name = tableMetadata.getTable();
        Schema schema = toIcebergSchema(tableMetadata.getColumns());
        createDefaultNamespaceIfMissing(name.getSchemaName());
        try {
            PartitionSpec spec = partitionSpec(tableMetadata, schema);
            call("create table " + name, () -> lake.catalog().createTable(identifier(name), schema, spec, tableProperties()));
        }
        catch (TrinoException e) {
            if (e.getCause() instanceof AlreadyExistsException) {
                if (saveMode == SaveMode.IGNORE) {
                    return;
                }
                throw new TrinoException(ALREADY_EXISTS, "Table %s already exists".formatted(name), e);
            }
            if (e.getCause() instanceof NoSuchNamespaceException) {
                throw new SchemaNotFoundException(name.getSchemaName());
            }
            throw e;
        }
    }

    @Override
    public void dropTable(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (tableHandle instanceof IcebergMetadataTableHandle metadataTable) {
            throw new TrinoException(NOT_SUPPORTED, "Cannot drop %s: it is a metadata table".formatted(metadataTable.name()));
        }
        if (tableHandle instanceof ScanSummaryTable.Handle) {
            throw new TrinoException(NOT_SUPPORTED, "Cannot drop %s: it is a system table".formatted(ScanSummaryTable.NAME));
        }
        SchemaTableName name = ((IcebergTableHandle) tableHandle).name();
        tables.remove(name);
        boolean dropped = call("drop table " + name, () -> lake.catalog().dropTable(identifier(name), true));
        if (!dropped) {
            throw new TableNotFoundException(name);
        }
    }

    // CREATE TABLE AS

    @Override
    public ConnectorOutputTableHandle beginCreateTable(
            ConnectorSession session,
            ConnectorTableMetadata tableMetadata,
            Optional<ConnectorTableLayout> layout,
            RetryMode retryMode,
            boolean replace)
    {
        if (replace) {
            throw new TrinoException(NOT_SUPPORTED, "Lake tables cannot be replaced yet");
        }
        checkNoProperties(tableMetadata);
        SchemaTableName name = tableMetadata.getTable();
        Schema schema = toIcebergSchema(tableMetadata.getColumns());
        createDefaultNamespaceIfMissing(name.getSchemaName());
        Transaction transaction;
        try {
            PartitionSpec spec = partitionSpec(tableMetadata, schema);
            transaction = call("create table " + name, () -> lake.catalog().newCreateTableTransaction(identifier(name), schema, spec, tableProperties()));
        }
        catch (TrinoException e) {
            if (e.getCause() instanceof AlreadyExistsException) {
                throw new TrinoException(ALREADY_EXISTS, "Table %s already exists".formatted(name), e);
            }
            if (e.getCause() instanceof NoSuchNamespaceException) {
                throw new SchemaNotFoundException(name.getSchemaName());
            }
            throw e;
        }
        String id = UUID.randomUUID().toString();
        createTransactions.put(id, transaction);
        Table table = transaction.table();
        return writeHandle(name, Optional.of(id), table);
    }

    @Override
    public Optional<ConnectorOutputMetadata> finishCreateTable(
            ConnectorSession session,
            ConnectorOutputTableHandle tableHandle,
            Collection<Slice> fragments,
            Collection<ComputedStatistics> computedStatistics)
    {
        IcebergWriteHandle handle = (IcebergWriteHandle) tableHandle;
        Transaction transaction = createTransactions.remove(handle.createTransactionId().orElseThrow());
        if (transaction == null) {
            throw new IllegalStateException("Cannot finish creating table %s: its transaction is gone".formatted(handle.name()));
        }
        call("create table " + handle.name(), () -> {
            List<DataFile> files = dataFileCodec.decode(fragments);
            if (!files.isEmpty()) {
                AppendFiles append = transaction.newAppend();
                files.forEach(append::appendFile);
                append.commit();
            }
            transaction.commitTransaction();
            return null;
        });
        return Optional.empty();
    }

    // INSERT

    @Override
    public ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle tableHandle, List<ColumnHandle> columns, RetryMode retryMode)
    {
        if (tableHandle instanceof IcebergMetadataTableHandle metadataTable) {
            throw new TrinoException(NOT_SUPPORTED, "Cannot insert into %s: it is a metadata table".formatted(metadataTable.name()));
        }
        if (tableHandle instanceof ScanSummaryTable.Handle) {
            throw new TrinoException(NOT_SUPPORTED, "Cannot insert into %s: it is a system table".formatted(ScanSummaryTable.NAME));
        }
        IcebergTableHandle handle = (IcebergTableHandle) tableHandle;
        Table table = load(handle.name());
        IcebergWriteHandle writeHandle = writeHandle(handle.name(), Optional.empty(), table);
        if (!columns.equals(writeHandle.columns())) {
            throw new TrinoException(NOT_SUPPORTED, "Inserts into lake table %s must write all columns in table order".formatted(handle.name()));
        }
        return writeHandle;
    }

    @Override
    public Optional<ConnectorOutputMetadata> finishInsert(
            ConnectorSession session,
            ConnectorInsertTableHandle insertHandle,
            List<ConnectorTableHandle> sourceTableHandles,
            Collection<Slice> fragments,
            Collection<ComputedStatistics> computedStatistics)
    {
        IcebergWriteHandle handle = (IcebergWriteHandle) insertHandle;
        List<DataFile> files = dataFileCodec.decode(fragments);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        call("insert into " + handle.name(), () -> {
            AppendFiles append = load(handle.name()).newAppend();
            files.forEach(append::appendFile);
            append.commit();
            return null;
        });
        return Optional.empty();
    }

    // DELETE

    @Override
    public Optional<ConnectorTableHandle> applyDelete(ConnectorSession session, ConnectorTableHandle handle)
    {
        if (handle instanceof IcebergTableHandle table && table.aggregation().isEmpty()) {
            return Optional.of(handle);
        }
        return Optional.empty();
    }

    /** The rows the handle's predicate accepts become Iceberg position deletes, committed as one snapshot. */
    @Override
    public OptionalLong executeDelete(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        IcebergTableHandle handle = (IcebergTableHandle) tableHandle;
        // the latest metadata: the commit checks for conflicts since the snapshot the statement read
        Table table = call("load table " + handle.name(), () -> lake.catalog().loadTable(identifier(handle.name())));
        long deleted = call("delete from " + handle.name(), () -> PositionDeletes.delete(table, handle));
        tables.remove(handle.name());
        return OptionalLong.of(deleted);
    }

    private IcebergWriteHandle writeHandle(SchemaTableName name, Optional<String> createTransactionId, Table table)
    {
        return new IcebergWriteHandle(
                name,
                createTransactionId,
                SchemaParser.toJson(table.schema()),
                org.apache.iceberg.PartitionSpecParser.toJson(table.spec()),
                columns(table.schema()),
                table.properties().getOrDefault(TableProperties.WRITE_DATA_LOCATION, table.location() + "/data"),
                lake.config().fileFormat(),
                lake.config().compressionCodec());
    }

    private Map<String, String> tableProperties()
    {
        Map<String, String> properties = new HashMap<>();
        properties.put(TableProperties.FORMAT_VERSION, "2");
        properties.put(TableProperties.DEFAULT_FILE_FORMAT, lake.config().fileFormat().name().toLowerCase(java.util.Locale.ROOT));
        properties.put(TableProperties.PARQUET_COMPRESSION, lake.config().compressionCodec());
        properties.put(TableProperties.ORC_COMPRESSION, lake.config().compressionCodec().equals("uncompressed") ? "none" : lake.config().compressionCodec());
        return properties;
    }

    private List<IcebergColumnHandle> columns(IcebergTableHandle handle)
    {
        Table table = load(handle.name());
        Schema schema = handle.snapshotId()
                .map(table::snapshot)
                .filter(snapshot -> snapshot.schemaId() != null && table.schemas().containsKey(snapshot.schemaId()))
                .map(snapshot -> table.schemas().get(snapshot.schemaId()))
                .orElse(table.schema());
        return columns(schema);
    }

    static List<IcebergColumnHandle> columns(Schema schema)
    {
        List<IcebergColumnHandle> columns = new ArrayList<>();
        for (Types.NestedField field : schema.columns()) {
            columns.add(new IcebergColumnHandle(field.fieldId(), field.name(), IcebergTypes.toTrino(field.type()), field.isOptional()));
        }
        return columns;
    }

    private static Schema toIcebergSchema(List<ColumnMetadata> columns)
    {
        List<Types.NestedField> fields = new ArrayList<>();
        int fieldId = 1;
        for (ColumnMetadata column : columns) {
            if (column.isHidden()) {
                continue;
            }
            Type type = column.getType();
            fields.add(Types.NestedField.of(fieldId++, column.isNullable(), column.getName(), IcebergTypes.toIceberg(type)));
        }
        return new Schema(fields);
    }

    private static void checkNoProperties(ConnectorTableMetadata tableMetadata)
    {
        java.util.Set<String> unknown = new java.util.TreeSet<>(tableMetadata.getProperties().keySet());
        unknown.remove(PARTITIONING);
        if (!unknown.isEmpty()) {
            throw new TrinoException(NOT_SUPPORTED, "Lake tables take no table properties but partitioning: %s".formatted(unknown));
        }
    }

    /** The {@code partitioning} property (a list of partition fields, see {@link PartitionTransforms}), or none. */
    private static PartitionSpec partitionSpec(ConnectorTableMetadata tableMetadata, Schema schema)
    {
        Object partitioning = tableMetadata.getProperties().get(PARTITIONING);
        if (partitioning == null) {
            return PartitionSpec.unpartitioned();
        }
        if (!(partitioning instanceof List<?> fields) || !fields.stream().allMatch(String.class::isInstance)) {
            throw new TrinoException(io.trino.spi.StandardErrorCode.INVALID_TABLE_PROPERTY, "partitioning must be a list of partition fields");
        }
        return PartitionTransforms.toSpec(schema, fields.stream().map(String.class::cast).toList());
    }

    Table load(SchemaTableName name)
    {
        return tryLoad(name).orElseThrow(() -> new TableNotFoundException(name));
    }

    private Optional<Table> tryLoad(SchemaTableName name)
    {
        Table cached = tables.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            Table table = lake.catalog().loadTable(identifier(name));
            tables.put(name, table);
            return Optional.of(table);
        }
        catch (NoSuchTableException | NoSuchNamespaceException e) {
            return Optional.empty();
        }
        catch (RuntimeException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot load lake table %s: %s".formatted(name, describe(e)), e);
        }
    }

    static TableIdentifier identifier(SchemaTableName name)
    {
        return TableIdentifier.of(Namespace.of(name.getSchemaName()), name.getTableName());
    }

    private static <T> T call(String action, java.util.function.Supplier<T> operation)
    {
        try {
            return operation.get();
        }
        catch (TrinoException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot %s: %s".formatted(action, describe(e)), e);
        }
    }
}
