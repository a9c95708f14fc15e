package io.basin.spectrum.flight;

import io.airlift.slice.Slices;
import io.basin.spectrum.ColumnComparison;
import io.basin.spectrum.DeleteFileRef;
import io.basin.spectrum.PartialAggregation;
import io.basin.spectrum.ScanColumn;
import io.basin.spectrum.ScanExpression;
import io.basin.spectrum.ScanRequest;
import io.basin.spectrum.ScanTask;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.VarcharType;
import org.apache.iceberg.FileFormat;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire form of a scan: what goes in comes out, and foreign or truncated bytes are refused. */
class TestRemoteScanCodec
{
    @Test
    void testRoundTrip()
    {
        DecimalType shortDecimal = DecimalType.createDecimalType(12, 2);
        DecimalType longDecimal = DecimalType.createDecimalType(38, 6);
        List<ScanColumn> columns = List.of(
                new ScanColumn(1, "id", BIGINT),
                new ScanColumn(2, "flag", BOOLEAN),
                new ScanColumn(3, "n", INTEGER),
                new ScanColumn(4, "r", REAL),
                new ScanColumn(5, "d", DOUBLE),
                new ScanColumn(6, "price", shortDecimal),
                new ScanColumn(7, "big", longDecimal),
                new ScanColumn(8, "day", DATE),
                new ScanColumn(9, "at", TIMESTAMP_MICROS),
                new ScanColumn(10, "name \u00e9", VARCHAR),
                new ScanColumn(11, "code", VarcharType.createVarcharType(25)),
                new ScanColumn(12, "bytes", VARBINARY));
        TupleDomain<ScanColumn> predicate = TupleDomain.withColumnDomains(Map.of(
                columns.get(0), Domain.create(ValueSet.ofRanges(Range.lessThan(BIGINT, -5L), Range.range(BIGINT, 10L, true, 20L, false), Range.greaterThanOrEqual(BIGINT, 100L)), true),
                columns.get(1), Domain.singleValue(BOOLEAN, true),
                columns.get(4), Domain.create(ValueSet.ofRanges(Range.greaterThan(DOUBLE, 1.5)), false),
                columns.get(5), Domain.singleValue(shortDecimal, 12345L),
                columns.get(6), Domain.create(ValueSet.ofRanges(Range.lessThanOrEqual(longDecimal, Int128.valueOf(-7, 12345))), false),
                columns.get(9), Domain.multipleValues(VARCHAR, List.of(Slices.utf8Slice("a"), Slices.utf8Slice("\u4e2d"))),
                columns.get(11), Domain.onlyNull(VARBINARY),
                columns.get(2), Domain.notNull(INTEGER)));
        ScanTask plain = new ScanTask("s3a://bucket/wh/t/data/a.parquet", FileFormat.PARQUET, 4, 1000, 5000, 77);
        ScanTask withDeletes = new ScanTask("file:/tmp/b.orc", FileFormat.ORC, 0, 10, 10, 1, List.of(
                new DeleteFileRef("file:/tmp/pos.parquet", FileFormat.PARQUET, 123, DeleteFileRef.Kind.POSITION, List.of(), Optional.empty()),
                new DeleteFileRef("file:/tmp/eq.parquet", FileFormat.PARQUET, 456, DeleteFileRef.Kind.EQUALITY, List.of(columns.get(0), columns.get(9)), Optional.of("{\"type\":\"struct\"}")),
                DeleteFileRef.deletionVector("file:/tmp/dv.puffin", 789, new DeleteFileRef.DeletionVector("file:/tmp/b.orc", 4, 42, 3))));
        List<ColumnComparison> comparisons = List.of(
                new ColumnComparison(columns.get(7), ColumnComparison.Operator.LESS_THAN, new ScanColumn(13, "other day", DATE)),
                new ColumnComparison(columns.get(5), ColumnComparison.Operator.NOT_EQUAL, new ScanColumn(14, "cost", shortDecimal)),
                new ColumnComparison(columns.get(0), ColumnComparison.Operator.GREATER_THAN_OR_EQUAL, columns.get(0)));
        RemoteScan scan = new RemoteScan(new ScanRequest(List.of(plain, withDeletes), columns, predicate, comparisons, Optional.empty()), Map.of("fs.s3a.endpoint", "http://127.0.0.1:9000"), 12345);

        RemoteScan decoded = RemoteScanCodec.decode(RemoteScanCodec.encode(scan));
        assertThat(decoded.request().tasks()).isEqualTo(scan.request().tasks());
        assertThat(decoded.request().columns()).isEqualTo(scan.request().columns());
        assertThat(decoded.request().predicate()).isEqualTo(scan.request().predicate());
        assertThat(decoded.request().comparisons()).isEqualTo(comparisons);
        assertThat(decoded.storage()).isEqualTo(scan.storage());
        assertThat(decoded.skipRows()).isEqualTo(12345);

        assertThat(RemoteScanCodec.decode(RemoteScanCodec.encode(new RemoteScan(new ScanRequest(List.of(plain), columns, TupleDomain.none()), Map.of(), 0))).request().predicate().isNone()).isTrue();
        assertThat(RemoteScanCodec.decode(RemoteScanCodec.encode(new RemoteScan(new ScanRequest(List.of(plain), List.of(), TupleDomain.all()), Map.of(), 0))).request().predicate().isAll()).isTrue();
    }

