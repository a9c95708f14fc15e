package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * Query shapes: subqueries (semi/anti joins, correlated scalar subqueries), CTEs, CASE, casts,
 * ORDER BY / LIMIT / OFFSET and VALUES lists.
 */
class TestQueryShapes
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE dept (id integer, name varchar(10), budget decimal(10,2))");
        executeInBoth("INSERT INTO dept VALUES (1, 'eng', 1000.00), (2, 'ops', 500.00), (3, 'hr', NULL), (4, 'empty', 10.00)");
        executeInBoth("CREATE TABLE emp (id integer, name varchar(10), dept_id integer, salary integer, manager_id integer, active boolean)");
        executeInBoth("""
                INSERT INTO emp VALUES
                    (1, 'ann', 1, 100, NULL, true),
                    (2, 'bob', 1, 120, 1, true),
                    (3, 'cat', 1, 120, 1, false),
                    (4, 'dan', 2, 90, 1, true),
                    (5, 'eve', 2, 95, 4, NULL),
                    (6, 'fay', 3, 80, 4, true),
                    (7, 'gus', NULL, 70, 6, false)""");
    }

    @Test
    void testSelectAliasesInWhere()
    {
        // Redshift's lateral column aliases: PostgreSQL spells out the expression
        assertQuery(
                "SELECT name AS n, salary * 2 AS double_salary FROM emp WHERE double_salary > 100 AND n LIKE '%a%'",
                "SELECT name AS n, salary * 2 AS double_salary FROM emp WHERE salary * 2 > 100 AND name LIKE '%a%'");
        assertQuery(
                "SELECT e.id AS emp_id, d.name AS dept FROM emp e JOIN dept d ON e.dept_id = d.id WHERE dept <> 'x' OR emp_id IN (SELECT id FROM emp WHERE salary > 50)",
                "SELECT e.id AS emp_id, d.name AS dept FROM emp e JOIN dept d ON e.dept_id = d.id WHERE d.name <> 'x' OR e.id IN (SELECT id FROM emp WHERE salary > 50)");
        // a column of the name wins over the alias, in Redshift as in PostgreSQL
        assertQuery("SELECT salary AS id FROM emp WHERE id > 2");
    }

    @Test
    void testAggregationsOverATableReadOnlyTheColumnsTheyUse()
    {
        assertQuery("SELECT count(*) FROM emp");
        assertQuery("SELECT count(*), count(manager_id), max(salary) FROM emp");
        assertQuery("SELECT dept_id, count(*) FROM emp GROUP BY dept_id");
        assertQuery("SELECT dept_id, active, count(DISTINCT salary), min(name) FROM emp GROUP BY GROUPING SETS ((dept_id), (active), ())");
        String plan = String.join("\n", session().execute("EXPLAIN SELECT count(*) FROM emp").rows().stream().map(row -> (String) row.getFirst()).toList());
        org.assertj.core.api.Assertions.assertThat(plan).contains("columns=[id]").doesNotContain("salary");
    }

    @Test
    void testCorrelatedExistsComputingOnBothSides()
    {
        // the correlation condition computes on both sides: the planner kept a projection rule off the semi join
        assertQuery("SELECT id FROM emp e WHERE EXISTS (SELECT 1 FROM emp e2 WHERE e2.salary % 2 = e.salary % 2 AND e2.id <> e.id)");
        assertQuery("SELECT id FROM emp e WHERE NOT EXISTS (SELECT 1 FROM emp e2 WHERE e2.id % 3 = e.id % 3 AND e2.id <> e.id)");
    }

    @Test
    void testSemiAndAntiJoins()
    {
        assertQuery("SELECT name FROM dept WHERE id IN (SELECT dept_id FROM emp)");
        assertQuery("SELECT name FROM dept WHERE id NOT IN (SELECT dept_id FROM emp WHERE dept_id IS NOT NULL)");
        // a NULL in the NOT IN subquery makes the predicate unknown for every row
        assertQuery("SELECT name FROM dept WHERE id NOT IN (SELECT dept_id FROM emp)");
        assertQuery("SELECT name FROM dept d WHERE EXISTS (SELECT * FROM emp e WHERE e.dept_id = d.id AND e.salary > 100)");
        assertQuery("SELECT name FROM dept d WHERE NOT EXISTS (SELECT * FROM emp e WHERE e.dept_id = d.id)");
        assertQuery("SELECT name FROM emp e WHERE salary > ALL (SELECT salary FROM emp WHERE dept_id = 2)");
        assertQuery("SELECT name FROM emp e WHERE salary = ANY (SELECT salary FROM emp WHERE dept_id = 2)");
        assertQuery("SELECT id, EXISTS (SELECT 1 FROM emp e WHERE e.manager_id = d.id) FROM dept d");
    }

    @Test
    void testCorrelatedScalarSubqueries()
    {
        assertQuery("SELECT e.name, (SELECT d.name FROM dept d WHERE d.id = e.dept_id) FROM emp e");
        assertQuery("SELECT d.name, (SELECT max(salary) FROM emp e WHERE e.dept_id = d.id), (SELECT count(*) FROM emp e WHERE e.dept_id = d.id) FROM dept d");
        assertQuery("SELECT e.name FROM emp e WHERE e.salary > (SELECT avg(salary) FROM emp x WHERE x.dept_id = e.dept_id)");
        assertQuery("SELECT e.name, (SELECT m.name FROM emp m WHERE m.id = e.manager_id) AS manager FROM emp e");
        assertQuery("SELECT (SELECT max(salary) FROM emp) - (SELECT min(salary) FROM emp)");
        assertBothFail("SELECT (SELECT id FROM emp WHERE dept_id = 1) FROM dept", "21000", "(?i)more than one row|cardinality");
    }

    @Test
    void testJoins()
    {
        assertQuery("SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id");
        assertQuery("SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id");
        assertQuery("SELECT e.name, m.name FROM emp e LEFT JOIN emp m ON e.manager_id = m.id");
        assertQuery("SELECT d.name, count(e.id), sum(e.salary) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name");
        assertQuery("SELECT e.name, d.name FROM emp e CROSS JOIN dept d WHERE d.id > 2");
        assertQuery("SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id AND e.salary > 90 AND d.budget >= 500");
        assertQuery("SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id < d.id");
        assertQuery("SELECT e.id, d.id FROM emp e, dept d WHERE e.dept_id = d.id AND e.manager_id IS NOT NULL");
        assertQuery("SELECT a.name, b.name FROM emp a JOIN emp b ON a.dept_id = b.dept_id AND a.id < b.id");
    }

    @Test
    void testCommonTableExpressions()
    {
        assertQuery("WITH rich AS (SELECT * FROM emp WHERE salary >= 100) SELECT name FROM rich");
        assertQuery("""
                WITH totals AS (SELECT dept_id, sum(salary) AS total FROM emp GROUP BY dept_id),
                     named AS (SELECT d.name, t.total FROM totals t JOIN dept d ON d.id = t.dept_id)
                SELECT name, total FROM named WHERE total > 100""");
        assertQuery("WITH t AS (SELECT id, salary FROM emp) SELECT a.id, b.id FROM t a JOIN t b ON a.salary = b.salary AND a.id <> b.id");
        assertQuery("WITH x (a, b) AS (VALUES (1, 'one'), (2, 'two')) SELECT b, a FROM x");
        // recursive CTEs: see TestRecursiveQueries
        assertQuery("""
                WITH RECURSIVE chain (id, name, depth) AS (
                    SELECT id, name, 0 FROM emp WHERE manager_id IS NULL
                    UNION ALL
                    SELECT e.id, e.name, c.depth + 1 FROM emp e JOIN chain c ON e.manager_id = c.id)
                SELECT id, name, depth FROM chain""");
    }

    @Test
    void testCase()
    {
        assertQuery("SELECT name, CASE WHEN salary >= 120 THEN 'high' WHEN salary >= 90 THEN 'mid' ELSE 'low' END FROM emp");
        assertQuery("SELECT name, CASE dept_id WHEN 1 THEN 'eng' WHEN 2 THEN 'ops' END FROM emp");
        assertQuery("SELECT CASE WHEN active THEN 'yes' WHEN NOT active THEN 'no' ELSE 'unknown' END, count(*) FROM emp GROUP BY 1");
        assertQuery("SELECT sum(CASE WHEN salary > 100 THEN 1 ELSE 0 END), sum(CASE WHEN dept_id = 1 THEN salary END) FROM emp");
        assertQuery("SELECT name, CASE WHEN salary > 100 THEN salary * 1.1 ELSE salary END FROM emp");
    }

    @Test
    void testCasts()
    {
        assertQuery("SELECT CAST('42' AS integer), '42'::bigint, CAST(42 AS varchar(10)), 42::varchar, CAST('3.25' AS decimal(5,2)), '1.5'::double precision");
        assertQuery("SELECT CAST('true' AS boolean), 'f'::boolean, CAST(1 AS boolean), CAST(0 AS boolean)");
        assertQuery("SELECT id, salary::decimal(10,2) / 7, CAST(salary AS double precision) / 7, salary::varchar || 'x' FROM emp");
        assertQuery("SELECT CAST(DATE '2024-02-29' AS varchar(10)), CAST('2024-02-29' AS date), '2024-02-29 10:11:12'::timestamp");
        assertQuery("SELECT id, CAST(active AS varchar(5)) FROM emp");
        assertQuery("SELECT CAST(NULL AS integer), CAST(NULL AS varchar(3)) IS NULL");
        assertQuery("SELECT CAST(' 12 ' AS integer), CAST('-0' AS integer), CAST('+7' AS bigint)");
    }

    @Test
    void testOrderByLimitOffset()
    {
        assertQuery("SELECT id, name FROM emp ORDER BY salary DESC, id");
        assertQuery("SELECT id FROM emp ORDER BY id LIMIT 3");
        assertQuery("SELECT id FROM emp ORDER BY id LIMIT 3 OFFSET 2");
        assertQuery("SELECT id FROM emp ORDER BY id OFFSET 5");
        assertQuery("SELECT id FROM emp ORDER BY id OFFSET 10");
        assertQuery("SELECT id FROM emp ORDER BY id LIMIT 0");
        assertQuery("SELECT id FROM emp ORDER BY id FETCH FIRST 2 ROWS ONLY");
        assertQuery("SELECT id, name FROM emp ORDER BY 2 DESC");
        assertQuery("SELECT name FROM emp ORDER BY salary * -1, id");
        assertQuery("SELECT name AS n FROM emp ORDER BY n");
        assertQuery("SELECT dept_id, count(*) FROM emp GROUP BY dept_id ORDER BY count(*) DESC, dept_id NULLS FIRST");
        assertQuery("SELECT * FROM (SELECT id FROM emp ORDER BY salary DESC, id LIMIT 4) t");
        assertQuery("SELECT count(*) FROM (SELECT id FROM emp ORDER BY id LIMIT 5 OFFSET 4) t");
    }

    @Test
    void testValuesLists()
    {
        assertQuery("VALUES (1, 'a'), (2, 'b'), (3, NULL)");
        assertQuery("SELECT * FROM (VALUES (1, 'a'), (2, NULL)) AS t (x, y)");
        assertQuery("SELECT x * 2, upper(y) FROM (VALUES (1, 'a'), (2, 'b')) AS t (x, y) WHERE x > 1");
        assertQuery("SELECT t.x, e.name FROM (VALUES (1), (4), (9)) AS t (x) LEFT JOIN emp e ON e.id = t.x");
        assertQuery("SELECT * FROM (VALUES (1.5, DATE '2024-01-01'), (2, DATE '2024-12-31')) AS t (n, d)");
        assertQuery("SELECT id FROM emp WHERE (dept_id, salary) IN (VALUES (1, 120), (2, 95))");
    }

    @Test
    void testSelectWithoutFrom()
    {
        assertQuery("SELECT 1, 'one', NULL IS NULL, 2 * 3 + 1");
        assertQuery("SELECT 1 WHERE false");
        assertQuery("SELECT count(*)");
    }
}
