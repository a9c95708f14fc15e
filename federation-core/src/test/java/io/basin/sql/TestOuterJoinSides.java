package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.StringJoiner;

/**
 * Outer joins whose outer (kept) side is much smaller than the inner side: Basin builds the hash
 * table on the outer side, emits pairs while the large side streams past and then the outer rows
 * no pair used. Checked against PostgreSQL with NULL keys, duplicates, ON conditions beyond the
 * keys, empty inputs and both LEFT and RIGHT joins (TPC-H q13's shape).
 */
class TestOuterJoinSides
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE customers (c_key integer, c_name varchar(20))");
        executeInBoth("INSERT INTO customers VALUES (1, 'one'), (2, 'two'), (2, 'two bis'), (3, 'three'), (NULL, 'nobody'), (999, 'no orders')");
        executeInBoth("CREATE TABLE orders_big (o_key integer, o_cust integer, o_comment varchar(30))");
        StringJoiner rows = new StringJoiner(", ", "INSERT INTO orders_big VALUES ", "");
        for (int i = 0; i < 3000; i++) {
            // customers 0..99 (most never in customers), some NULL customers
            String customer = i % 89 == 0 ? "NULL" : String.valueOf(i % 100);
            rows.add("(" + i + ", " + customer + ", '" + (i % 7 == 0 ? "special requests" : "plain") + "')");
        }
        executeInBoth(rows.toString());
        executeInBoth("CREATE TABLE nothing (k integer)");
    }

    @Test
    void testLeftJoinBuildsTheSmallOuterSide()
    {
        String sql = "SELECT c.c_key, c.c_name, o.o_key FROM customers c LEFT JOIN orders_big o ON c.c_key = o.o_cust";
        assertQuery(sql);
        // ON conditions beyond the key decide which pairs count as matches
        assertQuery("SELECT c.c_key, c.c_name, o.o_key FROM customers c LEFT JOIN orders_big o ON c.c_key = o.o_cust AND o.o_comment NOT LIKE '%special%' AND o.o_key > c.c_key * 500");
        // TPC-H q13
        assertQuery("""
                SELECT c_count, count(*) AS custdist
                FROM (SELECT c_key, count(o_key) AS c_count
                      FROM customers LEFT OUTER JOIN orders_big ON c_key = o_cust AND o_comment NOT LIKE '%special%requests%'
                      GROUP BY c_key) AS c_orders
                GROUP BY c_count""");
        assertQuery("SELECT c.c_key, o.o_key FROM customers c LEFT JOIN orders_big o ON c.c_key = o.o_cust WHERE o.o_key IS NULL");
    }

    @Test
    void testRightJoinBuildsTheSmallOuterSide()
    {
        assertQuery("SELECT c.c_key, c.c_name, o.o_key FROM orders_big o RIGHT JOIN customers c ON c.c_key = o.o_cust");
        assertQuery("SELECT c.c_key, count(o.o_key) FROM orders_big o RIGHT JOIN customers c ON c.c_key = o.o_cust AND o.o_key % 3 = 0 GROUP BY c.c_key");
    }

    @Test
    void testEmptySides()
    {
        assertQuery("SELECT n.k, o.o_key FROM nothing n LEFT JOIN orders_big o ON n.k = o.o_cust");
        assertQuery("SELECT c.c_key, n.k FROM customers c LEFT JOIN nothing n ON c.c_key = n.k");
        assertQuery("SELECT c.c_key, o.o_key FROM customers c LEFT JOIN (SELECT * FROM orders_big WHERE o_key < 0) o ON c.c_key = o.o_cust");
    }
}
