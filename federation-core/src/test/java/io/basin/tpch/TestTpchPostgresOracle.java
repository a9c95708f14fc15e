package io.basin.tpch;

import io.basin.testing.BaseTpchOracleTest;
import io.basin.testing.TpchQueries;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TPC-H Q1..Q22 at scale factor 0.1: the same data in Basin's memory catalog (copied from
 * {@code tpch.sf0_1}) and in PostgreSQL (loaded from the same generator), the same query text in
 * both, the rows compared.
 */
class TestTpchPostgresOracle
        extends BaseTpchOracleTest
{
    private static final double SCALE_FACTOR = 0.1;

    @Override
    protected double scaleFactor()
    {
        return SCALE_FACTOR;
    }

    @BeforeAll
    void setUp()
    {
        basin.copyTpchTables(schema);
    }

    @Test
    void testTablesHoldTheSameData()
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            assertions.assertQuery(basin.session(), "SELECT count(*) FROM " + name);
        }
        assertions.assertQuery(basin.session(), """
                SELECT count(*), count(DISTINCT l_orderkey), sum(l_quantity), sum(l_extendedprice), sum(l_discount), sum(l_tax),
                       min(l_shipdate), max(l_receiptdate), sum(length(l_comment)), min(l_shipmode), max(l_comment)
                FROM lineitem""");
        assertions.assertQuery(basin.session(), "SELECT * FROM orders WHERE o_orderkey % 1000 = 7");
        assertions.assertQuery(basin.session(), "SELECT * FROM customer WHERE c_custkey < 50");
        assertions.assertQuery(basin.session(), "SELECT * FROM part WHERE p_partkey < 50");
        assertions.assertQuery(basin.session(), "SELECT * FROM partsupp WHERE ps_partkey < 20");
        assertions.assertQuery(basin.session(), "SELECT * FROM supplier");
        assertions.assertQuery(basin.session(), "SELECT * FROM nation");
        assertions.assertQuery(basin.session(), "SELECT * FROM region");
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testQuery(int number)
    {
        assertions.assertQuery(basin.session(), TpchQueries.query(number));
    }
}
