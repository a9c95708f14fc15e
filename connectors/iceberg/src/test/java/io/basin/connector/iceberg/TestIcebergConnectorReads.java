package io.basin.connector.iceberg;

import io.basin.connector.testing.TestingBlockValues;

import io.basin.spectrum.ScanCounters;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.PointerType;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.transaction.IsolationLevel;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.orc.GenericOrcWriter;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.orc.ORC;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector reading tables that another Iceberg client (Iceberg's own API on the same SQLite
 * catalog) changed: position and equality deletes, schema evolution and time travel. The oracle is
 * Iceberg's generic reader, which applies deletes and schemas by Iceberg's rules.
 */
class TestIcebergConnectorReads
{
    private static final SchemaTableName NAME = new SchemaTableName("s", "t");

    private Path directory;
    private IcebergConnector connector;
    private JdbcCatalog catalog;
    private Table table;

    @BeforeEach
    void setUp()
            throws IOException
    {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Files.createDirectories(temporary);
        directory = Files.createTempDirectory(temporary, "lake-");
        String uri = "jdbc:sqlite:" + directory.resolve("catalog.db");
        String warehouse = directory.resolve("warehouse").toUri().toString();
        // one worker: one split, so the counters show what one worker read
        connector = new IcebergConnector("lake", IcebergConfig.fromProperties(Map.of(
                "iceberg.catalog.uri", uri,
                "iceberg.warehouse", warehouse,
                "spectrum.workers", "1")));
        ConnectorTransactionHandle transaction = connector.beginTransaction(IsolationLevel.READ_COMMITTED, false, true);
        connector.getMetadata(SESSION, transaction).createSchema(SESSION, "s", Map.of(), null);
        connector.commit(transaction);

        catalog = new JdbcCatalog();
        catalog.setConf(new Configuration());
        // the same catalog name: a JDBC catalog keeps several catalogs apart by name
        catalog.initialize("lake", Map.of(CatalogProperties.URI, uri, CatalogProperties.WAREHOUSE_LOCATION, warehouse, "jdbc.schema-version", "V1"));
        Schema schema = new Schema(
                Types.NestedField.required(1, "id", Types.LongType.get()),
                Types.NestedField.optional(2, "name", Types.StringType.get()),
                Types.NestedField.optional(3, "grp", Types.IntegerType.get()),
                Types.NestedField.optional(4, "day", Types.DateType.get()));
        table = catalog.createTable(TableIdentifier.of(Namespace.of("s"), "t"), schema, PartitionSpec.unpartitioned(), Map.of(
                TableProperties.FORMAT_VERSION, "2",
                TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "8192"));
    }

