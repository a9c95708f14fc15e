package io.basin.federation;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-subquery pushdown into PostgreSQL: results checked against PostgreSQL running the same
 * query, and what PostgreSQL actually executed read from {@code pg_stat_statements} (statement
 * text and rows returned), compared with the remote SQL EXPLAIN shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgreSqlPushdown
{

    private final TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
    private QueryAssertions assertions;
    private Basin basin;
    private BasinSession session;

    @TempDir
    static Path dataDirectory;

    @BeforeAll
    void setUp()
    {
        assertions = new QueryAssertions(postgres, "pushed");
        postgres.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA public");
        postgres.execute("DROP TABLE IF EXISTS pushed.orders, pushed.customers CASCADE");
        postgres.execute("CREATE TABLE pushed.customers (id integer PRIMARY KEY, name varchar(40) NOT NULL, country char(2), tag uuid, doc jsonb)");
        postgres.execute("""
                INSERT INTO pushed.customers VALUES
                (1, 'Ada', 'GB', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}'),
                (2, 'Grace', 'US', NULL, '{"b": [1, 2]}'),
                (3, 'Linus', 'FI', '00000000-0000-0000-0000-000000000000', NULL),
                (4, 'O''Brien', NULL, NULL, NULL),
                (5, 'back\\slash', 'DE', NULL, NULL),
                (6, 'Grâce 🎉', 'FR', NULL, NULL),
                (7, 'x''; DROP TABLE pushed.orders; --', 'XX', NULL, NULL)""");
        postgres.execute("CREATE TABLE pushed.orders (id bigint PRIMARY KEY, customer_id integer, total numeric(10,2), quantity integer, placed date, at timestamp)");
        postgres.execute("INSERT INTO pushed.orders SELECT i, 1 + i % 7, i * 10.25, i % 13, DATE '2024-01-01' + i, TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL '1 hour' FROM generate_series(1, 500) i");
        postgres.execute("INSERT INTO pushed.orders VALUES (501, NULL, NULL, NULL, NULL, NULL)");
        postgres.execute("ANALYZE pushed.orders");
        postgres.execute("ANALYZE pushed.customers");
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
        session.execute("CREATE EXTERNAL SCHEMA src FROM POSTGRES DATABASE '%s' SCHEMA 'pushed' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable'"
                .formatted(TestingPostgreSqlServer.DATABASE, postgres.getPort(), TestingPostgreSqlServer.USER));
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        session.close();
        basin.close();
        assertions.close();
    }

    /** The remote statements of an EXPLAIN, in plan order. */
    private List<String> remoteStatements(String sql)
    {
        return session.execute("EXPLAIN " + sql).rows().stream()
                .map(row -> (String) row.getFirst())
                .filter(line -> line.contains("RemoteQuery["))
                .map(line -> line.substring(line.indexOf("sql=") + 4, line.lastIndexOf("]  =>")))
                .toList();
    }

    /** What PostgreSQL ran for Basin since the last reset: statement texts (as pg_stat_statements normalizes them) and rows. */
    private List<List<Object>> executedByBasin()
    {
        return assertions.queryPostgres("SELECT query, rows FROM public.pg_stat_statements WHERE query LIKE '%\"pushed\".%' AND query NOT LIKE '%pg_stat_statements%' ORDER BY query");
    }

    private void resetStatements()
    {
        assertions.queryPostgres("SELECT public.pg_stat_statements_reset()::text");
    }

    /**
     * Asserts the query's result equals PostgreSQL's, that it ran as exactly one remote
     * statement containing {@code fragments}, and that PostgreSQL returned {@code remoteRows}
     * rows for it (so the work was done remotely).
     */
    private void assertPushed(String basinSql, String postgresSql, long remoteRows, String... fragments)
    {
        List<String> remote = remoteStatements(basinSql);
        assertThat(remote).as("remote statements of %s", basinSql).hasSize(1);
        assertThat(remote.getFirst()).contains(fragments);
        resetStatements();
        assertions.assertQuery(session, basinSql, postgresSql);
        List<List<Object>> executed = executedByBasin();
        assertThat(executed).as("executed for %s", basinSql).hasSize(1);
        assertThat(executed.getFirst().get(1)).isEqualTo(remoteRows);
        // the statement PostgreSQL ran is the one EXPLAIN showed (pg_stat_statements replaces constants by $n)
        assertThat(normalizeConstants(remote.getFirst())).isEqualTo(normalizeConstants((String) executed.getFirst().getFirst()));
    }

    /**
     * As {@link #assertPushed}, for a statement with {@code LIMIT}: PostgreSQL 17's
     * pg_stat_statements does not record it when it is read through a cursor whose portal ends
     * with the transaction, so only the generated SQL and the result are checked.
     */
    private void assertPushedWithLimit(String basinSql, String postgresSql, String... fragments)
    {
        List<String> remote = remoteStatements(basinSql);
        assertThat(remote).as("remote statements of %s", basinSql).hasSize(1);
        assertThat(remote.getFirst()).contains(fragments);
        assertions.assertQuery(session, basinSql, postgresSql);
    }

    private static String normalizeConstants(String sql)
    {
        return sql.replaceAll("'(?:[^']|'')*'|\\$\\d+|\\b\\d+(\\.\\d+)?\\b", "?");
    }

    private long oracleCount(String sql)
    {
        return (Long) assertions.queryPostgres("SELECT count(*) FROM (" + sql + ") t").getFirst().getFirst();
    }

    @Test
    void filtersAndProjectionsRunRemotely()
    {
        String sql = "SELECT id, total, quantity * 2 + 1 AS q FROM %s.orders WHERE total > 1000 AND customer_id IN (1, 2, 3) AND placed BETWEEN DATE '2024-03-01' AND DATE '2024-12-31' AND quantity IS NOT NULL";
        assertPushed(sql.formatted("src"), sql.formatted("pushed"), oracleCount(sql.formatted("pushed")), "WHERE", "> 1000.00", "\"placed\" >=");
    }

    @Test
    void aggregatesRunRemotely()
    {
        String sql = "SELECT customer_id, count(*) AS n, sum(total) AS s, min(placed) AS first, max(at) AS last FROM %s.orders GROUP BY customer_id";
        assertPushed(sql.formatted("src"), sql.formatted("pushed"), oracleCount(sql.formatted("pushed")), "GROUP BY", "COUNT(*)", "SUM(");
        String distinct = "SELECT customer_id, count(DISTINCT quantity) AS q FROM %s.orders GROUP BY customer_id";
        assertPushed(distinct.formatted("src"), distinct.formatted("pushed"), oracleCount(distinct.formatted("pushed")), "GROUP BY");
    }

    @Test
    void joinsWithinTheSourceRunRemotely()
    {
        String sql = "SELECT c.name, count(*) AS n, sum(o.total) AS s FROM %1$s.orders o JOIN %1$s.customers c ON o.customer_id = c.id WHERE o.quantity > 3 GROUP BY c.name";
        assertPushed(sql.formatted("src"), sql.formatted("pushed"), oracleCount(sql.formatted("pushed")), "JOIN", "GROUP BY");
        String left = "SELECT c.id, o.id AS order_id FROM %1$s.customers c LEFT JOIN %1$s.orders o ON o.customer_id = c.id AND o.total > 5000";
        // Basin's join ordering may turn it into the equivalent RIGHT JOIN
        assertPushed(left.formatted("src"), left.formatted("pushed"), oracleCount(left.formatted("pushed")), " JOIN ", "> 5000");
    }

    /**
     * A join is pushed only when PostgreSQL's statistics (pg_class.reltuples, pg_stats.n_distinct)
     * say it does not multiply rows: joined by a key it runs remotely; joined on a column with 10
     * values (300 x 200 rows a value, 600,000 rows from 5,000) it runs in Basin, each table read
     * by a statement of its own.
     */
    @Test
    void joinsThatMultiplyRowsRunInBasin()
    {
        postgres.execute("DROP TABLE IF EXISTS pushed.visits, pushed.sales");
        postgres.execute("CREATE TABLE pushed.visits (id integer PRIMARY KEY, day integer, page integer)");
        postgres.execute("INSERT INTO pushed.visits SELECT i, i % 10, i % 97 FROM generate_series(1, 3000) i");
        postgres.execute("CREATE TABLE pushed.sales (id integer PRIMARY KEY, day integer, amount integer)");
        postgres.execute("INSERT INTO pushed.sales SELECT i, i % 10, i FROM generate_series(1, 2000) i");
        postgres.execute("ANALYZE pushed.visits");
        postgres.execute("ANALYZE pushed.sales");

        String manyToMany = "SELECT v.page, count(*) AS n, sum(s.amount) AS total FROM %1$s.visits v JOIN %1$s.sales s ON s.day = v.day GROUP BY v.page";
        List<String> remote = remoteStatements(manyToMany.formatted("src"));
        assertThat(remote).hasSize(2).noneMatch(statement -> statement.contains("JOIN"));
        resetStatements();
        assertions.assertQuery(session, manyToMany.formatted("src"), manyToMany.formatted("pushed"));
        // what PostgreSQL ran: the two tables' rows, no join
        assertThat(executedByBasin()).extracting(row -> (String) row.get(0)).noneMatch(statement -> statement.contains("JOIN"));
        assertThat(executedByBasin()).extracting(row -> row.get(1)).containsExactlyInAnyOrder(3000L, 2000L);

        String byKey = "SELECT v.page, count(*) AS n, sum(s.amount) AS total FROM %1$s.visits v JOIN %1$s.sales s ON s.id = v.id GROUP BY v.page";
        assertPushed(byKey.formatted("src"), byKey.formatted("pushed"), oracleCount(byKey.formatted("pushed")), "JOIN", "GROUP BY");
    }

    @Test
    void topNAndDistinctRunRemotely()
    {
        String topN = "SELECT id, total FROM %s.orders WHERE total IS NOT NULL ORDER BY total DESC, id LIMIT 5";
        assertPushedWithLimit(topN.formatted("src"), topN.formatted("pushed"), "ORDER BY \"total\" DESC, \"id\" FETCH NEXT 5 ROWS ONLY");
        String distinct = "SELECT DISTINCT customer_id FROM %s.orders";
        assertPushed(distinct.formatted("src"), distinct.formatted("pushed"), oracleCount(distinct.formatted("pushed")), "GROUP BY");
    }

    @Test
    void hostileLiteralsAreEscaped()
    {
        for (String literal : List.of("'O''Brien'", "'x''; DROP TABLE pushed.orders; --'", "'back\\slash'", "'Grâce 🎉'", "'Ada'' OR ''1''=''1'")) {
            String sql = "SELECT id, name FROM %s.customers WHERE name = " + literal;
            assertPushed(sql.formatted("src"), sql.formatted("pushed"), oracleCount(sql.formatted("pushed")), "WHERE");
        }
        assertThat(assertions.queryPostgres("SELECT count(*) FROM pushed.orders")).containsExactly(List.of(501L));
    }

    @Test
    void semanticsThatDifferStayInBasin()
    {
        // text order depends on the source's collation: sorted in Basin
        String byName = "SELECT name FROM %s.customers ORDER BY name LIMIT 3";
        assertions.assertQuery(session, byName.formatted("src"), byName.formatted("pushed") + "");
        assertThat(String.join(" ", remoteStatements(byName.formatted("src")))).doesNotContain("ORDER BY");
        // avg's scale differs between engines: computed in Basin over pushed rows
        String average = "SELECT customer_id, avg(total) FROM %s.orders GROUP BY customer_id";
        assertions.assertQuery(session, average.formatted("src"), average.formatted("pushed"));
        assertThat(String.join(" ", remoteStatements(average.formatted("src")))).doesNotContainIgnoringCase("AVG(");
        // a uuid and a jsonb column compare as the text Basin holds, not by PostgreSQL's own rules
        assertions.assertQuery(session, "SELECT id FROM src.customers WHERE tag = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "SELECT id FROM pushed.customers WHERE tag::text = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'");
        assertions.assertQuery(session, "SELECT id FROM src.customers WHERE doc = '{\"a\":1}'", "SELECT id FROM pushed.customers WHERE doc::text = '{\"a\":1}'");
        assertions.assertQuery(session, "SELECT id FROM src.customers WHERE doc = '{\"a\": 1}'", "SELECT id FROM pushed.customers WHERE doc::text = '{\"a\": 1}'");
        // char(n) values compare without their padding, as in Basin
        assertions.assertQuery(session, "SELECT id FROM src.customers WHERE country = 'GB'", "SELECT id FROM pushed.customers WHERE country = 'GB'");
    }

    @Test
    void localAndRemoteTablesJoin()
    {
        session.execute("CREATE TABLE public.regions AS SELECT * FROM (VALUES (1, 'north'), (2, 'south'), (3, 'north')) t(customer_id, region)");
        String sql = "SELECT r.region, sum(o.total) FROM src.orders o JOIN public.regions r ON r.customer_id = o.customer_id WHERE o.quantity < 5 GROUP BY r.region";
        String postgresSql = "SELECT r.region, sum(o.total) FROM pushed.orders o JOIN (VALUES (1, 'north'), (2, 'south'), (3, 'north')) r(customer_id, region) ON r.customer_id = o.customer_id WHERE o.quantity < 5 GROUP BY r.region";
        assertions.assertQuery(session, sql, postgresSql);
        List<String> remote = remoteStatements(sql);
        assertThat(remote).hasSize(1);
        assertThat(remote.getFirst()).contains("WHERE").contains("\"quantity\" <");
    }

    @Test
    void pushdownCanBeSwitchedOff()
    {
        String sql = "SELECT customer_id, count(*) FROM src.orders WHERE total > 100 GROUP BY customer_id";
        session.execute("SET federated_pushdown = off");
        try {
            assertThat(remoteStatements(sql)).isEmpty();
            assertions.assertQuery(session, sql, sql.replace("src.", "pushed."));
        }
        finally {
            session.execute("RESET federated_pushdown");
        }
        assertThat(remoteStatements(sql)).hasSize(1);
    }
}
