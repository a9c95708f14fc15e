package io.basin.spectrum;

import io.basin.connector.testing.TestingBlockValues;

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
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.deletes.BaseDVFileWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_CORRUPT_FILE;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_FILE_NOT_FOUND;
import static io.airlift.slice.Slices.utf8Slice;
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
 * The fleet against Iceberg's own generic reader as the oracle: the same Iceberg table (files
 * written by Iceberg with small row groups or stripes, in the subclass's format) read both ways
 * must give the same rows, for every supported type, with nulls, after schema changes, and with
 * row groups pruned by a predicate.
 */
@TestInstance(PER_CLASS)
abstract class BaseScanFleetTest
{
    private static final int ROWS_PER_FILE = 20_000;
    private static final int FILES = 3;

    private Path directory;
    private Table table;
    private ScanFleet fleet;
    protected final HadoopFileIO fileIO = new HadoopFileIO(new Configuration());

    protected ScanFleet fleet()
    {
        return fleet;
    }

    /** The table's properties: small row groups or stripes, so each file has several. */
    protected abstract Map<String, String> tableProperties();

    /** A writer of the subclass's format, with the table's properties. */
    protected abstract DataWriter<Record> newWriter(OutputFile output, Schema schema, Map<String, String> properties)
            throws IOException;

    /** The file name extension of the format. */
    protected abstract String extension();