    @AfterEach
    void tearDown()
            throws IOException
    {
        connector.shutdown();
        catalog.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void testPositionAndEqualityDeletesAreApplied()
            throws IOException
    {
        assertDeletesApplied(FileFormat.PARQUET, FileFormat.PARQUET);
    }

    @Test
    void testDeletesOnOrcFilesAreApplied()
            throws IOException
    {
        assertDeletesApplied(FileFormat.ORC, FileFormat.ORC);
    }

    @Test
    void testParquetDeletesOnOrcFilesAreApplied()
            throws IOException
    {
        // what Basin's DELETE writes for an ORC table
        assertDeletesApplied(FileFormat.ORC, FileFormat.PARQUET);
    }

    private void assertDeletesApplied(FileFormat dataFormat, FileFormat deleteFormat)
            throws IOException
    {
        DataFile first = writeData(0, 3000, dataFormat);
        DataFile second = writeData(3000, 3000, dataFormat);
        DataFile third = writeData(6000, 3000, dataFormat);
        table.newAppend().appendFile(first).appendFile(second).appendFile(third).commit();

        // positions 0, 10..19 and the last row of the first file, position 5 of the second
        String suffix = "." + deleteFormat.name().toLowerCase(java.util.Locale.ROOT);
        PositionDeleteWriter<Record> positions = deleteFormat == FileFormat.ORC
                ? ORC.writeDeletes(table.io().newOutputFile(table.location() + "/data/pos-" + UUID.randomUUID() + suffix))
                        .createWriterFunc(GenericOrcWriter::buildWriter)
                        .withSpec(PartitionSpec.unpartitioned())
                        .overwrite()
                        .buildPositionWriter()
                : Parquet.writeDeletes(table.io().newOutputFile(table.location() + "/data/pos-" + UUID.randomUUID() + suffix))
                        .withSpec(PartitionSpec.unpartitioned())
                        .overwrite()
                        .buildPositionWriter();
        try (positions) {
            PositionDelete<Record> delete = PositionDelete.create();
            for (long position : new long[] {0, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 2999}) {
                positions.write(delete.set(first.location(), position));
            }
            positions.write(delete.set(second.location(), 5L));
        }
        // every row whose grp is 3 or null
        Schema equalitySchema = table.schema().select("grp");
        EqualityDeleteWriter<Record> equality = deleteFormat == FileFormat.ORC
                ? ORC.writeDeletes(table.io().newOutputFile(table.location() + "/data/eq-" + UUID.randomUUID() + suffix))
                        .withSpec(PartitionSpec.unpartitioned())
                        .rowSchema(equalitySchema)
                        .createWriterFunc(GenericOrcWriter::buildWriter)
                        .equalityFieldIds(3)
                        .overwrite()
                        .buildEqualityWriter()
                : Parquet.writeDeletes(table.io().newOutputFile(table.location() + "/data/eq-" + UUID.randomUUID() + suffix))
                        .forTable(table)
                        .withSpec(PartitionSpec.unpartitioned())
                        .rowSchema(equalitySchema)
                        .createWriterFunc(GenericParquetWriter::create)
                        .equalityFieldIds(3)
                        .overwrite()
                        .buildEqualityWriter();
        try (equality) {
            GenericRecord row = GenericRecord.create(equalitySchema);
            equality.write(row.copy(Map.of("grp", 3)));
            GenericRecord nullGroup = GenericRecord.create(equalitySchema);
            nullGroup.setField("grp", null);
            equality.write(nullGroup);
        }
        DeleteFile positionFile = positions.toDeleteFile();
        DeleteFile equalityFile = equality.toDeleteFile();
        table.newRowDelta().addDeletes(positionFile).addDeletes(equalityFile).commit();
        table.refresh();

        ScanCounters.Snapshot before = connector.scanCounters().snapshot();
        List<List<Object>> rows = read(Optional.empty(), TupleDomain.all(), handles -> handles);
        List<List<Object>> expected = oracle(table, table.currentSnapshot().snapshotId());
        assertThat(expected).hasSizeLessThan(9000 - 13 - 9000 / 7 / 2);
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        ScanCounters.Snapshot read = connector.scanCounters().snapshot().minus(before);
        // each delete file read once although it applies to three data files
        assertThat(read.deleteFiles()).isEqualTo(2);
        assertThat(read.rowsDeleted()).isEqualTo(9000 - expected.size());

        // count(*) (no columns) sees the deletes too
        assertThat(read(Optional.empty(), TupleDomain.all(), _ -> List.of())).hasSize(expected.size());
    }

    @Test
    void testSchemaEvolutionByFieldId()
            throws IOException
    {
        table.newAppend().appendFile(writeData(0, 500)).commit();
        table.updateSchema()
                .renameColumn("name", "label")
                .deleteColumn("day")
                .addColumn("score", Types.FloatType.get())
                .updateColumn("grp", Types.LongType.get())
                .commit();
        table.refresh();
        Schema evolved = table.schema();
        DataWriter<Record> writer = dataWriter(evolved);
        try (writer) {
            for (long id = 500; id < 700; id++) {
                GenericRecord record = GenericRecord.create(evolved);
                record.setField("id", id);
                record.setField("label", "new-" + id);
                record.setField("grp", id * 1_000_000_000L);
                record.setField("score", id / 4.0f);
                writer.write(record);
            }
        }
        table.newAppend().appendFile(writer.toDataFile()).commit();
        table.refresh();

        ConnectorTransactionHandle transaction = connector.beginTransaction(IsolationLevel.READ_COMMITTED, true, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, NAME, Optional.empty(), Optional.empty());
        assertThat(metadata.getTableMetadata(SESSION, handle).getColumns())
                .extracting(column -> column.getName() + " " + column.getType())
                .containsExactly("id bigint", "label varchar", "grp bigint", "score real");
        connector.commit(transaction);
        assertThat(read(Optional.empty(), TupleDomain.all(), handles -> handles)).containsExactlyInAnyOrderElementsOf(oracle(table, table.currentSnapshot().snapshotId()));
    }

    @Test
    void testColumnStatisticsAreTheRangesAndNullFractionsOfTheRows()
            throws IOException
    {
        table.newAppend().appendFile(writeData(40, 2000)).appendFile(writeData(5000, 1500, FileFormat.ORC)).commit();
        table.refresh();

        ConnectorTransactionHandle transaction = connector.beginTransaction(IsolationLevel.READ_COMMITTED, true, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, NAME, Optional.empty(), Optional.empty());
        io.trino.spi.statistics.TableStatistics statistics = metadata.getTableStatistics(SESSION, handle);
        Map<String, ColumnHandle> handles = metadata.getColumnHandles(SESSION, handle);
        connector.commit(transaction);

        // the oracle: the rows as Iceberg's generic reader returns them
        long rows = 0;
        Map<String, double[]> ranges = new java.util.HashMap<>(); // min, max, nulls
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            for (Record record : records) {
                rows++;
                for (String column : List.of("id", "grp", "day")) {
                    Object value = record.getField(column);
                    double[] range = ranges.computeIfAbsent(column, _ -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0});
                    if (value == null) {
                        range[2]++;
                        continue;
                    }
                    double number = value instanceof LocalDate date ? date.toEpochDay() : ((Number) value).doubleValue();
                    range[0] = Math.min(range[0], number);
                    range[1] = Math.max(range[1], number);
                }
            }
        }
        assertThat(statistics.getRowCount().getValue()).isEqualTo(rows);
        for (String column : List.of("id", "grp", "day")) {
            io.trino.spi.statistics.ColumnStatistics columnStatistics = statistics.getColumnStatistics().get(handles.get(column));
            double[] expected = ranges.get(column);
            assertThat(columnStatistics.getRange()).as(column).contains(new io.trino.spi.statistics.DoubleRange(expected[0], expected[1]));
            assertThat(columnStatistics.getNullsFraction().getValue()).as(column).isEqualTo(expected[2] / rows);
        }
        // strings have no usable bounds (they may be truncated): nothing is reported for them
        assertThat(statistics.getColumnStatistics()).doesNotContainKey(handles.get("name"));
    }

    @Test
    void testTimeTravelBySnapshotIdAndTimestamp()
            throws IOException, InterruptedException
    {
        table.newAppend().appendFile(writeData(0, 100)).commit();
        table.refresh();
        long first = table.currentSnapshot().snapshotId();
        long firstMillis = table.currentSnapshot().timestampMillis();
        Thread.sleep(5);
        table.newAppend().appendFile(writeData(100, 50)).commit();
        table.refresh();
        assertThat(read(Optional.empty(), TupleDomain.all(), handles -> handles)).hasSize(150);
        List<List<Object>> asOfFirst = oracle(table, first);
        assertThat(asOfFirst).hasSize(100);
        assertThat(read(Optional.of(new ConnectorTableVersion(PointerType.TARGET_ID, BIGINT, first)), TupleDomain.all(), handles -> handles))
                .containsExactlyInAnyOrderElementsOf(asOfFirst);
        long packed = io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone(firstMillis + 1, io.trino.spi.type.TimeZoneKey.UTC_KEY);
        assertThat(read(Optional.of(new ConnectorTableVersion(PointerType.TEMPORAL, TIMESTAMP_TZ_MILLIS, packed)), TupleDomain.all(), handles -> handles))
                .containsExactlyInAnyOrderElementsOf(asOfFirst);
    }

    @Test
    void testPushedPredicatePrunesRowGroups()
            throws IOException
    {
        table.newAppend().appendFile(writeData(0, 20_000)).commit();
        ConnectorTransactionHandle transaction = connector.beginTransaction(IsolationLevel.READ_COMMITTED, true, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, NAME, Optional.empty(), Optional.empty());
        ColumnHandle id = metadata.getColumnHandles(SESSION, handle).get("id");
        TupleDomain<ColumnHandle> predicate = TupleDomain.withColumnDomains(Map.of(id, Domain.singleValue(BIGINT, 12_345L)));
        ConnectorTableHandle pruned = metadata.applyFilter(SESSION, handle, new Constraint(predicate)).orElseThrow().getHandle();
        // the workers return only the matching rows: nothing of the filter remains for the engine
        assertThat(metadata.applyFilter(SESSION, handle, new Constraint(predicate)).orElseThrow().getRemainingFilter()).isEqualTo(TupleDomain.all());
        assertThat(metadata.applyFilter(SESSION, pruned, new Constraint(predicate))).isEmpty();
        ScanCounters.Snapshot before = connector.scanCounters().snapshot();
        List<List<Object>> rows = scan(transaction, pruned, List.copyOf(metadata.getColumnHandles(SESSION, handle).values()));
        connector.commit(transaction);
        ScanCounters.Snapshot read = connector.scanCounters().snapshot().minus(before);
        assertThat(rows).extracting(List::getFirst).containsExactly(12_345L);
        assertThat(read.rowsReturned()).isEqualTo(1);
        assertThat(read.rowGroupsTotal()).isGreaterThan(5);
        assertThat(read.rowGroupsRead()).isEqualTo(1);
    }

    @Test
    void testSnapshotsAndFilesMetadataTables()
            throws IOException
    {
        table.newAppend().appendFile(writeData(0, 100)).commit();
        table.newAppend().appendFile(writeData(100, 30)).appendFile(writeData(130, 20)).commit();
        table.refresh();

        List<List<Object>> snapshots = readTable(new SchemaTableName("s", "t$snapshots"), Optional.empty());
        List<List<Object>> expectedSnapshots = new ArrayList<>();
        for (org.apache.iceberg.Snapshot snapshot : table.snapshots()) {
            expectedSnapshots.add(java.util.Arrays.asList(
                    LocalDateTime.ofEpochSecond(Math.floorDiv(snapshot.timestampMillis(), 1000), (int) Math.floorMod(snapshot.timestampMillis(), 1000) * 1_000_000, ZoneOffset.UTC),
                    snapshot.snapshotId(),
                    snapshot.parentId(),
                    snapshot.operation(),
                    snapshot.manifestListLocation()));
        }
        assertThat(snapshots).extracting(row -> row.subList(0, 5)).containsExactlyInAnyOrderElementsOf(expectedSnapshots);
        assertThat(snapshots).hasSize(2);

        List<List<Object>> files = readTable(new SchemaTableName("s", "t$files"), Optional.empty());
        List<List<Object>> expectedFiles = new ArrayList<>();
        try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = table.newScan().planFiles()) {
            for (org.apache.iceberg.FileScanTask task : tasks) {
                expectedFiles.add(java.util.Arrays.asList(0, task.file().location(), "PARQUET", null, task.file().recordCount(), task.file().fileSizeInBytes()));
            }
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(expectedFiles).hasSize(3);
        // as of the first snapshot: one file
        long first = table.history().getFirst().snapshotId();
        assertThat(readTable(new SchemaTableName("s", "t$files"), Optional.of(new ConnectorTableVersion(PointerType.TARGET_ID, BIGINT, first)))).hasSize(1);
    }

    private List<List<Object>> readTable(SchemaTableName name, Optional<ConnectorTableVersion> version)
    {
        ConnectorTransactionHandle transaction = connector.beginTransaction(IsolationLevel.READ_COMMITTED, true, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, name, version, Optional.empty());
        List<List<Object>> rows = scan(transaction, handle, List.copyOf(metadata.getColumnHandles(SESSION, handle).values()));
        connector.commit(transaction);
        return rows;
    }

    @Test
    void testHiddenPartitionsArePruned()
            throws IOException
    {
        // a second table partitioned by month(day): a filter on day reads only the matching months' files
        PartitionSpec spec = PartitionSpec.builderFor(table.schema()).month("day").build();
        Table partitioned = catalog.createTable(TableIdentifier.of(Namespace.of("s"), "p"), table.schema(), spec, Map.of(TableProperties.FORMAT_VERSION, "2"));
        AppendFiles append = partitioned.newAppend();
        for (int month = 0; month < 6; month++) {
            PartitionKey key = new PartitionKey(spec, partitioned.schema());
            GenericRecord first = GenericRecord.create(partitioned.schema());
            first.setField("day", LocalDate.of(2000, 1 + month, 1));
            key.partition(new InternalRecordWrapper(partitioned.schema().asStruct()).wrap(first));
            DataWriter<Record> writer = Parquet.writeData(partitioned.io().newOutputFile(partitioned.location() + "/data/" + UUID.randomUUID() + ".parquet"))
                    .schema(partitioned.schema())
                    .createWriterFunc(GenericParquetWriter::create)
                    .withSpec(spec)
                    .withPartition(key)
                    .overwrite()
                    .build();
            try (writer) {
                for (int day = 0; day < 28; day++) {
                    GenericRecord record = GenericRecord.create(partitioned.schema());
                    record.setField("id", month * 100L + day);
                    record.setField("name", "m" + month);
                    record.setField("grp", month);
                    record.setField("day", LocalDate.of(2000, 1 + month, 1 + day));
                    writer.write(record);
                }
            }
            append.appendFile(writer.toDataFile());
        }
        append.commit();

        ConnectorTransactionHandle transaction = connector.beginTransaction(IsolationLevel.READ_COMMITTED, true, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        SchemaTableName name = new SchemaTableName("s", "p");
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, name, Optional.empty(), Optional.empty());
        Map<String, ColumnHandle> columns = metadata.getColumnHandles(SESSION, handle);
        long march = LocalDate.of(2000, 3, 10).toEpochDay();
        long april = LocalDate.of(2000, 4, 20).toEpochDay();
        TupleDomain<ColumnHandle> predicate = TupleDomain.withColumnDomains(Map.of(columns.get("day"),
                Domain.create(io.trino.spi.predicate.ValueSet.ofRanges(io.trino.spi.predicate.Range.range(DATE, march, true, april, true)), false)));
        ConnectorTableHandle pruned = metadata.applyFilter(SESSION, handle, new Constraint(predicate)).orElseThrow().getHandle();
        ScanCounters.Snapshot before = connector.scanCounters().snapshot();
        List<List<Object>> rows = scan(transaction, pruned, List.copyOf(columns.values()));
        ScanCounters.Snapshot read = connector.scanCounters().snapshot().minus(before);
        connector.commit(transaction);
        assertThat(read.files()).isEqualTo(2);
        // the partitions were pruned to March and April, and the workers return only the days
        // asked for: March 10..28 and April 1..20 of the 28 days written per month
        assertThat(rows).hasSize(19 + 20);
        assertThat(rows).extracting(row -> row.get(1)).containsOnly("m2", "m3");
        assertThat(rows).allSatisfy(row -> assertThat((LocalDate) row.get(3)).isBetween(LocalDate.ofEpochDay(march), LocalDate.ofEpochDay(april)));

        // "p$partitions" against Iceberg's own partitions metadata table
        List<List<Object>> expected = new java.util.ArrayList<>();
        Table icebergPartitions = org.apache.iceberg.MetadataTableUtils.createMetadataTableInstance(partitioned, org.apache.iceberg.MetadataTableType.PARTITIONS);
        org.apache.iceberg.types.Types.StructType partitionsType = icebergPartitions.schema().asStruct();
        int partitionField = partitionsType.fields().indexOf(partitionsType.field("partition"));
        int specField = partitionsType.fields().indexOf(partitionsType.field("spec_id"));
        int recordsField = partitionsType.fields().indexOf(partitionsType.field("record_count"));
        int filesField = partitionsType.fields().indexOf(partitionsType.field("file_count"));
        int bytesField = partitionsType.fields().indexOf(partitionsType.field("total_data_file_size_in_bytes"));
        try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = icebergPartitions.newScan().planFiles()) {
            for (org.apache.iceberg.FileScanTask task : tasks) {
                try (CloseableIterable<org.apache.iceberg.StructLike> partitionRows = task.asDataTask().rows()) {
                    for (org.apache.iceberg.StructLike row : partitionRows) {
                        expected.add(List.of(
                                spec.partitionToPath(row.get(partitionField, org.apache.iceberg.StructLike.class)),
                                row.get(specField, Integer.class),
                                row.get(recordsField, Long.class),
                                (long) row.get(filesField, Integer.class),
                                row.get(bytesField, Long.class)));
                    }
                }
            }
        }
        assertThat(expected).hasSize(6);
        assertThat(readTable(new SchemaTableName("s", "p$partitions"), Optional.empty())).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<List<Object>> read(Optional<ConnectorTableVersion> version, TupleDomain<ColumnHandle> predicate, Function<List<ColumnHandle>, List<ColumnHandle>> columns)
    {
        ConnectorTransactionHandle transaction = connector.beginTransaction(IsolationLevel.READ_COMMITTED, true, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, NAME, version, Optional.empty());
        if (!predicate.isAll()) {
            handle = metadata.applyFilter(SESSION, handle, new Constraint(predicate)).orElseThrow().getHandle();
        }
        List<List<Object>> rows = scan(transaction, handle, columns.apply(List.copyOf(metadata.getColumnHandles(SESSION, handle).values())));
        connector.commit(transaction);
        return rows;
    }

    private List<List<Object>> scan(ConnectorTransactionHandle transaction, ConnectorTableHandle handle, List<ColumnHandle> columns)
    {
        List<List<Object>> rows = new ArrayList<>();
        ConnectorSplitSource splits = connector.getSplitManager().getSplits(transaction, SESSION, handle, DynamicFilter.EMPTY, Constraint.alwaysTrue());
        List<ConnectorSplit> all = new ArrayList<>();
        while (!splits.isFinished()) {
            all.addAll(splits.getNextBatch(1000).join().getSplits());
        }
        for (ConnectorSplit split : all) {
            try (ConnectorPageSource source = connector.getPageSourceProvider().createPageSource(transaction, SESSION, split, handle, columns, DynamicFilter.EMPTY)) {
                while (!source.isFinished()) {
                    SourcePage page = source.getNextSourcePage();
                    if (page == null) {
                        continue;
                    }
                    for (int position = 0; position < page.getPositionCount(); position++) {
                        List<Object> row = new ArrayList<>();
                        for (int channel = 0; channel < columns.size(); channel++) {
                            row.add(TestingBlockValues.javaValue(((IcebergColumnHandle) columns.get(channel)).type(), page.getBlock(channel), position));
                        }
                        rows.add(row);
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    private static List<List<Object>> oracle(Table table, long snapshotId)
    {
        Schema schema = table.schemas().get(table.snapshot(snapshotId).schemaId());
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
            for (Record record : records) {
                List<Object> row = new ArrayList<>();
                for (Types.NestedField field : schema.columns()) {
                    row.add(record.getField(field.name()));
                }
                rows.add(row);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private DataFile writeData(long firstId, int count)
            throws IOException
    {
        return writeData(firstId, count, FileFormat.PARQUET);
    }

    private DataFile writeData(long firstId, int count, FileFormat format)
            throws IOException
    {
        DataWriter<Record> writer = format == FileFormat.ORC
                ? ORC.writeData(table.io().newOutputFile(table.location() + "/data/" + UUID.randomUUID() + ".orc"))
                        .schema(table.schema())
                        .createWriterFunc(GenericOrcWriter::buildWriter)
                        .withSpec(PartitionSpec.unpartitioned())
                        .overwrite()
                        .build()
                : dataWriter(table.schema());
        try (writer) {
            for (long id = firstId; id < firstId + count; id++) {
                GenericRecord record = GenericRecord.create(table.schema());
                record.setField("id", id);
                record.setField("name", id % 11 == 0 ? null : "n" + id);
                record.setField("grp", id % 7 == 0 ? null : (int) (id % 5));
                record.setField("day", LocalDate.of(2000, 1, 1).plusDays(id % 400));
                writer.write(record);
            }
        }
        return writer.toDataFile();
    }

    private DataWriter<Record> dataWriter(Schema schema)
            throws IOException
    {
        return Parquet.writeData(table.io().newOutputFile(table.location() + "/data/" + UUID.randomUUID() + ".parquet"))
                .schema(schema)
                .createWriterFunc(GenericParquetWriter::create)
                .withSpec(PartitionSpec.unpartitioned())
                .setAll(table.properties())
                .overwrite()
                .build();
    }
}
