package io.basin.spectrum.flight;

import io.basin.connector.testing.TestingBlockValues;
import io.basin.spectrum.PageStream;
import io.basin.spectrum.PartialAggregation;
import io.basin.spectrum.ScanColumn;
import io.basin.spectrum.ScanCounters;
import io.basin.spectrum.ScanFleet;
import io.basin.spectrum.ScanRequest;
import io.basin.spectrum.ScanTask;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_CORRUPT_FILE;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_SCAN_WORKERS_UNAVAILABLE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Scans through workers reached over Arrow Flight (in this JVM, on real sockets) against Iceberg's
 * own generic reader as the oracle: every lake type with nulls, pruning by a sent predicate, the
 * workers' counters coming back, tasks spread over both workers, scan errors passed through
 * unretried, unreachable workers skipped, and a worker that goes away mid-scan.
 */
@TestInstance(PER_CLASS)
class TestRemoteScanFleet
{
    private static final int ROWS_PER_FILE = 20_000;
    private static final int FILES = 3;

    private Path directory;
    private Table table;
    private final HadoopFileIO fileIO = new HadoopFileIO(new Configuration());
    private ScanWorkerServer first;
    private ScanWorkerServer second;

    @BeforeAll
    void setUp()
            throws IOException
    {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Files.createDirectories(temporary);
        directory = Files.createTempDirectory(temporary, "remote-fleet-");
        Schema schema = new Schema(
                Types.NestedField.required(1, "id", Types.LongType.get()),
                Types.NestedField.optional(2, "flag", Types.BooleanType.get()),
                Types.NestedField.optional(3, "small", Types.IntegerType.get()),
                Types.NestedField.optional(4, "ratio", Types.FloatType.get()),
                Types.NestedField.optional(5, "amount", Types.DoubleType.get()),
                Types.NestedField.optional(6, "price", Types.DecimalType.of(12, 2)),
                Types.NestedField.optional(7, "big", Types.DecimalType.of(30, 4)),
                Types.NestedField.optional(8, "day", Types.DateType.get()),
                Types.NestedField.optional(9, "at", Types.TimestampType.withoutZone()),
                Types.NestedField.optional(10, "name", Types.StringType.get()));
        table = new HadoopTables(new Configuration()).create(schema, PartitionSpec.unpartitioned(), Map.of(
                TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "65536"), directory.resolve("t").toUri().toString());
        AppendFiles append = table.newAppend();
        for (int file = 0; file < FILES; file++) {
            append.appendFile(write(schema, file * ROWS_PER_FILE, ROWS_PER_FILE));
        }
        append.commit();
        first = ScanWorkerServer.start("127.0.0.1", 0, 2);
        second = ScanWorkerServer.start("127.0.0.1", 0, 2);
    }

    private DataFile write(Schema schema, long firstId, int rows)
            throws IOException
    {
        String location = table.location() + "/data/" + UUID.randomUUID() + ".parquet";
        DataWriter<Record> writer = Parquet.writeData(fileIO.newOutputFile(location))
                .schema(schema)
                .createWriterFunc(GenericParquetWriter::create)
                .withSpec(PartitionSpec.unpartitioned())
                .setAll(table.properties())
                .overwrite()
                .build();
        try (writer) {
            for (long id = firstId; id < firstId + rows; id++) {
                GenericRecord record = GenericRecord.create(schema);
                record.setField("id", id);
                boolean nulls = id % 17 == 3;
                record.setField("flag", nulls ? null : id % 3 == 0);
                record.setField("small", nulls ? null : (int) (id % 1000) - 500);
                record.setField("ratio", nulls ? null : id / 7.0f);
                record.setField("amount", nulls ? null : id * -1.25);
                record.setField("price", nulls ? null : BigDecimal.valueOf(id * 37 % 1_000_000 - 500_000, 2));
                record.setField("big", nulls ? null : new BigDecimal("-12345678901234567890.1234").add(BigDecimal.valueOf(id * 3)));
                record.setField("day", nulls ? null : LocalDate.of(1965, 1, 1).plusDays(id % 20000));
                record.setField("at", nulls ? null : LocalDateTime.of(1960, 1, 1, 0, 0).plusSeconds(id * 6100).plusNanos(id % 1000 * 1000));
                record.setField("name", nulls ? null : id % 5 == 0 ? "" : "name-" + id + "-\u00e9\u4e2d");
                writer.write(record);
            }
        }
        return writer.toDataFile();
    }