    @BeforeAll
    void setUp()
            throws IOException
    {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Files.createDirectories(temporary);
        directory = Files.createTempDirectory(temporary, "scan-fleet-");
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
                Types.NestedField.optional(10, "name", Types.StringType.get()),
                // few distinct values: dictionary-encoded, read as dictionary blocks
                Types.NestedField.optional(11, "mode", Types.StringType.get()));
        table = new HadoopTables(new Configuration()).create(schema, PartitionSpec.unpartitioned(), tableProperties(), directory.resolve("t").toUri().toString());
        AppendFiles append = table.newAppend();
        for (int file = 0; file < FILES; file++) {
            append.appendFile(write(table, schema, file * ROWS_PER_FILE, ROWS_PER_FILE));
        }
        append.commit();
        fleet = new ScanFleet(2);
    }

    private DataFile write(Table table, Schema schema, long firstId, int rows)
            throws IOException
    {
        String location = table.location() + "/data/" + UUID.randomUUID() + "." + extension();
        DataWriter<Record> writer = newWriter(fileIO.newOutputFile(location), schema, table.properties());
        try (writer) {
            for (long id = firstId; id < firstId + rows; id++) {
                GenericRecord record = GenericRecord.create(schema);
                record.setField("id", id);
                boolean nulls = id % 17 == 3;
                record.setField("flag", nulls ? null : id % 3 == 0);
                record.setField("small", nulls ? null : (int) (id % 1000) - 500);
                record.setField("ratio", nulls ? null : id / 7.0f);
                record.setField("amount", nulls ? null : id * 1.25);
                record.setField("price", nulls ? null : BigDecimal.valueOf(id * 37 % 1_000_000, 2));
                record.setField("big", nulls ? null : new BigDecimal("12345678901234567890.1234").add(BigDecimal.valueOf(id)));
                record.setField("day", nulls ? null : LocalDate.of(1995, 1, 1).plusDays(id % 2000));
                record.setField("at", nulls ? null : LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(id * 61).plusNanos(id % 1000 * 1000));
                record.setField("name", nulls ? null : "name-" + id + "-\u00e9");
                record.setField("mode", id % 13 == 5 ? null : "mode-" + id % 7);
                writer.write(record);
            }
        }
        return writer.toDataFile();
    }

    @AfterAll
    void tearDown()
            throws IOException
    {
        if (fleet != null) {
            fleet.close();
        }
        if (directory != null) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void testAllColumnsMatchIcebergsReader()
    {
        List<ScanColumn> columns = columns(table.schema());
        ScanCounters counters = new ScanCounters();
        List<List<Object>> rows = scan(columns, TupleDomain.all(), counters);
        assertThat(rows).containsExactlyInAnyOrderElementsOf(oracle(Expressions.alwaysTrue(), columns));
        assertThat(rows).hasSize(FILES * ROWS_PER_FILE);
        ScanCounters.Snapshot snapshot = counters.snapshot();
        assertThat(snapshot.rowGroupsRead()).isEqualTo(snapshot.rowGroupsTotal()).isGreaterThan(FILES);
        assertThat(snapshot.rowsRead()).isEqualTo(FILES * ROWS_PER_FILE);
        assertThat(snapshot.bytesRead()).isPositive();
    }

    @Test
    void testProjectionInAnyOrder()
    {
        List<ScanColumn> all = columns(table.schema());
        List<ScanColumn> columns = List.of(all.get(9), all.get(0), all.get(5));
        assertThat(scan(columns, TupleDomain.all(), new ScanCounters())).containsExactlyInAnyOrderElementsOf(oracle(Expressions.alwaysTrue(), columns));
        // no column at all: only the row count
        assertThat(scan(List.of(), TupleDomain.all(), new ScanCounters())).hasSize(FILES * ROWS_PER_FILE);
    }

    @Test
    void testRowGroupsArePrunedByStatistics()
    {
        List<ScanColumn> columns = columns(table.schema());
        ScanColumn id = columns.get(0);
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(id, Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 21_000L, true, 21_500L, true)), false)));
        ScanCounters counters = new ScanCounters();
        List<List<Object>> rows = scan(columns, predicate, counters);
        // pruning keeps whole row groups: every matching row is there, and few others
        List<List<Object>> expected = oracle(Expressions.and(Expressions.greaterThanOrEqual("id", 21_000L), Expressions.lessThanOrEqual("id", 21_500L)), columns);
        assertThat(expected).hasSize(501);
        // the workers return exactly the rows the predicate accepts
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        ScanCounters.Snapshot snapshot = counters.snapshot();
        assertThat(snapshot.rowGroupsRead()).isLessThan(snapshot.rowGroupsTotal() / 4);
        assertThat(snapshot.rowsRead()).isLessThan(FILES * ROWS_PER_FILE / 4);

        // a value outside every file's range reads no row group
        TupleDomain<ScanColumn> none = TupleDomain.withColumnDomains(Map.of(id, Domain.singleValue(BIGINT, 10_000_000L)));
        ScanCounters noneCounters = new ScanCounters();
        assertThat(scan(columns, none, noneCounters)).isEmpty();
        assertThat(noneCounters.snapshot().rowGroupsRead()).isZero();
    }

    @Test
    void testPredicateFiltersRowsOfEveryType()
    {
        List<ScanColumn> columns = columns(table.schema());
        // day (long ranges), name (a string domain), flag (nulls allowed), price (a short decimal IN list)
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(
                columns.get(7), Domain.create(ValueSet.ofRanges(Range.range(DATE, LocalDate.of(1996, 1, 1).toEpochDay(), true, LocalDate.of(1997, 6, 30).toEpochDay(), false)), false),
                columns.get(9), Domain.create(ValueSet.ofRanges(Range.greaterThan(VARCHAR, io.airlift.slice.Slices.utf8Slice("name-3"))), true),
                columns.get(1), Domain.create(ValueSet.of(BOOLEAN, false), true)));
        ScanCounters counters = new ScanCounters();
        List<List<Object>> rows = scan(List.of(columns.get(0), columns.get(5)), predicate, counters);
        Expression filter = Expressions.and(
                Expressions.and(Expressions.greaterThanOrEqual("day", "1996-01-01"), Expressions.lessThan("day", "1997-06-30")),
                Expressions.and(
                        Expressions.or(Expressions.greaterThan("name", "name-3"), Expressions.isNull("name")),
                        Expressions.or(Expressions.equal("flag", false), Expressions.isNull("flag"))));
        List<List<Object>> expected = oracle(filter, List.of(columns.get(0), columns.get(5)));
        assertThat(expected).isNotEmpty();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counters.snapshot().rowsReturned()).isEqualTo(expected.size()).isLessThan(counters.snapshot().rowsRead());
    }

    @Test
    void testStringDomainsOnDictionaryEncodedColumn()
    {
        List<ScanColumn> columns = columns(table.schema());
        ScanColumn mode = columns.get(10);
        List<ScanColumn> output = List.of(columns.get(0), mode);
        // an IN list with nulls, an IN list without, and ranges (one of them unbounded)
        TupleDomain<ScanColumn> inWithNull = TupleDomain.withColumnDomains(Map.of(mode, Domain.create(ValueSet.of(VARCHAR, utf8Slice("mode-1"), utf8Slice("mode-4")), true)));
        assertThat(scan(output, inWithNull, new ScanCounters())).containsExactlyInAnyOrderElementsOf(oracle(
                Expressions.or(Expressions.in("mode", "mode-1", "mode-4"), Expressions.isNull("mode")), output));
        TupleDomain<ScanColumn> in = TupleDomain.withColumnDomains(Map.of(mode, Domain.create(ValueSet.of(VARCHAR, utf8Slice("mode-2"), utf8Slice("absent")), false)));
        assertThat(scan(output, in, new ScanCounters())).containsExactlyInAnyOrderElementsOf(oracle(Expressions.equal("mode", "mode-2"), output));
        TupleDomain<ScanColumn> ranges = TupleDomain.withColumnDomains(Map.of(mode, Domain.create(ValueSet.ofRanges(
                Range.lessThanOrEqual(VARCHAR, utf8Slice("mode-1")),
                Range.range(VARCHAR, utf8Slice("mode-3"), false, utf8Slice("mode-5"), true)), false)));
        // Iceberg's row evaluator orders nulls first (null <= 'mode-1' holds there), so nulls are excluded explicitly
        List<List<Object>> expected = oracle(Expressions.and(Expressions.notNull("mode"), Expressions.or(
                Expressions.lessThanOrEqual("mode", "mode-1"),
                Expressions.and(Expressions.greaterThan("mode", "mode-3"), Expressions.lessThanOrEqual("mode", "mode-5")))), output);
        assertThat(expected).isNotEmpty();
        assertThat(scan(output, ranges, new ScanCounters())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void testPartialAggregationMatchesIcebergsReader()
    {
        List<ScanColumn> columns = columns(table.schema());
        // group by flag (with nulls) and small (1000 values and null); aggregate several types
        List<ScanColumn> inputs = List.of(columns.get(1), columns.get(2), columns.get(5), columns.get(4), columns.get(6), columns.get(7), columns.get(9), columns.get(0));
        DecimalType sumOfPrice = DecimalType.createDecimalType(38, 2);
        PartialAggregation aggregation = new PartialAggregation(List.of(0, 1), List.of(
                new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT_ALL, java.util.OptionalInt.empty(), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT, java.util.OptionalInt.of(2), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, java.util.OptionalInt.of(2), sumOfPrice),
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, java.util.OptionalInt.of(7), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MIN, java.util.OptionalInt.of(5), DATE),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MAX, java.util.OptionalInt.of(6), VARCHAR),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MAX, java.util.OptionalInt.of(4), DecimalType.createDecimalType(30, 4)),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MIN, java.util.OptionalInt.of(3), DOUBLE)));
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(columns.get(0), Domain.create(ValueSet.ofRanges(Range.lessThan(BIGINT, 45_000L)), false)));
        List<Type> outputTypes = List.of(BOOLEAN, INTEGER, BIGINT, BIGINT, sumOfPrice, BIGINT, DATE, VARCHAR, DecimalType.createDecimalType(30, 4), DOUBLE);
        // combine the partial rows of all tasks: counts and sums add up, min/max again
        Map<List<Object>, Object[]> combined = new java.util.HashMap<>();
        try (ScanStream stream = fleet.scan(new ScanRequest(tasks(), inputs, predicate, java.util.Optional.of(aggregation)), fileIO, 2, new ScanCounters())) {
            for (Page page = stream.next(); page != null; page = stream.next()) {
                for (int position = 0; position < page.getPositionCount(); position++) {
                    Object[] row = new Object[outputTypes.size()];
                    for (int channel = 0; channel < row.length; channel++) {
                        row[channel] = TestingBlockValues.javaValue(outputTypes.get(channel), page.getBlock(channel), position);
                    }
                    combined.merge(Arrays.asList(row[0], row[1]), row, BaseScanFleetTest::combine);
                }
            }
        }
        Map<List<Object>, Object[]> expected = new java.util.HashMap<>();
        for (List<Object> record : oracle(Expressions.lessThan("id", 45_000L), inputs)) {
            BigDecimal price = (BigDecimal) record.get(2);
            Object[] row = {record.get(0), record.get(1), 1L, price == null ? 0L : 1L, price, record.get(7), record.get(5), record.get(6), record.get(4), record.get(3)};
            expected.merge(Arrays.asList(row[0], row[1]), row, BaseScanFleetTest::combine);
        }
        assertThat(combined.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, row) -> assertThat(Arrays.asList(combined.get(key))).as("group %s", key).isEqualTo(Arrays.asList(row)));
    }

    /** Partial rows of one group (keys, count, count, sum, sum, min, max, max, min) combined. */
    private static Object[] combine(Object[] left, Object[] right)
    {
        Object[] result = left.clone();
        result[2] = (Long) left[2] + (Long) right[2];
        result[3] = (Long) left[3] + (Long) right[3];
        result[4] = left[4] == null ? right[4] : right[4] == null ? left[4] : ((BigDecimal) left[4]).add((BigDecimal) right[4]);
        result[5] = left[5] == null ? right[5] : right[5] == null ? left[5] : (Long) left[5] + (Long) right[5];
        result[6] = extreme(left[6], right[6], false);
        result[7] = extreme(left[7], right[7], true);
        result[8] = extreme(left[8], right[8], true);
        result[9] = extreme(left[9], right[9], false);
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(Object left, Object right, boolean max)
    {
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        int comparison = ((Comparable) left).compareTo(right);
        return (max ? comparison >= 0 : comparison <= 0) ? left : right;
    }

    @Test
    void testColumnsAreFoundByFieldId()
    {
        // a column read under another name and at another position is still found by its id,
        // and a column no file has reads as nulls (what a later ADD COLUMN gives old files)
        List<ScanColumn> all = columns(table.schema());
        List<ScanColumn> renamed = List.of(
                new ScanColumn(10, "renamed_name", VARCHAR),
                new ScanColumn(99, "added", BIGINT),
                new ScanColumn(1, "id", BIGINT));
        List<List<Object>> rows = scan(renamed, TupleDomain.all(), new ScanCounters());
        List<List<Object>> expected = oracle(Expressions.alwaysTrue(), List.of(all.get(9), all.get(0))).stream()
                .map(row -> Arrays.asList(row.get(0), null, row.get(1)))
                .toList();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        // only columns the files lack: every row, as nulls
        assertThat(scan(List.of(new ScanColumn(99, "added", BIGINT)), TupleDomain.all(), new ScanCounters()))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(row -> Arrays.asList((Object) null)).toList());
    }

    @Test
    void testWidenedColumnsReadAsTheirNewTypes()
    {
        // what ALTER COLUMN TYPE allows in Iceberg: int to bigint, float to double, a decimal's
        // precision raised (here past 18 digits, from a short to a long decimal); old files keep the old type
        List<ScanColumn> all = columns(table.schema());
        List<ScanColumn> widened = List.of(
                new ScanColumn(3, "small", BIGINT),
                new ScanColumn(4, "ratio", DOUBLE),
                new ScanColumn(6, "price", DecimalType.createDecimalType(20, 2)));
        List<List<Object>> expected = oracle(Expressions.alwaysTrue(), List.of(all.get(2), all.get(3), all.get(5))).stream()
                .map(row -> Arrays.<Object>asList(
                        row.get(0) == null ? null : ((Integer) row.get(0)).longValue(),
                        row.get(1) == null ? null : ((Float) row.get(1)).doubleValue(),
                        row.get(2)))
                .toList();
        assertThat(scan(widened, TupleDomain.all(), new ScanCounters())).containsExactlyInAnyOrderElementsOf(expected);
        // and a predicate in the new type still prunes and filters right
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(widened.getFirst(), Domain.create(ValueSet.ofRanges(Range.greaterThan(BIGINT, 400L)), false)));
        assertThat(scan(widened, predicate, new ScanCounters()))
                .containsExactlyInAnyOrderElementsOf(expected.stream().filter(row -> row.getFirst() != null && (Long) row.getFirst() > 400).toList());
    }

    @Test
    void testPositionDeletesCountPositionsFromTheFileStart()
            throws IOException
    {
        // every file loses the rows at positions 2, 9, 16, ... (in every row group or stripe, of every range)
        String deletePath = table.location() + "/data/deletes-" + UUID.randomUUID() + ".parquet";
        PositionDeleteWriter<Record> writer = Parquet.writeDeletes(fileIO.newOutputFile(deletePath))
                .createWriterFunc(GenericParquetWriter::create)
                .withSpec(PartitionSpec.unpartitioned())
                .overwrite()
                .buildPositionWriter();
        List<String> files = tasks().stream().map(ScanTask::path).distinct().sorted().toList();
        try (writer) {
            for (String file : files) {
                for (long position = 2; position < ROWS_PER_FILE; position += 7) {
                    writer.write(PositionDelete.<Record>create().set(file, position));
                }
            }
        }
        DeleteFileRef delete = new DeleteFileRef(deletePath, FileFormat.PARQUET, Files.size(Path.of(java.net.URI.create(deletePath))), DeleteFileRef.Kind.POSITION, List.of(), java.util.Optional.empty());
        List<ScanTask> withDeletes = tasks().stream()
                .map(task -> new ScanTask(task.path(), task.format(), task.start(), task.length(), task.fileSize(), task.recordCount(), List.of(delete)))
                .toList();
        List<ScanColumn> columns = columns(table.schema());
        List<ScanColumn> output = List.of(columns.get(0), columns.get(9));
        // file i holds ids from i * ROWS_PER_FILE in order: a row's position is its id modulo ROWS_PER_FILE
        ScanCounters counters = new ScanCounters();
        List<List<Object>> expected = oracle(Expressions.alwaysTrue(), output).stream()
                .filter(row -> (Long) row.getFirst() % ROWS_PER_FILE % 7 != 2)
                .toList();
        assertThat(scan(withDeletes, output, TupleDomain.all(), counters)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counters.snapshot().rowsDeleted()).isEqualTo((long) FILES * ROWS_PER_FILE - expected.size());

        // with row groups or stripes pruned away, the positions of those that are read still count from the file start
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(columns.get(0), Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 27_000L, true, 33_000L, false)), false)));
        ScanCounters pruned = new ScanCounters();
        assertThat(scan(withDeletes, output, predicate, pruned))
                .containsExactlyInAnyOrderElementsOf(expected.stream().filter(row -> (Long) row.getFirst() >= 27_000 && (Long) row.getFirst() < 33_000).toList());
        assertThat(pruned.snapshot().rowGroupsRead()).isLessThan(pruned.snapshot().rowGroupsTotal());
    }

    @Test
    void testLateMaterializationDecodesOtherColumnsOnlyOfBatchesWithSurvivors()
            throws IOException
    {
        // one file with the default (large) row group or stripe size: statistics keep its only row
        // group, and the decoder reads it in several batches, of which a narrow id range (the file's
        // ids are in order) falls in one or two
        Table single = new HadoopTables(new Configuration()).create(table.schema(), PartitionSpec.unpartitioned(), Map.of(), directory.resolve("single").toUri().toString());
        DataFile file = write(single, table.schema(), 0, ROWS_PER_FILE);
        single.newAppend().appendFile(file).commit();
        ScanTask task = new ScanTask(file.location(), file.format(), 0, file.fileSizeInBytes(), file.fileSizeInBytes(), file.recordCount());

        List<ScanColumn> all = columns(table.schema());
        // a flat string, a dictionary-encoded string and a decimal are returned; only id is filtered on
        List<ScanColumn> output = List.of(all.get(9), all.get(10), all.get(5));
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(all.get(0), Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 12_500L, true, 12_509L, true)), false)));
        List<ScanColumn> read = ProcessedTaskReader.withPredicateColumns(new ScanRequest(List.of(task), output, predicate));
        int idChannel = RowFilter.channelOf(read, all.get(0));

        ScanCounters counters = new ScanCounters();
        DecodedColumns decoded = new DecodedColumns(fleet.openFile(task, read, predicate, fileIO, counters, new DeleteLoader(fileIO, counters)), read.size());
        List<List<Object>> rows = new ArrayList<>();
        try (ProcessedTaskReader reader = new ProcessedTaskReader(decoded, RowFilter.create(predicate, read), output.size(), java.util.Optional.empty(), counters)) {
            for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
                assertThat(page.getChannelCount()).isEqualTo(output.size());
                for (int position = 0; position < page.getPositionCount(); position++) {
                    List<Object> row = new ArrayList<>();
                    for (int channel = 0; channel < output.size(); channel++) {
                        row.add(TestingBlockValues.javaValue(output.get(channel).type(), page.getBlock(channel), position));
                    }
                    rows.add(row);
                }
            }
        }
        List<List<Object>> expected = oracle(single, Expressions.and(Expressions.greaterThanOrEqual("id", 12_500L), Expressions.lessThanOrEqual("id", 12_509L)), output);
        assertThat(expected).hasSize(10);
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);

        // every row read (ORC's row indexes may skip some) came in a batch whose filter column was decoded ...
        assertThat(counters.snapshot().rowsRead()).isEqualTo(decoded.rows()).isGreaterThan(100);
        assertThat(counters.snapshot().rowsReturned()).isEqualTo(10);
        int batches = decoded.batches();
        assertThat(batches).isGreaterThan(2);
        assertThat(decoded.decodedIn(idChannel)).isEqualTo(batches);
        // ... the returned columns only in the batches holding one of the ten rows
        for (int channel = 0; channel < output.size(); channel++) {
            assertThat(decoded.decodedIn(channel)).as("batches decoding %s", output.get(channel).name()).isBetween(1, 2);
        }
    }

    /** Counts, of a decoder's batches, in how many each column was decoded. */
    private static final class DecodedColumns
            implements TaskBatchReader
    {
        private final TaskBatchReader source;
        private final int[] decodedIn;
        private int batches;
        private long rows;
        private LazyBatch previous;

        DecodedColumns(TaskBatchReader source, int channels)
        {
            this.source = source;
            this.decodedIn = new int[channels];
        }

        @Override
        public io.trino.spi.connector.SourcePage nextBatch()
                throws IOException
        {
            // a batch is done with once the next one is asked for
            countPrevious();
            previous = (LazyBatch) source.nextBatch();
            if (previous != null) {
                rows += previous.getPositionCount();
            }
            return previous;
        }

        private void countPrevious()
        {
            if (previous != null) {
                batches++;
                for (int channel = 0; channel < decodedIn.length; channel++) {
                    if (previous.isDecoded(channel)) {
                        decodedIn[channel]++;
                    }
                }
                previous = null;
            }
        }

        int batches()
        {
            countPrevious();
            return batches;
        }

        long rows()
        {
            return rows;
        }

        int decodedIn(int channel)
        {
            countPrevious();
            return decodedIn[channel];
        }

        @Override
        public void close()
                throws IOException
        {
            source.close();
        }
    }

    @Test
    void testDeletionVectorsWrittenByIcebergDeleteTheirFilesPositions()
            throws IOException
    {
        // one Puffin file, one blob per data file: the first files lose positions 3, 10, 17, ..., the last a run of 5,000 rows
        List<String> files = tasks().stream().map(ScanTask::path).distinct().sorted().toList();
        String puffinPath = table.location() + "/data/dv-" + UUID.randomUUID() + ".puffin";
        BaseDVFileWriter writer = new BaseDVFileWriter(() -> fileIO.newOutputFile(puffinPath), _ -> null);
        try (writer) {
            for (int i = 0; i < files.size(); i++) {
                for (long position = 0; position < ROWS_PER_FILE; position++) {
                    if (isDeletedByVector(i, files.size(), position)) {
                        writer.delete(files.get(i), position, PartitionSpec.unpartitioned(), null);
                    }
                }
            }
        }
        List<DeleteFile> vectors = writer.result().deleteFiles();
        assertThat(vectors).hasSize(files.size());
        List<ScanTask> withVectors = tasks().stream()
                .map(task -> new ScanTask(task.path(), task.format(), task.start(), task.length(), task.fileSize(), task.recordCount(), vectors.stream()
                        .filter(vector -> vector.referencedDataFile().equals(task.path()))
                        .map(BaseScanFleetTest::deletionVectorRef)
                        .toList()))
                .toList();
        List<ScanColumn> columns = columns(table.schema());
        List<ScanColumn> output = List.of(columns.get(0), columns.get(9));
        // each file holds ROWS_PER_FILE consecutive ids in order (a row's position is its id less the file's first id);
        // the files' paths need not sort as their ids do
        Map<String, Long> firstIds = firstIds();
        List<List<Object>> all = oracle(Expressions.alwaysTrue(), output);
        List<List<Object>> expected = all.stream()
                .filter(row -> {
                    long id = (Long) row.getFirst();
                    int file = files.indexOf(files.stream().filter(path -> id >= firstIds.get(path) && id < firstIds.get(path) + ROWS_PER_FILE).findFirst().orElseThrow());
                    return !isDeletedByVector(file, files.size(), id - firstIds.get(files.get(file)));
                })
                .toList();
        assertThat(expected.size()).isLessThan(all.size());
        ScanCounters counters = new ScanCounters();
        assertThat(scan(withVectors, output, TupleDomain.all(), counters)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counters.snapshot().rowsDeleted()).isEqualTo((long) all.size() - expected.size());

        // a blob whose bytes do not match its checksum is refused, naming the Puffin file
        Path corrupt = directory.resolve("corrupt-dv.puffin");
        byte[] bytes = Files.readAllBytes(Path.of(java.net.URI.create(puffinPath)));
        DeleteFile first = vectors.getFirst();
        int flipped = Math.toIntExact(first.contentOffset() + first.contentSizeInBytes() / 2);
        bytes[flipped] = (byte) ~bytes[flipped];
        Files.write(corrupt, bytes);
        DeleteFileRef corruptRef = DeleteFileRef.deletionVector(corrupt.toUri().toString(), bytes.length, deletionVectorRef(first).deletionVector().orElseThrow());
        List<ScanTask> corruptTasks = tasks().stream()
                .filter(task -> task.path().equals(first.referencedDataFile()))
                .map(task -> new ScanTask(task.path(), task.format(), task.start(), task.length(), task.fileSize(), task.recordCount(), List.of(corruptRef)))
                .toList();
        assertThatThrownBy(() -> scan(corruptTasks, output, TupleDomain.all(), new ScanCounters()))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(LAKE_CORRUPT_FILE.toErrorCode()))
                .hasMessageContaining(corrupt.toUri().toString())
                .hasMessageContaining("deletion vector");
    }

    private static boolean isDeletedByVector(int file, int files, long position)
    {
        return file == files - 1 ? position >= 7_000 && position < 12_000 : position % 7 == 3;
    }

    /** The first id of each data file, as the files' lower bounds for the id column record it. */
    private Map<String, Long> firstIds()
    {
        Map<String, Long> firstIds = new java.util.HashMap<>();
        try (CloseableIterable<FileScanTask> files = table.newScan().includeColumnStats().planFiles()) {
            for (FileScanTask file : files) {
                firstIds.put(file.file().location(), org.apache.iceberg.types.Conversions.fromByteBuffer(Types.LongType.get(), file.file().lowerBounds().get(1)));
            }
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return firstIds;
    }

    private static DeleteFileRef deletionVectorRef(DeleteFile vector)
    {
        return DeleteFileRef.deletionVector(vector.location(), vector.fileSizeInBytes(),
                new DeleteFileRef.DeletionVector(vector.referencedDataFile(), vector.contentOffset(), vector.contentSizeInBytes(), vector.recordCount()));
    }

    @Test
    void testCorruptAndMissingFilesNameTheFile()
            throws IOException
    {
        ScanTask task = tasks().getFirst();
        Path copy = directory.resolve("truncated." + extension());
        Files.copy(Path.of(java.net.URI.create(task.path())), copy);
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        ScanTask truncated = new ScanTask(copy.toUri().toString(), task.format(), 0, Files.size(copy), Files.size(copy), task.recordCount());
        assertThatThrownBy(() -> scan(List.of(truncated), columns(table.schema()), TupleDomain.all(), new ScanCounters()))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(LAKE_CORRUPT_FILE.toErrorCode()))
                .hasMessageContaining(copy.toUri().toString());

        ScanTask missing = new ScanTask(directory.resolve("missing." + extension()).toUri().toString(), task.format(), 0, 100, 100, 1);
        assertThatThrownBy(() -> scan(List.of(missing), columns(table.schema()), TupleDomain.all(), new ScanCounters()))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(LAKE_FILE_NOT_FOUND.toErrorCode()))
                .hasMessageContaining("missing." + extension());
    }

    @Test
    void testClosingMidScanStopsTheWorkers()
    {
        ScanStream stream = fleet.scan(new ScanRequest(tasks(), columns(table.schema()), TupleDomain.all()), fileIO, 2, new ScanCounters());
        assertThat(stream.next()).isNotNull();
        stream.close();
        assertThat(stream.next()).isNull();
        // the fleet still serves other scans
        assertThat(scan(List.of(), TupleDomain.all(), new ScanCounters())).hasSize(FILES * ROWS_PER_FILE);
    }

    protected List<ScanTask> tasks()
    {
        List<ScanTask> tasks = new ArrayList<>();
        try (CloseableIterable<FileScanTask> files = table.newScan().planFiles()) {
            for (FileScanTask file : files) {
                // small ranges: several tasks per file, each owning the row groups that start in it
                for (FileScanTask range : file.split(100_000)) {
                    tasks.add(new ScanTask(range.file().location(), range.file().format(), range.start(), range.length(), range.file().fileSizeInBytes(), range.file().recordCount()));
                }
            }
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tasks;
    }

    private List<List<Object>> scan(List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, ScanCounters counters)
    {
        return scan(tasks(), columns, predicate, counters);
    }

    private List<List<Object>> scan(List<ScanTask> tasks, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, ScanCounters counters)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (ScanStream stream = fleet.scan(new ScanRequest(tasks, columns, predicate), fileIO, 2, counters)) {
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
        return oracle(table, filter, columns);
    }

    private static List<List<Object>> oracle(Table table, Expression filter, List<ScanColumn> columns)
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
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    private static List<ScanColumn> columns(Schema schema)
    {
        List<Type> types = List.of(BIGINT, BOOLEAN, INTEGER, REAL, DOUBLE, DecimalType.createDecimalType(12, 2), DecimalType.createDecimalType(30, 4), DATE, TIMESTAMP_MICROS, VARCHAR, VARCHAR);
        List<ScanColumn> columns = new ArrayList<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            Types.NestedField field = schema.columns().get(i);
            columns.add(new ScanColumn(field.fieldId(), field.name(), types.get(i)));
        }
        return columns;
    }
}
