package io.basin.benchmarks;

import io.basin.testing.TpchQueries;
import io.basin.testing.TpchResultFile;
import io.trino.tpch.LineItem;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The benchmark's DuckDB side loads the same data as Basin's tpch catalog: checked against the
 * generator and against the TPC-H answers shipped for SF 0.01.
 */
@TestInstance(PER_CLASS)
class TestDuckDbBenchmarkEngine
{
    private DuckDbBenchmarkEngine duckDb;
    private final Map<String, Long> loadedRows = new LinkedHashMap<>();

    @BeforeAll
    void setUp()
            throws Exception
    {
        duckDb = new DuckDbBenchmarkEngine(2);
        duckDb.load(0.01, (table, rows, nanos) -> loadedRows.put(table, rows));
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        duckDb.close();
    }

    @Test
    void testLoadedData()
            throws Exception
    {
        assertThat(loadedRows.keySet()).containsExactly("customer", "orders", "lineitem", "part", "partsupp", "supplier", "nation", "region");
        for (var entry : loadedRows.entrySet()) {
            assertThat(duckDb.query("SELECT count(*) FROM " + entry.getKey()))
                    .containsExactly(List.of(entry.getValue()));
        }
        long extendedPriceCents = 0;
        long lineItems = 0;
        int minShipDate = Integer.MAX_VALUE;
        for (LineItem item : TpchTable.LINE_ITEM.createGenerator(0.01, 1, 1)) {
            extendedPriceCents += item.extendedPriceInCents();
            minShipDate = Math.min(minShipDate, item.shipDate());
            lineItems++;
        }
        assertThat(loadedRows.get("lineitem")).isEqualTo(lineItems);
        List<Object> row = duckDb.query("SELECT sum(l_extendedprice), min(l_shipdate), typeof(l_extendedprice), typeof(l_orderkey), typeof(l_linenumber), typeof(l_comment) FROM lineitem GROUP BY ALL").getFirst();
        assertThat((BigDecimal) row.get(0)).isEqualByComparingTo(BigDecimal.valueOf(extendedPriceCents, 2));
        assertThat(row.get(1)).isEqualTo(LocalDate.ofEpochDay(minShipDate));
        assertThat(row.subList(2, 6)).containsExactly("DECIMAL(12,2)", "BIGINT", "INTEGER", "VARCHAR");
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testQueryMatchesShippedAnswer(int number)
            throws Exception
    {
        String sql = TpchQueries.query(number);
        assertThat(TpchResultFile.forQuery(number).compare(duckDb.query(sql))).as("q%s", number).isEmpty();
        assertThat(duckDb.execute(sql)).isEqualTo(TpchResultFile.forQuery(number).rows().size());
    }
}