    @Test
    void testPartialAggregationRoundTrip()
    {
        List<ScanColumn> columns = List.of(
                new ScanColumn(1, "flag", VarcharType.createVarcharType(1)),
                new ScanColumn(2, "price", DecimalType.createDecimalType(12, 2)),
                new ScanColumn(3, "quantity", BIGINT),
                new ScanColumn(4, "day", DATE));
        PartialAggregation aggregation = new PartialAggregation(List.of(0, 3), List.of(
                new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT_ALL, OptionalInt.empty(), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.of(1), DecimalType.createDecimalType(38, 2)),
                // an avg travels as a sum and a count
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.of(2), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT, OptionalInt.of(2), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MIN, OptionalInt.of(3), DATE),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MAX, OptionalInt.of(1), DecimalType.createDecimalType(12, 2))));
        ScanTask task = new ScanTask("file:/tmp/a.parquet", FileFormat.PARQUET, 0, 100, 100, 10);
        ScanRequest request = new ScanRequest(List.of(task), columns, TupleDomain.all(), Optional.of(aggregation));
        assertThat(RemoteScanCodec.canEncode(request)).isTrue();

        ScanRequest decoded = RemoteScanCodec.decode(RemoteScanCodec.encode(new RemoteScan(request, Map.of(), 3))).request();
        assertThat(decoded.aggregation()).contains(aggregation);
        assertThat(decoded.outputTypes()).isEqualTo(request.outputTypes());
        assertThat(decoded.outputTypes()).containsExactly(VarcharType.createVarcharType(1), DATE, BIGINT, DecimalType.createDecimalType(38, 2), BIGINT, BIGINT, DATE, DecimalType.createDecimalType(12, 2));
    }

    @Test
    void testAggregatesOfExpressionsRoundTrip()
    {
        DecimalType price = DecimalType.createDecimalType(15, 2);
        List<ScanColumn> columns = List.of(
                new ScanColumn(1, "flag", VarcharType.createVarcharType(1)),
                new ScanColumn(2, "price", price),
                new ScanColumn(3, "discount", price),
                new ScanColumn(4, "quantity", BIGINT));
        // price * (1 - discount) * (1 + CAST(quantity AS decimal(19, 0))), with a long-decimal literal too
        ScanExpression discounted = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY,
                new ScanExpression.Column(1, price),
                new ScanExpression.Arithmetic(ScanExpression.Operator.SUBTRACT, new ScanExpression.Literal(1L, DecimalType.createDecimalType(1, 0)), new ScanExpression.Column(2, price), DecimalType.createDecimalType(16, 2)),
                DecimalType.createDecimalType(31, 4));
        ScanExpression charged = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, discounted,
                new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, new ScanExpression.Literal(io.trino.spi.type.Int128.valueOf(-5, 7), DecimalType.createDecimalType(38, 0)),
                        new ScanExpression.Cast(new ScanExpression.Column(3, BIGINT), DecimalType.createDecimalType(19, 0)), DecimalType.createDecimalType(38, 0)),
                DecimalType.createDecimalType(38, 4));
        ScanExpression doubled = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, new ScanExpression.Column(3, BIGINT), new ScanExpression.Literal(2L, BIGINT), BIGINT);
        PartialAggregation aggregation = new PartialAggregation(List.of(0), List.of(
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.empty(), Optional.of(discounted), DecimalType.createDecimalType(38, 4)),
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.empty(), Optional.of(charged), DecimalType.createDecimalType(38, 4)),
                new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT, OptionalInt.empty(), Optional.of(doubled), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.MAX, OptionalInt.empty(), Optional.of(doubled), BIGINT),
                new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.of(1), DecimalType.createDecimalType(38, 2))));
        ScanTask task = new ScanTask("file:/tmp/a.parquet", FileFormat.PARQUET, 0, 100, 100, 10);
        ScanRequest request = new ScanRequest(List.of(task), columns, TupleDomain.all(), Optional.of(aggregation));
        ScanRequest decoded = RemoteScanCodec.decode(RemoteScanCodec.encode(new RemoteScan(request, Map.of(), 0))).request();
        assertThat(decoded.aggregation()).contains(aggregation);

        // an expression reading a column that is not there, or computing what the workers cannot, is refused
        ScanExpression outside = new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, new ScanExpression.Column(7, BIGINT), new ScanExpression.Literal(2L, BIGINT), BIGINT);
        PartialAggregation bad = new PartialAggregation(List.of(), List.of(new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.empty(), Optional.of(outside), BIGINT)));
        byte[] encoded = RemoteScanCodec.encode(new RemoteScan(new ScanRequest(List.of(task), columns, TupleDomain.all(), Optional.of(bad)), Map.of(), 0));
        assertThatThrownBy(() -> RemoteScanCodec.decode(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregation channel 7 of 4 columns");
        PartialAggregation sumAsDecimal = new PartialAggregation(List.of(), List.of(new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.empty(), Optional.of(doubled), DecimalType.createDecimalType(38, 2))));
        byte[] unsupported = RemoteScanCodec.encode(new RemoteScan(new ScanRequest(List.of(task), columns, TupleDomain.all(), Optional.of(sumAsDecimal)), Map.of(), 0));
        assertThatThrownBy(() -> RemoteScanCodec.decode(unsupported))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not compute SUM of bigint as decimal(38,2)");
    }

    @Test
    void testAggregationTheWorkersCannotRunIsRefused()
    {
        List<ScanColumn> columns = List.of(new ScanColumn(1, "name", VARCHAR));
        ScanTask task = new ScanTask("file:/tmp/a.parquet", FileFormat.PARQUET, 0, 100, 100, 10);
        // a sum of strings, as a foreign or broken caller might send it
        PartialAggregation sumOfStrings = new PartialAggregation(List.of(), List.of(new PartialAggregation.Aggregate(PartialAggregation.Function.SUM, OptionalInt.of(0), BIGINT)));
        byte[] encoded = RemoteScanCodec.encode(new RemoteScan(new ScanRequest(List.of(task), columns, TupleDomain.all(), Optional.of(sumOfStrings)), Map.of(), 0));
        assertThatThrownBy(() -> RemoteScanCodec.decode(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not compute SUM of varchar as bigint");
        PartialAggregation outOfRange = new PartialAggregation(List.of(4), List.of(new PartialAggregation.Aggregate(PartialAggregation.Function.COUNT_ALL, OptionalInt.empty(), BIGINT)));
        byte[] badChannel = RemoteScanCodec.encode(new RemoteScan(new ScanRequest(List.of(task), columns, TupleDomain.all(), Optional.of(outOfRange)), Map.of(), 0));
        assertThatThrownBy(() -> RemoteScanCodec.decode(badChannel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregation channel 4 of 1 columns");
    }

    @Test
    void testForeignOrTruncatedBytesAreRefused()
    {
        byte[] encoded = RemoteScanCodec.encode(new RemoteScan(new ScanRequest(List.of(), List.of(new ScanColumn(1, "id", BIGINT)), TupleDomain.all()), Map.of(), 0));
        assertThatThrownBy(() -> RemoteScanCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        byte[] otherVersion = encoded.clone();
        otherVersion[5] = 9;
        assertThatThrownBy(() -> RemoteScanCodec.decode(otherVersion))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> RemoteScanCodec.decode("SELECT 1".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Basin scan task");
    }
}
