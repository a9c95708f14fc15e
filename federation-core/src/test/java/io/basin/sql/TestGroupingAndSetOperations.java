package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/** GROUP BY (ROLLUP, CUBE, GROUPING SETS, grouping()), DISTINCT, HAVING and UNION/INTERSECT/EXCEPT. */
class TestGroupingAndSetOperations
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE sales (id integer, region varchar(10), product varchar(10), year integer, amount decimal(10,2))");
        executeInBoth("""
                INSERT INTO sales VALUES
                    (1, 'east', 'apple', 2023, 10.00),
                    (2, 'east', 'apple', 2024, 12.50),
                    (3, 'east', 'pear', 2023, 7.25),
                    (4, 'west', 'apple', 2023, 3.00),
                    (5, 'west', 'pear', 2024, 8.00),
                    (6, 'west', 'pear', 2024, 8.00),
                    (7, NULL, 'apple', 2024, 1.00),
                    (8, 'north', NULL, NULL, NULL)""");
        executeInBoth("CREATE TABLE a (x integer, y varchar(5))");
        executeInBoth("INSERT INTO a VALUES (1, 'p'), (1, 'p'), (2, 'q'), (3, NULL), (3, NULL), (4, 'r'), (NULL, NULL)");
        executeInBoth("CREATE TABLE b (x integer, y varchar(5))");
        executeInBoth("INSERT INTO b VALUES (1, 'p'), (3, NULL), (3, NULL), (3, NULL), (5, 's'), (NULL, NULL)");
    }

    @Test
    void testGroupByAndHaving()
    {
        assertQuery("SELECT region, count(*), sum(amount), avg(amount) FROM sales GROUP BY region");
        assertQuery("SELECT region, product, sum(amount) FROM sales GROUP BY region, product");
        assertQuery("SELECT region, sum(amount) FROM sales GROUP BY region HAVING sum(amount) > 10");
        assertQuery("SELECT region, count(*) FROM sales GROUP BY region HAVING count(DISTINCT product) = 2");
        assertQuery("SELECT year, count(*) FROM sales GROUP BY 1");
        assertQuery("SELECT upper(region) AS r, count(*) FROM sales GROUP BY upper(region)");
        assertQuery("SELECT sum(amount) FILTER (WHERE year = 2023), count(*) FILTER (WHERE product = 'pear') FROM sales");
    }

    @Test
    void testDistinct()
    {
        assertQuery("SELECT DISTINCT region FROM sales");
        assertQuery("SELECT DISTINCT region, product FROM sales");
        assertQuery("SELECT DISTINCT amount FROM sales");
        assertQuery("SELECT count(DISTINCT region), count(DISTINCT product), count(DISTINCT amount), count(*) FROM sales");
        assertQuery("SELECT region, count(DISTINCT product), sum(DISTINCT amount), count(amount) FROM sales GROUP BY region");
    }

    @Test
    void testRollup()
    {
        assertQuery("SELECT region, product, sum(amount), count(*) FROM sales GROUP BY ROLLUP (region, product)");
        assertQuery("SELECT region, product, grouping(region), grouping(product), grouping(region, product), sum(amount) FROM sales GROUP BY ROLLUP (region, product)");
        assertQuery("SELECT year, grouping(year), sum(amount) FROM sales GROUP BY ROLLUP (year) ORDER BY grouping(year), year NULLS FIRST");
    }

    @Test
    void testCube()
    {
        assertQuery("SELECT region, year, sum(amount), count(*) FROM sales GROUP BY CUBE (region, year)");
        assertQuery("SELECT region, year, grouping(region, year) FROM sales GROUP BY CUBE (region, year)");
    }

    @Test
    void testGroupingSets()
    {
        assertQuery("SELECT region, product, sum(amount) FROM sales GROUP BY GROUPING SETS ((region), (product), ())");
        assertQuery("SELECT region, product, year, count(*), grouping(region, product, year) FROM sales GROUP BY GROUPING SETS ((region, product), (year), (region, year))");
        // a NULL group key and a rolled-up NULL are told apart by grouping()
        assertQuery("SELECT region, grouping(region), count(*) FROM sales GROUP BY GROUPING SETS ((region), ())");
        assertQuery("SELECT region, sum(amount) FROM sales GROUP BY GROUPING SETS ((region), ()) HAVING sum(amount) > 20");
    }

    @Test
    void testUnion()
    {
        assertQuery("SELECT x, y FROM a UNION SELECT x, y FROM b");
        assertQuery("SELECT x, y FROM a UNION ALL SELECT x, y FROM b");
        assertQuery("SELECT x FROM a UNION SELECT x FROM b ORDER BY x NULLS FIRST");
        assertQuery("SELECT x FROM a UNION ALL SELECT x FROM b ORDER BY 1 DESC LIMIT 4");
        assertQuery("SELECT 1 AS v UNION SELECT 2 UNION ALL SELECT 1");
        assertQuery("SELECT x, 1.5 FROM a UNION ALL SELECT 7, 2");
    }

    @Test
    void testIntersect()
    {
        // set operations treat NULLs as equal
        assertQuery("SELECT x, y FROM a INTERSECT SELECT x, y FROM b");
        assertQuery("SELECT x, y FROM a INTERSECT ALL SELECT x, y FROM b");
        assertQuery("SELECT x FROM a INTERSECT SELECT x FROM b");
    }

    @Test
    void testExcept()
    {
        assertQuery("SELECT x, y FROM a EXCEPT SELECT x, y FROM b");
        assertQuery("SELECT x, y FROM a EXCEPT ALL SELECT x, y FROM b");
        assertQuery("SELECT x, y FROM b EXCEPT ALL SELECT x, y FROM a");
        assertQuery("SELECT x FROM b EXCEPT SELECT x FROM a");
    }

    @Test
    void testSetOperationPrecedence()
    {
        // INTERSECT binds tighter than UNION and EXCEPT
        assertQuery("SELECT x FROM a UNION SELECT x FROM b INTERSECT SELECT 5");
        assertQuery("SELECT x FROM a EXCEPT SELECT x FROM b UNION SELECT 42");
        assertQuery("(SELECT x FROM a UNION SELECT x FROM b) INTERSECT SELECT 5");
    }
}
