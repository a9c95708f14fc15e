package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import io.basin.testing.ExplainAnalyzeOutput;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subplan the query reads in several places (a CTE referenced twice, a repeated subquery) runs
 * once: answers against PostgreSQL, and EXPLAIN and EXPLAIN ANALYZE show what was shared.
 */
class TestSharedSubplans
        extends BasePostgresOracleTest
{
    private static final String REVENUE = """
            WITH revenue AS (SELECT supplier, sum(amount * (1 - discount)) AS total FROM sales WHERE day >= DATE '2024-01-01' AND day < DATE '2024-04-01' GROUP BY supplier)
            """;

    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE supplier (id integer, name varchar(10), region integer)");
        executeInBoth("INSERT INTO supplier VALUES (1, 'acme', 1), (2, 'bolt', 1), (3, 'crux', 2), (4, 'dyne', NULL), (5, 'idle', 2)");
        executeInBoth("CREATE TABLE sales (supplier integer, day date, amount decimal(12,2), discount decimal(4,2))");
        executeInBoth("""
                INSERT INTO sales VALUES
                    (1, DATE '2024-01-05', 100.00, 0.10), (1, DATE '2024-02-11', 250.50, 0.00), (2, DATE '2024-01-20', 300.00, 0.05),
                    (2, DATE '2024-03-31', 75.25, 0.20), (3, DATE '2024-02-29', 350.75, 0.00), (3, DATE '2024-05-01', 999.99, 0.00),
                    (4, DATE '2024-03-01', 125.00, 0.50), (NULL, DATE '2024-01-01', 40.00, 0.00), (2, NULL, 10.00, 0.00)""");
    }

    @Test
    void testCteReadTwiceRunsOnce()
    {
        // TPC-H Q15's shape: the CTE joined with its own maximum
        String query = REVENUE + "SELECT s.id, s.name, r.total FROM supplier s JOIN revenue r ON s.id = r.supplier WHERE r.total = (SELECT max(total) FROM revenue) ORDER BY s.id";
        assertQuery(query);
        String plan = explain(query);
        assertThat(count(plan, "Shared\\[#1")).isEqualTo(2);
        assertThat(count(plan, "\\(shown above\\)")).isEqualTo(1);
        // the shared subplan appears once in full: one scan of sales
        assertThat(count(plan, "TableScan\\[\\S*\\.sales,")).isEqualTo(1);

        String analyzed = ExplainAnalyzeOutput.run(session(), query).text();
        assertThat(count(analyzed, "TableScan\\[\\S*\\.sales,")).isEqualTo(1);
        // the revenue view's groups, as PostgreSQL counts them, buffered once
        long groups = ((Number) assertions().queryPostgres(REVENUE + "SELECT count(*) FROM revenue").getFirst().getFirst()).longValue();
        assertThat(groups).isGreaterThan(1);
        assertThat(analyzed).containsPattern("Shared\\[#1[^\\n]*\\n\\s+rows=" + groups + ",");
    }

    @Test
    void testSharedShapes()
    {
        // a self-join of an aggregate, both sides one subplan
        assertQuery(REVENUE + "SELECT a.supplier, b.supplier FROM revenue a JOIN revenue b ON a.total < b.total ORDER BY 1, 2");
        // UNION ALL of the same aggregate, and an outer join of it with its other half
        assertQuery(REVENUE + "SELECT * FROM revenue UNION ALL SELECT * FROM revenue ORDER BY 1, 2");
        assertQuery(REVENUE + "SELECT a.supplier, b.total FROM revenue a LEFT JOIN revenue b ON a.supplier = b.supplier + 1 ORDER BY 1");
        // the same subquery written twice, not as a CTE
        assertQuery("""
                SELECT s.name FROM supplier s
                WHERE s.id IN (SELECT supplier FROM sales GROUP BY supplier HAVING sum(amount) > 200)
                   OR s.region IN (SELECT supplier FROM sales GROUP BY supplier HAVING sum(amount) > 200)
                ORDER BY 1""");
        // a shared join, read by a scalar subquery and by the outer query
        assertQuery("""
                WITH regional AS (SELECT s.region, x.amount FROM supplier s JOIN sales x ON s.id = x.supplier)
                SELECT region, sum(amount), (SELECT count(*) FROM regional) FROM regional GROUP BY region ORDER BY 1""");
        // nothing qualifies: an empty shared result read twice
        assertQuery(REVENUE.replace("2024-04-01", "2023-01-01") + "SELECT count(*), (SELECT max(total) FROM revenue) FROM revenue");
        // NULL keys come through the buffer like any other
        assertQuery("WITH g AS (SELECT region, count(*) AS n FROM supplier GROUP BY region) SELECT a.region, a.n, b.n FROM g a LEFT JOIN g b ON a.region = b.region ORDER BY 1 NULLS FIRST");
    }

    @Test
    void testNotShared()
    {
        // rand() (random()) draws its own values in each place, as when written twice
        String random = "WITH r AS (SELECT supplier, sum(amount * rand()) AS total FROM sales GROUP BY supplier) SELECT count(*) FROM r a JOIN r b ON a.supplier = b.supplier AND a.total < b.total";
        assertThat(explain(random)).doesNotContain("Shared[");
        // a repeated scan with no aggregation or join is cheaper to read again than to hold
        assertThat(explain("SELECT count(*) FROM sales a, sales b")).doesNotContain("Shared[");
        // and the setting turns sharing off
        String query = REVENUE + "SELECT max(total), min(total) FROM revenue a WHERE total > (SELECT avg(total) FROM revenue)";
        assertThat(explain(query)).contains("Shared[#1");
        session().execute("SET shared_subplans = off");
        try {
            assertThat(explain(query)).doesNotContain("Shared[");
            assertQuery(query);
        }
        finally {
            session().execute("SET shared_subplans = on");
        }
        assertQuery(query);
    }

    private static int count(String text, String regex)
    {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
