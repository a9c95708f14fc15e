package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/** Ranking, offset and aggregate window functions, with partitions, peers and ROWS frames. */
class TestWindowFunctions
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE emp (id integer, name varchar(10), dept varchar(5), salary integer, bonus decimal(8,2))");
        executeInBoth("""
                INSERT INTO emp VALUES
                    (1, 'ann', 'eng', 100, 10.00),
                    (2, 'bob', 'eng', 120, NULL),
                    (3, 'cat', 'eng', 120, 5.50),
                    (4, 'dan', 'ops', 90, 1.00),
                    (5, 'eve', 'ops', 95, 2.00),
                    (6, 'fay', 'ops', 90, NULL),
                    (7, 'gus', 'hr', 80, 3.25),
                    (8, 'hal', NULL, 70, 4.00)""");
    }

    @Test
    void testRanking()
    {
        assertQuery("SELECT id, row_number() OVER (ORDER BY id) FROM emp");
        assertQuery("SELECT id, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) FROM emp");
        // ties: rank leaves gaps, dense_rank does not
        assertQuery("SELECT id, rank() OVER (ORDER BY salary DESC), dense_rank() OVER (ORDER BY salary DESC) FROM emp");
        assertQuery("SELECT id, rank() OVER (PARTITION BY dept ORDER BY salary), dense_rank() OVER (PARTITION BY dept ORDER BY salary) FROM emp");
        assertQuery("SELECT id, percent_rank() OVER (ORDER BY salary), cume_dist() OVER (ORDER BY salary), ntile(3) OVER (ORDER BY id) FROM emp");
        assertQuery("SELECT * FROM (SELECT id, dept, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) AS rn FROM emp) t WHERE rn = 1");
    }

    @Test
    void testLagAndLead()
    {
        assertQuery("SELECT id, lag(salary) OVER (ORDER BY id), lead(salary) OVER (ORDER BY id) FROM emp");
        assertQuery("SELECT id, lag(salary, 2) OVER (ORDER BY id), lead(salary, 1, -1) OVER (ORDER BY id), lag(name, 1, 'none') OVER (PARTITION BY dept ORDER BY id) FROM emp");
        assertQuery("SELECT id, salary - lag(salary) OVER (PARTITION BY dept ORDER BY id) FROM emp");
        assertQuery("SELECT id, first_value(name) OVER (PARTITION BY dept ORDER BY id), last_value(name) OVER (PARTITION BY dept ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM emp");
    }

    @Test
    void testAggregateWindows()
    {
        assertQuery("SELECT id, sum(salary) OVER (), count(*) OVER (), avg(salary) OVER () FROM emp");
        assertQuery("SELECT id, sum(salary) OVER (PARTITION BY dept), max(salary) OVER (PARTITION BY dept), count(bonus) OVER (PARTITION BY dept) FROM emp");
        assertQuery("SELECT id, sum(bonus) OVER (PARTITION BY dept), min(bonus) OVER (PARTITION BY dept) FROM emp");
    }

    @Test
    void testRunningTotals()
    {
        assertQuery("SELECT id, sum(salary) OVER (ORDER BY id) FROM emp");
        assertQuery("SELECT id, sum(salary) OVER (PARTITION BY dept ORDER BY id), count(*) OVER (PARTITION BY dept ORDER BY id) FROM emp");
        // the default frame is RANGE: rows with equal ORDER BY values (peers) are summed together
        assertQuery("SELECT id, sum(salary) OVER (ORDER BY salary), count(*) OVER (ORDER BY salary) FROM emp");
        assertQuery("SELECT id, sum(bonus) OVER (ORDER BY id) FROM emp");
    }

    @Test
    void testRowsFrames()
    {
        assertQuery("SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM emp");
        assertQuery("SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM emp");
        assertQuery("SELECT id, avg(salary) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM emp");
        assertQuery("SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM emp");
        assertQuery("SELECT id, max(salary) OVER (PARTITION BY dept ORDER BY id ROWS UNBOUNDED PRECEDING) FROM emp");
        assertQuery("SELECT id, count(bonus) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) FROM emp");
    }

    @Test
    void testWindowWithGroupByAndOrderBy()
    {
        assertQuery("SELECT dept, sum(salary), rank() OVER (ORDER BY sum(salary) DESC) FROM emp GROUP BY dept");
        // the alias is not "running": Calcite reserves that word (MATCH_RECOGNIZE), PostgreSQL does not
        assertQuery("SELECT id, salary, sum(salary) OVER (ORDER BY id) AS running_total FROM emp ORDER BY running_total DESC, id");
        assertQuery("SELECT id, 100.0 * salary / sum(salary) OVER (PARTITION BY dept) FROM emp");
    }
}
