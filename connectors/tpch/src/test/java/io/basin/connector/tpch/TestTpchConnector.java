package io.basin.connector.tpch;

import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SaveMode;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.type.DecimalType;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.transaction.IsolationLevel.READ_COMMITTED;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestTpchConnector
{
    private final Connector connector = new TpchConnectorFactory().create("tpch", Map.of(), new io.trino.spi.connector.ConnectorContext() {});
    private final ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, true, true);
    private final ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);

    @ParameterizedTest
    @CsvSource({
            "nation, 25",
            "region, 5",
            "supplier, 100",
            "customer, 1500",
            "part, 2000",
            "partsupp, 8000",
            "orders, 15000",
            "lineitem, 60175"})
    void tinyRowCounts(String table, long expectedRows)
    {
        assertThat(rowCount(scan("tiny", table, List.of()))).isEqualTo(expectedRows);
    }

    @Test
    void splitsAreDisjointAndCoverTheTable()
    {
        Connector smallSplits = new TpchConnectorFactory().create("tpch", Map.of(TpchConfig.ROWS_PER_SPLIT, "1000"), new io.trino.spi.connector.ConnectorContext() {});
        ConnectorTransactionHandle transaction = smallSplits.beginTransaction(READ_COMMITTED, true, true);
        ConnectorMetadata metadata = smallSplits.getMetadata(SESSION, transaction);
        ConnectorTableHandle orders = metadata.getTableHandle(SESSION, new SchemaTableName("tiny", "orders"), Optional.empty(), Optional.empty());
        List<ConnectorSplit> splits = splits(smallSplits, transaction, orders);
        assertThat(splits).hasSize(15);

        ColumnHandle orderKey = metadata.getColumnHandles(SESSION, orders).get("o_orderkey");
        long sum = 0;
        long rows = 0;
        for (ConnectorSplit split : splits) {
            for (Page page : read(smallSplits, transaction, split, orders, List.of(orderKey))) {
                rows += page.getPositionCount();
                for (int position = 0; position < page.getPositionCount(); position++) {
                    sum += BIGINT.getLong(page.getBlock(0), position);
                }
            }
        }
        long expectedSum = 0;
        for (Order order : new OrderGenerator(0.01, 1, 1)) {
            expectedSum += order.orderKey();
        }
        assertThat(rows).isEqualTo(15000);
        assertThat(sum).isEqualTo(expectedSum);
    }

    @Test
    void columnTypesFollowTheSpecification()
    {
        ConnectorTableMetadata lineitem = metadata.getTableMetadata(SESSION, handle("sf1", "lineitem"));
        assertThat(lineitem.getColumns()).extracting(ColumnMetadata::getName).containsExactly(
                "l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity", "l_extendedprice", "l_discount", "l_tax",
                "l_returnflag", "l_linestatus", "l_shipdate", "l_commitdate", "l_receiptdate", "l_shipinstruct", "l_shipmode", "l_comment");
        DecimalType money = createDecimalType(12, 2);
        assertThat(lineitem.getColumns()).extracting(ColumnMetadata::getType).containsExactly(
                BIGINT, BIGINT, BIGINT, INTEGER, money, money, money, money,
                createVarcharType(1), createVarcharType(1), DATE, DATE, DATE, createVarcharType(25), createVarcharType(10), createVarcharType(44));

        ConnectorTableMetadata orders = metadata.getTableMetadata(SESSION, handle("tiny", "orders"));
        assertThat(orders.getColumns()).extracting(ColumnMetadata::getType).containsExactly(
                BIGINT, BIGINT, createVarcharType(1), money, DATE, createVarcharType(15), createVarcharType(15), INTEGER, createVarcharType(79));
        ConnectorTableMetadata partsupp = metadata.getTableMetadata(SESSION, handle("tiny", "partsupp"));
        assertThat(partsupp.getColumns()).extracting(ColumnMetadata::getType).containsExactly(
                BIGINT, BIGINT, INTEGER, money, createVarcharType(199));
    }

    @Test
    void nationValuesMatchTheGenerator()
    {
        ConnectorTableHandle nation = handle("tiny", "nation");
        Map<String, ColumnHandle> columns = metadata.getColumnHandles(SESSION, nation);
        // Request columns out of table order to check the projection.
        List<Page> pages = scan("tiny", "nation", List.of(columns.get("n_name"), columns.get("n_nationkey"), columns.get("n_comment")));
        List<Nation> expected = new ArrayList<>();
        new NationGenerator().forEach(expected::add);

        int row = 0;
        for (Page page : pages) {
            assertThat(page.getChannelCount()).isEqualTo(3);
            for (int position = 0; position < page.getPositionCount(); position++) {
                Nation nationRow = expected.get(row++);
                assertThat(createVarcharType(25).getSlice(page.getBlock(0), position).toStringUtf8()).isEqualTo(nationRow.name());
                assertThat(BIGINT.getLong(page.getBlock(1), position)).isEqualTo(nationRow.nationKey());
                assertThat(createVarcharType(152).getSlice(page.getBlock(2), position).toStringUtf8()).isEqualTo(nationRow.comment());
            }
        }
        assertThat(row).isEqualTo(25);
        assertThat(expected.getFirst().name()).isEqualTo("ALGERIA");
    }

    @Test
    void lineItemValuesMatchTheGenerator()
    {
        ConnectorTableHandle lineitem = handle("tiny", "lineitem");
        Map<String, ColumnHandle> columns = metadata.getColumnHandles(SESSION, lineitem);
        List<Page> pages = scan("tiny", "lineitem", List.of(
                columns.get("l_quantity"),
                columns.get("l_extendedprice"),
                columns.get("l_discount"),
                columns.get("l_shipdate"),
                columns.get("l_returnflag")));

        Iterator<LineItem> expected = new LineItemGenerator(0.01, 1, 1).iterator();
        long quantityCents = 0;
        long expectedQuantity = 0;
        for (Page page : pages) {
            Block quantity = page.getBlock(0);
            for (int position = 0; position < page.getPositionCount(); position++) {
                LineItem item = expected.next();
                quantityCents += createDecimalType(12, 2).getLong(quantity, position);
                expectedQuantity += item.quantity();
                assertThat(createDecimalType(12, 2).getLong(page.getBlock(1), position)).isEqualTo(item.extendedPriceInCents());
                assertThat(createDecimalType(12, 2).getLong(page.getBlock(2), position)).isEqualTo(Math.round(item.discount() * 100));
                assertThat(DATE.getInt(page.getBlock(3), position)).isEqualTo(item.shipDate());
                assertThat(createVarcharType(1).getSlice(page.getBlock(4), position).toStringUtf8()).isEqualTo(item.returnFlag());
            }
        }
        assertThat(expected.hasNext()).isFalse();
        assertThat(quantityCents).isEqualTo(expectedQuantity * 100);
    }

    /** TPC-H Q1 and Q6 computed over the scanned pages, against the answers the generator ships. */
    @Test
    void queryAnswersMatchTheSpecification()
    {
        ConnectorTableHandle lineitem = handle("tiny", "lineitem");
        Map<String, ColumnHandle> columns = metadata.getColumnHandles(SESSION, lineitem);
        List<Page> pages = scan("tiny", "lineitem", List.of(
                columns.get("l_returnflag"),
                columns.get("l_linestatus"),
                columns.get("l_quantity"),
                columns.get("l_extendedprice"),
                columns.get("l_discount"),
                columns.get("l_shipdate")));
        DecimalType money = createDecimalType(12, 2);
        int q1ShipDateLimit = (int) LocalDate.of(1998, 9, 2).toEpochDay();
        int q6From = (int) LocalDate.of(1994, 1, 1).toEpochDay();
        int q6To = (int) LocalDate.of(1995, 1, 1).toEpochDay();
        Map<String, long[]> q1 = new java.util.TreeMap<>();
        long q6Revenue = 0;
        for (Page page : pages) {
            for (int position = 0; position < page.getPositionCount(); position++) {
                long quantity = money.getLong(page.getBlock(2), position);
                long price = money.getLong(page.getBlock(3), position);
                long discount = money.getLong(page.getBlock(4), position);
                int shipDate = DATE.getInt(page.getBlock(5), position);
                if (shipDate <= q1ShipDateLimit) {
                    String group = createVarcharType(1).getSlice(page.getBlock(0), position).toStringUtf8()
                            + createVarcharType(1).getSlice(page.getBlock(1), position).toStringUtf8();
                    long[] sums = q1.computeIfAbsent(group, _ -> new long[3]);
                    sums[0] += quantity;
                    sums[1] += price;
                    sums[2]++;
                }
                if (shipDate >= q6From && shipDate < q6To && discount >= 5 && discount <= 7 && quantity < 2400) {
                    q6Revenue += price * discount;
                }
            }
        }
        // q1.result: sum_qty, sum_base_price, count_order per (l_returnflag, l_linestatus)
        assertThat(q1.keySet()).containsExactly("AF", "NF", "NO", "RF");
        assertThat(q1.get("AF")).containsExactly(380456_00, 532348211_65L, 14876);
        assertThat(q1.get("NF")).containsExactly(8971_00, 12384801_37L, 348);
        assertThat(q1.get("NO")).containsExactly(742802_00, 1041502841_45L, 29181);
        assertThat(q1.get("RF")).containsExactly(381449_00, 534594445_35L, 14902);
        // q6.result: 1193053.2253 (cents × hundredths = scale 4)
        assertThat(q6Revenue).isEqualTo(1193053_2253L);
    }

    @Test
    void shipDatesAreEpochDays()
    {
        ConnectorTableHandle lineitem = handle("tiny", "lineitem");
        ColumnHandle shipDate = metadata.getColumnHandles(SESSION, lineitem).get("l_shipdate");
        Page first = scan("tiny", "lineitem", List.of(shipDate)).getFirst();
        LocalDate date = LocalDate.ofEpochDay(DATE.getInt(first.getBlock(0), 0));
        assertThat(date).isBetween(LocalDate.of(1992, 1, 1), LocalDate.of(1998, 12, 31));
    }

    @Test
    void pagesAreAtMostEightThousandRows()
    {
        List<Page> pages = scan("tiny", "lineitem", List.of());
        assertThat(pages).allSatisfy(page -> assertThat(page.getPositionCount()).isLessThanOrEqualTo(TpchPageSource.ROWS_PER_PAGE));
        assertThat(pages.getFirst().getPositionCount()).isEqualTo(TpchPageSource.ROWS_PER_PAGE);
    }

    @Test
    void schemas()
    {
        assertThat(metadata.listSchemaNames(SESSION)).containsExactly("tiny", "sf0_1", "sf1", "sf10", "sf100");
        assertThat(metadata.schemaExists(SESSION, "sf1000")).isTrue();
        assertThat(metadata.schemaExists(SESSION, "sf0_5")).isTrue();
        assertThat(metadata.schemaExists(SESSION, "sf0")).isFalse();
        assertThat(metadata.schemaExists(SESSION, "public")).isFalse();
        assertThat(TpchSchema.parse("sf0_1").orElseThrow().scaleFactor()).isEqualTo(0.1);
        assertThat(TpchSchema.parse("sf1000").orElseThrow().scaleFactor()).isEqualTo(1000);
        assertThat(TpchSchema.parse("tiny").orElseThrow().scaleFactor()).isEqualTo(0.01);
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("public", "nation"), Optional.empty(), Optional.empty())).isNull();
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("tiny", "nope"), Optional.empty(), Optional.empty())).isNull();
        assertThat(metadata.listTables(SESSION, Optional.of("sf1000"))).hasSize(8);
        assertThat(metadata.listTables(SESSION, Optional.empty())).hasSize(40);
    }

    @Test
    void statistics()
    {
        assertThat(metadata.getTableStatistics(SESSION, handle("sf1", "orders")).getRowCount().getValue()).isEqualTo(1_500_000);
        assertThat(metadata.getTableStatistics(SESSION, handle("sf1", "partsupp")).getRowCount().getValue()).isEqualTo(800_000);
        assertThat(metadata.getTableStatistics(SESSION, handle("tiny", "nation")).getRowCount().getValue()).isEqualTo(25);
        assertThat(metadata.getTableStatistics(SESSION, handle("sf1", "lineitem")).getRowCount().getValue()).isEqualTo(6_000_000);
        assertThat(metadata.getTableStatistics(SESSION, handle("tiny", "supplier")).getRowCount().getValue()).isEqualTo(100);
    }

    @Test
    void splitCounts()
    {
        assertThat(splits(connector, transaction, handle("sf1", "lineitem"))).hasSize(60);
        assertThat(splits(connector, transaction, handle("sf1000", "lineitem"))).hasSize(256);
        assertThat(splits(connector, transaction, handle("tiny", "lineitem"))).hasSize(1);
        assertThat(splits(connector, transaction, handle("sf100", "nation"))).hasSize(1);
    }

    @Test
    void isReadOnly()
    {
        ConnectorTableMetadata table = new ConnectorTableMetadata(new SchemaTableName("tiny", "t"), List.of(new ColumnMetadata("x", BIGINT)));
        assertThatThrownBy(() -> metadata.createTable(SESSION, table, SaveMode.FAIL))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(NOT_SUPPORTED.toErrorCode()))
                .hasMessage("Cannot write to tpch catalog: it is read-only");
        assertThatThrownBy(() -> metadata.beginInsert(SESSION, handle("tiny", "nation"), List.of(), io.trino.spi.connector.RetryMode.NO_RETRIES))
                .hasMessage("Cannot write to tpch catalog: it is read-only");
        assertThatThrownBy(() -> metadata.dropTable(SESSION, handle("tiny", "nation")))
                .hasMessage("Cannot write to tpch catalog: it is read-only");
    }

    @Test
    void rejectsUnknownProperties()
    {
        assertThatThrownBy(() -> new TpchConnectorFactory().create("tpch", Map.of("tpch.splits", "4"), new io.trino.spi.connector.ConnectorContext() {}))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("tpch.splits");
    }

    private ConnectorTableHandle handle(String schema, String table)
    {
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, new SchemaTableName(schema, table), Optional.empty(), Optional.empty());
        assertThat(handle).isNotNull();
        return handle;
    }

    private List<Page> scan(String schema, String table, List<ColumnHandle> columns)
    {
        ConnectorTableHandle handle = handle(schema, table);
        List<Page> pages = new ArrayList<>();
        for (ConnectorSplit split : splits(connector, transaction, handle)) {
            pages.addAll(read(connector, transaction, split, handle, columns));
        }
        return pages;
    }

    private static List<ConnectorSplit> splits(Connector connector, ConnectorTransactionHandle transaction, ConnectorTableHandle table)
    {
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ConnectorSplitSource source = connector.getSplitManager().getSplits(transaction, SESSION, table, DynamicFilter.EMPTY, Constraint.alwaysTrue())) {
            while (!source.isFinished()) {
                splits.addAll(source.getNextBatch(1000).join().getSplits());
            }
        }
        return splits;
    }

    private static List<Page> read(Connector connector, ConnectorTransactionHandle transaction, ConnectorSplit split, ConnectorTableHandle table, List<ColumnHandle> columns)
    {
        List<Page> pages = new ArrayList<>();
        try (ConnectorPageSource source = connector.getPageSourceProvider().createPageSource(transaction, SESSION, split, table, columns, DynamicFilter.EMPTY)) {
            while (!source.isFinished()) {
                SourcePage page = source.getNextSourcePage();
                if (page != null) {
                    pages.add(page.getPage());
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static long rowCount(List<Page> pages)
    {
        return pages.stream().mapToLong(Page::getPositionCount).sum();
    }
}
