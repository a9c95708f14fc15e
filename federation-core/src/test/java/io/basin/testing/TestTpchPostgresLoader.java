package io.basin.testing;

import io.trino.tpch.LineItem;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestTpchPostgresLoader
{
    @Test
    void testSchemaNames()
    {
        assertThat(TpchPostgresLoader.schemaName(0.01)).isEqualTo("tiny");
        assertThat(TpchPostgresLoader.schemaName(0.1)).isEqualTo("sf0_1");
        assertThat(TpchPostgresLoader.schemaName(1)).isEqualTo("sf1");
        assertThat(TpchPostgresLoader.schemaName(100)).isEqualTo("sf100");
    }

    @Test
    void testCreateTableSql()
    {
        assertThat(TpchTables.createTableSql(TpchTable.ORDERS)).isEqualTo("""
                CREATE TABLE orders (
                    o_orderkey bigint,
                    o_custkey bigint,
                    o_orderstatus varchar(1),
                    o_totalprice decimal(12,2),
                    o_orderdate date,
                    o_orderpriority varchar(15),
                    o_clerk varchar(15),
                    o_shippriority integer,
                    o_comment varchar(79)
                )""");
    }

    @Test
    void testCents()
    {
        assertThat(cents(0)).isEqualTo("0.00");
        assertThat(cents(5)).isEqualTo("0.05");
        assertThat(cents(-5)).isEqualTo("-0.05");
        assertThat(cents(-99999)).isEqualTo("-999.99");
        assertThat(cents(2471035)).isEqualTo("24710.35");
    }

    @Test
    void testLoadedDataMatchesGenerator()
            throws SQLException
    {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.shared();
        String schema = TpchPostgresLoader.load(server, 0.01);
        assertThat(TpchPostgresLoader.load(server, 0.01)).isEqualTo(schema);

        try (QueryAssertions postgres = new QueryAssertions(server, schema)) {
            for (TpchTable<?> table : TpchTable.getTables()) {
                long generated = 0;
                for (Object _ : table.createGenerator(0.01, 1, 1)) {
                    generated++;
                }
                assertThat(postgres.queryPostgres("SELECT count(*) FROM " + table.getTableName()))
                        .as(table.getTableName())
                        .containsExactly(List.of(generated));
            }

            long quantity = 0;
            long extendedPriceCents = 0;
            int maxShipDate = Integer.MIN_VALUE;
            for (LineItem item : TpchTable.LINE_ITEM.createGenerator(0.01, 1, 1)) {
                quantity += item.quantity();
                extendedPriceCents += item.extendedPriceInCents();
                maxShipDate = Math.max(maxShipDate, item.shipDate());
            }
            List<Object> row = postgres.queryPostgres("SELECT sum(l_quantity), sum(l_extendedprice), max(l_shipdate) FROM lineitem").getFirst();
            assertThat((BigDecimal) row.get(0)).isEqualByComparingTo(BigDecimal.valueOf(quantity));
            assertThat((BigDecimal) row.get(1)).isEqualByComparingTo(BigDecimal.valueOf(extendedPriceCents, 2));
            assertThat(row.get(2)).isEqualTo(LocalDate.ofEpochDay(maxShipDate));

            assertThat(postgres.queryPostgres("""
                    SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
                    FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'lineitem' AND column_name IN ('l_orderkey', 'l_linenumber', 'l_discount', 'l_shipdate', 'l_comment')
                    ORDER BY column_name"""))
                    .containsExactly(
                            java.util.Arrays.asList("l_comment", "character varying", 44, null, null),
                            java.util.Arrays.asList("l_discount", "numeric", null, 12, 2),
                            java.util.Arrays.asList("l_linenumber", "integer", null, 32, 0),
                            java.util.Arrays.asList("l_orderkey", "bigint", null, 64, 0),
                            java.util.Arrays.asList("l_shipdate", "date", null, null, null));
        }
    }

    private static String cents(long cents)
    {
        StringBuilder buffer = new StringBuilder();
        TpchPostgresLoader.appendCents(buffer, cents);
        return buffer.toString();
    }
}