    @AfterAll
    void tearDown()
            throws IOException
    {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (directory != null) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void testAllTypesMatchIcebergsReaderAndTasksSpreadOverTheWorkers()
    {
        try (RemoteScanFleet fleet = fleet(List.of(address(first), address(second)), Optional.empty())) {
            List<ScanColumn> columns = columns(table.schema());
            ScanCounters counters = new ScanCounters();
            // two scans at once, as two drivers would: each starts its ranges on the less busy worker
            CompletableFuture<List<List<Object>>> concurrent = CompletableFuture.supplyAsync(() -> scan(fleet, tasks(), columns, TupleDomain.all(), new ScanCounters()));
            List<List<Object>> rows = scan(fleet, tasks(), columns, TupleDomain.all(), counters);
            List<List<Object>> expected = oracle(Expressions.alwaysTrue(), columns);
            assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(concurrent.join()).containsExactlyInAnyOrderElementsOf(expected);
            ScanCounters.Snapshot read = counters.snapshot();
            assertThat(read.rowsRead()).isEqualTo(FILES * ROWS_PER_FILE);
            assertThat(read.rowGroupsRead()).isEqualTo(read.rowGroupsTotal()).isGreaterThan(FILES);
            assertThat(read.bytesRead()).isPositive();
            assertThat(fleet.workers()).allSatisfy(worker -> assertThat(worker.tasksFinished()).isPositive());
            assertThat(fleet.workers().stream().mapToLong(WorkerStatus::rowsReturned).sum()).isEqualTo(2L * FILES * ROWS_PER_FILE);
            assertThat(fleet.retries()).isZero();

            // no column at all: only the row count
            assertThat(scan(fleet, tasks(), List.of(), TupleDomain.all(), new ScanCounters())).hasSize(FILES * ROWS_PER_FILE);
        }
    }

    @Test
    void testClosingMidScanReleasesTheWorker()
    {
        try (RemoteScanFleet fleet = fleet(List.of(address(first)), Optional.empty())) {
            List<ScanColumn> columns = columns(table.schema());
            PageStream stream = fleet.scan(new ScanRequest(tasks(), columns, TupleDomain.all()), fileIO, 1, new ScanCounters());
            assertThat(stream.next()).isNotNull();
            assertThat(fleet.workers().getFirst().activeScans()).isEqualTo(1);
            // what a LIMIT does: the rest is not wanted
            stream.close();
            assertThat(stream.next()).isNull();
            assertThat(fleet.workers().getFirst().activeScans()).isZero();
            assertThat(fleet.workers().getFirst().failures()).isZero();
            // the worker serves the next scan in full
            assertThat(scan(fleet, tasks(), columns, TupleDomain.all(), new ScanCounters())).containsExactlyInAnyOrderElementsOf(oracle(Expressions.alwaysTrue(), columns));
        }
    }

    @Test
    void testLocalPoolTakesTasksAsOneMoreWorker()
    {
        List<ScanColumn> columns = columns(table.schema());
        try (RemoteScanFleet fleet = new RemoteScanFleet(List.of(address(first)), Map.of(), Optional.of(new ScanFleet(2)), true)) {
            ScanCounters counters = new ScanCounters();
            assertThat(scan(fleet, tasks(), columns, TupleDomain.all(), counters)).containsExactlyInAnyOrderElementsOf(oracle(Expressions.alwaysTrue(), columns));
            // idle members take turns
            assertThat(fleet.localTasks()).isPositive();
            assertThat(fleet.workers().getFirst().tasksFinished()).isPositive();
            assertThat(fleet.localTasks() + fleet.workers().getFirst().tasksFinished()).isEqualTo(tasks().size());
            assertThat(counters.snapshot().rowsRead()).isEqualTo(FILES * ROWS_PER_FILE);
        }
    }

    @Test
    void testPredicateTravelsToTheWorkers()
    {
        try (RemoteScanFleet fleet = fleet(List.of(address(first)), Optional.empty())) {
            List<ScanColumn> columns = columns(table.schema());
            ScanColumn id = columns.get(0);
            TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(id, Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 21_000L, true, 21_500L, true)), false)));
            ScanCounters counters = new ScanCounters();
            List<List<Object>> rows = scan(fleet, tasks(), columns, predicate, counters);
            List<List<Object>> expected = oracle(Expressions.and(Expressions.greaterThanOrEqual("id", 21_000L), Expressions.lessThanOrEqual("id", 21_500L)), columns);
            assertThat(expected).hasSize(501);
            assertThat(rows).containsAll(expected);
            ScanCounters.Snapshot read = counters.snapshot();
            assertThat(read.rowGroupsRead()).isLessThan(read.rowGroupsTotal() / 4);
            assertThat(read.rowsRead()).isLessThan(FILES * ROWS_PER_FILE / 4);
        }
    }

    @Test
    void testScanFailuresAreReportedNotRetried()
            throws IOException
    {
        ScanTask task = tasks().getFirst();
        Path copy = directory.resolve("truncated.parquet");
        Files.copy(Path.of(java.net.URI.create(task.path())), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        ScanTask truncated = new ScanTask(copy.toUri().toString(), task.format(), 0, Files.size(copy), Files.size(copy), task.recordCount());
        try (RemoteScanFleet fleet = fleet(List.of(address(first), address(second)), Optional.empty())) {
            assertThatThrownBy(() -> scan(fleet, List.of(truncated), columns(table.schema()), TupleDomain.all(), new ScanCounters()))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(LAKE_CORRUPT_FILE.toErrorCode()))
                    .hasMessageContaining(copy.toUri().toString());
            assertThat(fleet.retries()).isZero();
            assertThat(fleet.workers()).allSatisfy(worker -> assertThat(worker.up()).isTrue());
        }
    }

    @Test
    void testUnreachableWorkersAreSkipped()
            throws IOException
    {
        WorkerAddress dead = new WorkerAddress("127.0.0.1", freePort());
        List<ScanColumn> columns = columns(table.schema());
        List<List<Object>> expected = oracle(Expressions.alwaysTrue(), columns);
        try (RemoteScanFleet fleet = fleet(List.of(dead, address(first)), Optional.empty())) {
            assertThat(fleet.workers().getFirst().up()).isFalse();
            assertThat(scan(fleet, tasks(), columns, TupleDomain.all(), new ScanCounters())).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(fleet.workers().getFirst().tasksFinished()).isZero();
        }
        try (RemoteScanFleet fleet = fleet(List.of(dead), Optional.empty())) {
            assertThatThrownBy(() -> scan(fleet, tasks(), columns, TupleDomain.all(), new ScanCounters()))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(LAKE_SCAN_WORKERS_UNAVAILABLE.toErrorCode()))
                    .hasMessageContaining(dead.toString());
        }
        try (RemoteScanFleet fleet = fleet(List.of(dead), Optional.of(new ScanFleet(2)))) {
            assertThat(scan(fleet, tasks(), columns, TupleDomain.all(), new ScanCounters())).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(fleet.localTasks()).isEqualTo(tasks().size());
        }
    }

    @Test
    void testWorkerLostMidScanIsRetriedWithoutDuplicatesOrGaps()
            throws Exception
    {
        ByteArrayOutputStream notices = new ByteArrayOutputStream();
        ScanWorkerServer stalling = ScanWorkerServer.startStallingAfter("127.0.0.1", 0, 1, 3, new PrintStream(notices, true, StandardCharsets.UTF_8));
        List<ScanColumn> columns = columns(table.schema());
        try (RemoteScanFleet fleet = fleet(List.of(address(stalling), address(second)), Optional.empty())) {
            // one range of several pages, first on the stalling worker (both idle: the first in turn)
            CompletableFuture<List<List<Object>>> rows = CompletableFuture.supplyAsync(() -> scan(fleet, tasks(), columns, TupleDomain.all(), new ScanCounters()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!notices.toString(StandardCharsets.UTF_8).contains("stalled after 3 batches")) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
            stalling.close();
            assertThat(rows.get(60, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(oracle(Expressions.alwaysTrue(), columns));
            assertThat(fleet.retries()).isEqualTo(1);
            assertThat(fleet.workers().getFirst().failures()).isEqualTo(1);
        }
    }

    @Test
    void testPartialAggregationRunsOnTheWorkers()
    {
        List<ScanColumn> columns = columns(table.schema());
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(columns.get(0), Domain.create(ValueSet.ofRanges(Range.greaterThanOrEqual(BIGINT, 7_000L)), false)));
        Map<Object, List<Object>> expected = aggregateOracle(Expressions.greaterThanOrEqual("id", 7_000L));
        try (RemoteScanFleet fleet = fleet(List.of(address(first), address(second)), Optional.empty())) {
            List<List<Object>> partials = aggregate(fleet, tasks(), predicate);
            assertThat(combine(partials)).isEqualTo(expected);
            // the workers sent the partial results (at most three groups per range), not the rows
            assertThat(partials.size()).isBetween(expected.size(), 3 * tasks().size());
            assertThat(fleet.workers().stream().mapToLong(WorkerStatus::rowsReturned).sum()).isEqualTo(partials.size());
            assertThat(fleet.workers()).allSatisfy(worker -> assertThat(worker.tasksFinished()).isPositive());
            assertThat(fleet.localTasks()).isZero();
        }
    }

    @Test
    void testWorkerLostMidAggregationIsRetriedExactly()
            throws Exception
    {
        ByteArrayOutputStream notices = new ByteArrayOutputStream();
        // sends the partial results of its first range, then hangs before finishing it
        ScanWorkerServer stalling = ScanWorkerServer.startStallingAfter("127.0.0.1", 0, 1, 1, new PrintStream(notices, true, StandardCharsets.UTF_8));
        try (RemoteScanFleet fleet = fleet(List.of(address(stalling), address(second)), Optional.empty())) {
            CompletableFuture<List<List<Object>>> partials = CompletableFuture.supplyAsync(() -> aggregate(fleet, tasks(), TupleDomain.all()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!notices.toString(StandardCharsets.UTF_8).contains("stalled after 1 batches")) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
            stalling.close();
            assertThat(combine(partials.get(60, TimeUnit.SECONDS))).isEqualTo(aggregateOracle(Expressions.alwaysTrue()));
            assertThat(fleet.retries()).isEqualTo(1);
            assertThat(fleet.workers().getFirst().failures()).isEqualTo(1);
        }
    }

    // group by flag: count(*), count(price), sum(price), sum(small), min(day), max(name), min(amount)
    private static final DecimalType PRICE_SUM = DecimalType.createDecimalType(38, 2);

    private List<List<Object>> aggregate(RemoteScanFleet fleet, List<ScanTask> tasks, TupleDomain<ScanColumn> predicate)
    {
        List<ScanColumn> all = columns(table.schema());
        List<ScanColumn> inputs = List.of(all.get(1), all.get(5), all.get(2), all.get(7), all.get(9), all.get(4));
        PartialAggregation aggregation = new PartialAggregation(List.of(0), List.of(
                new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT_ALL, OptionalInt.empty(), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT, OptionalInt.of(1), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.of(1), PRICE_SUM),
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.of(2), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MIN, OptionalInt.of(3), DATE),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MAX, OptionalInt.of(4), VARCHAR),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MIN, OptionalInt.of(5), DOUBLE)));
        ScanRequest request = new ScanRequest(tasks, inputs, predicate, Optional.of(aggregation));
        List<Type> types = request.outputTypes();
        List<List<Object>> rows = new ArrayList<>();
        try (PageStream stream = fleet.scan(request, fileIO, 1, new ScanCounters())) {
            for (Page page = stream.next(); page != null; page = stream.next()) {
                assertThat(page.getChannelCount()).isEqualTo(types.size());
                for (int position = 0; position < page.getPositionCount(); position++) {
                    List<Object> row = new ArrayList<>();
                    for (int channel = 0; channel < types.size(); channel++) {
                        row.add(TestingBlockValues.javaValue(types.get(channel), page.getBlock(channel), position));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The partial rows combined per group, as the engine would: counts and sums added, extremes taken again. */
    private static Map<Object, List<Object>> combine(List<List<Object>> partials)
    {
        Map<Object, List<Object>> groups = new java.util.HashMap<>();
        for (List<Object> partial : partials) {
            groups.merge(Optional.ofNullable(partial.getFirst()), partial.subList(1, partial.size()), (left, right) -> java.util.Arrays.asList(
                    (Long) left.get(0) + (Long) right.get(0),
                    (Long) left.get(1) + (Long) right.get(1),
                    nullSafe(left.get(2), right.get(2), (a, b) -> ((BigDecimal) a).add((BigDecimal) b)),
                    nullSafe(left.get(3), right.get(3), (a, b) -> (Long) a + (Long) b),
                    nullSafe(left.get(4), right.get(4), (a, b) -> ((LocalDate) a).isBefore((LocalDate) b) ? a : b),
                    nullSafe(left.get(5), right.get(5), (a, b) -> ((String) a).compareTo((String) b) >= 0 ? a : b),
                    nullSafe(left.get(6), right.get(6), (a, b) -> Math.min((Double) a, (Double) b))));
        }
        return groups;
    }

    private static Object nullSafe(Object left, Object right, java.util.function.BinaryOperator<Object> combine)
    {
        return left == null ? right : right == null ? left : combine.apply(left, right);
    }

    /** The same aggregates from Iceberg's generic reader: each record as a partial row of its own, combined. */
    private Map<Object, List<Object>> aggregateOracle(Expression filter)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).where(filter).build()) {
            for (Record record : records) {
                Object price = record.getField("price");
                Object small = record.getField("small");
                rows.add(java.util.Arrays.asList(
                        record.getField("flag"),
                        1L,
                        price == null ? 0L : 1L,
                        price,
                        small == null ? null : (long) (Integer) small,
                        record.getField("day"),
                        record.getField("name"),
                        record.getField("amount")));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return combine(rows);
    }

    private RemoteScanFleet fleet(List<WorkerAddress> workers, Optional<io.basin.spectrum.ScanService> local)
    {
        return new RemoteScanFleet(workers, Map.of(), local);
    }

    private static WorkerAddress address(ScanWorkerServer server)
    {
        return new WorkerAddress("127.0.0.1", server.port());
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private List<ScanTask> tasks()
    {
        List<ScanTask> tasks = new ArrayList<>();
        try (CloseableIterable<FileScanTask> files = table.newScan().planFiles()) {
            for (FileScanTask file : files) {
                for (FileScanTask range : file.split(200_000)) {
                    tasks.add(new ScanTask(range.file().location(), range.file().format(), range.start(), range.length(), range.file().fileSizeInBytes(), range.file().recordCount()));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tasks;
    }

    private List<List<Object>> scan(RemoteScanFleet fleet, List<ScanTask> tasks, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, ScanCounters counters)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (PageStream stream = fleet.scan(new ScanRequest(tasks, columns, predicate), fileIO, 1, counters)) {
            for (Page page = stream.next(); page != null; page = stream.next()) {
                assertThat(page.getChannelCount()).isEqualTo(columns.size());
                for (int position = 0; position < page.getPositionCount(); position++) {
                    List<Object> row = new ArrayList<>();
                    for (int channel = 0; channel < columns.size(); channel++) {
                        row.add(TestingBlockValues.javaValue(columns.get(channel).type(), page.getBlock(channel), position));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private List<List<Object>> oracle(Expression filter, List<ScanColumn> columns)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).where(filter).build()) {
            for (Record record : records) {
                List<Object> row = new ArrayList<>();
                for (ScanColumn column : columns) {
                    row.add(record.getField(column.name()));
                }
                rows.add(row);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<ScanColumn> columns(Schema schema)
    {
        List<Type> types = List.of(BIGINT, BOOLEAN, INTEGER, REAL, DOUBLE, DecimalType.createDecimalType(12, 2), DecimalType.createDecimalType(30, 4), DATE, TIMESTAMP_MICROS, VARCHAR);
        List<ScanColumn> columns = new ArrayList<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            Types.NestedField field = schema.columns().get(i);
            columns.add(new ScanColumn(field.fieldId(), field.name(), types.get(i)));
        }
        return columns;
    }
}
