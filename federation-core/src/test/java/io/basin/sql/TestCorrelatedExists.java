package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correlated EXISTS and NOT EXISTS, which Basin plans as semi and anti joins whose condition is
 * the sub-query's correlated conjuncts (TPC-H q21's shape), checked against PostgreSQL: equality
 * and non-equality correlations, NULLs on either side, several sub-queries in one WHERE, and the
 * shapes that stay with the general decorrelator (EXISTS under OR, aggregates, nested correlation).
 */
class TestCorrelatedExists
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE orders_t (o_key integer, o_status varchar(1))");
        executeInBoth("CREATE TABLE items (i_order integer, i_supp integer, i_commit date, i_receipt date)");
        StringJoiner orders = new StringJoiner(", ", "INSERT INTO orders_t VALUES ", "");
        StringJoiner items = new StringJoiner(", ", "INSERT INTO items VALUES ", "");
        for (int order = 0; order < 300; order++) {
            orders.add("(" + (order % 41 == 0 ? "NULL" : order) + ", '" + (order % 3 == 0 ? "F" : "O") + "')");
            for (int line = 0; line < order % 5; line++) {
                String supp = (order + line) % 23 == 0 ? "NULL" : String.valueOf((order * 7 + line * (order % 2 == 0 ? 0 : 3)) % 11);
                String key = (order + line) % 37 == 0 ? "NULL" : String.valueOf(order);
                items.add("(%s, %s, DATE '2024-01-%02d', DATE '2024-01-%02d')".formatted(key, supp, 1 + (order + line) % 20, 1 + (order * line) % 25));
            }
        }
        executeInBoth(orders.toString());
        executeInBoth(items.toString());
    }

    @Test
    void testExistsAndNotExistsTogether()
    {
        // TPC-H q21's pattern: another supplier on the order, and no other supplier late
        assertQuery("""
                SELECT l1.i_supp, count(*)
                FROM items l1 JOIN orders_t o ON o.o_key = l1.i_order
                WHERE o.o_status = 'F' AND l1.i_receipt > l1.i_commit
                  AND EXISTS (SELECT * FROM items l2 WHERE l2.i_order = l1.i_order AND l2.i_supp <> l1.i_supp)
                  AND NOT EXISTS (SELECT * FROM items l3 WHERE l3.i_order = l1.i_order AND l3.i_supp <> l1.i_supp AND l3.i_receipt > l3.i_commit)
                GROUP BY l1.i_supp""");
        String plan = explain("""
                SELECT count(*) FROM items l1
                WHERE EXISTS (SELECT * FROM items l2 WHERE l2.i_order = l1.i_order AND l2.i_supp <> l1.i_supp)
                  AND NOT EXISTS (SELECT * FROM items l3 WHERE l3.i_order = l1.i_order AND l3.i_supp <> l1.i_supp AND l3.i_receipt > l3.i_commit)""");
        assertThat(plan).contains("Join[SEMI").contains("Join[ANTI").doesNotContain("Aggregate[keys=[0, 1]");
    }

    @Test
    void testCorrelationShapes()
    {
        assertQuery("SELECT * FROM orders_t o WHERE EXISTS (SELECT 1 FROM items i WHERE i.i_order = o.o_key)");
        assertQuery("SELECT * FROM orders_t o WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.i_order = o.o_key)");
        // only a non-equality correlation: no hash key at all
        assertQuery("SELECT * FROM orders_t o WHERE EXISTS (SELECT 1 FROM items i WHERE i.i_supp > o.o_key) AND o.o_key < 20");
        assertQuery("SELECT * FROM orders_t o WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.i_supp > o.o_key)");
        // correlation through expressions, and uncorrelated conjuncts in the sub-query
        assertQuery("SELECT * FROM orders_t o WHERE EXISTS (SELECT i_supp + 1 AS s FROM items i WHERE i.i_order + 1 = o.o_key + 1 AND i.i_supp BETWEEN 2 AND 5 AND o.o_status = 'F')");
        assertQuery("SELECT * FROM orders_t o WHERE NOT EXISTS (SELECT 1 FROM items i WHERE coalesce(i.i_order, -1) = coalesce(o.o_key, -1) AND i.i_commit < DATE '2024-01-10')");
        // an outer column that is null where the sub-query must be empty, next to the anti join
        assertQuery("SELECT * FROM orders_t o WHERE o.o_key IS NULL AND NOT EXISTS (SELECT 1 FROM items i WHERE i.i_order = o.o_key)");
    }

    @Test
    void testShapesLeftToTheDecorrelator()
    {
        assertQuery("SELECT * FROM orders_t o WHERE o.o_status = 'O' OR EXISTS (SELECT 1 FROM items i WHERE i.i_order = o.o_key)");
        assertQuery("SELECT * FROM orders_t o WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.i_order = o.o_key) IS TRUE");
        assertQuery("SELECT * FROM orders_t o WHERE EXISTS (SELECT i_order FROM items i WHERE i.i_order = o.o_key GROUP BY i_order HAVING count(*) > 2)");
        assertQuery("SELECT o_key, EXISTS (SELECT 1 FROM items i WHERE i.i_order = o.o_key) FROM orders_t o");
        // a sub-query inside the sub-query, correlated to the outermost query
        assertQuery("""
                SELECT * FROM orders_t o WHERE EXISTS (
                    SELECT 1 FROM items i WHERE i.i_order = o.o_key
                      AND NOT EXISTS (SELECT 1 FROM items j WHERE j.i_order = i.i_order AND j.i_supp <> i.i_supp))""");
        assertQuery("""
                SELECT * FROM orders_t o WHERE EXISTS (
                    SELECT 1 FROM items i WHERE i.i_order = o.o_key
                      AND EXISTS (SELECT 1 FROM items j WHERE j.i_order = o.o_key AND j.i_supp <> i.i_supp))""");
    }
}
