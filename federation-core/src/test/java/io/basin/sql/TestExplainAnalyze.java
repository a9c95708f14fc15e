package io.basin.sql;

import io.basin.embedded.BasinSession;
import io.basin.testing.BaseTpchOracleTest;
import io.basin.testing.ExplainAnalyzeOutput;
import io.basin.testing.ExplainAnalyzeOutput.Node;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXPLAIN ANALYZE over memory tables copied from {@code tpch.tiny}: the query runs, and the rows
 * every plan node reports (scans, filters, joins, the aggregation, the result) equal the counts
 * PostgreSQL computes for the same data; errors in the analyzed query keep their SQLSTATE.
 */
class TestExplainAnalyze
        extends BaseTpchOracleTest
{
    private static final List<String> TABLES = List.of("orders", "customer", "nation");
    private static final Map<String, String> FILTERS = Map.of(
            "orders", "o.o_orderstatus = 'F'",
            "customer", "c.c_acctbal > 1000",
            "nation", "n.n_regionkey <> 2");
    private static final Map<String, String> ALIASES = Map.of("orders", "o", "customer", "c", "nation", "n");
    private static final Map<Set<String>, String> JOIN_CONDITIONS = Map.of(
            Set.of("orders", "customer"), "o.o_custkey = c.c_custkey",
            Set.of("customer", "nation"), "c.c_nationkey = n.n_nationkey");

    private static final String QUERY = """
            SELECT n.n_name, count(*) AS orders, sum(o.o_totalprice) AS total
            FROM %1$s.orders o
            JOIN %1$s.customer c ON o.o_custkey = c.c_custkey
            JOIN %1$s.nation n ON c.c_nationkey = n.n_nationkey
            WHERE o.o_orderstatus = 'F' AND c.c_acctbal > 1000 AND n.n_regionkey <> 2
            GROUP BY n.n_name""";

    @BeforeAll
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        for (String table : TABLES) {
            basin.execute("CREATE TABLE memory.public.%s AS SELECT * FROM tpch.tiny.%s".formatted(table, table));
        }
        // the same tables in PostgreSQL, as a federated source
        basin.execute("CREATE EXTERNAL SCHEMA pg FROM POSTGRES DATABASE '%s' SCHEMA '%s' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable'"
                .formatted(TestingPostgreSqlServer.DATABASE, schema, postgres.getPort(), TestingPostgreSqlServer.USER));
    }

    @Test
    void testRowsOfEveryNodeMatchPostgreSql()
    {
        BasinSession session = basin.session();
        String basinQuery = QUERY.formatted("memory.public");
        String postgresQuery = QUERY.formatted("tiny");
        // the query itself returns what PostgreSQL returns
        assertions.assertQuery(session, basinQuery, postgresQuery);

        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(session, basinQuery);
        long groups = postgresCount("SELECT count(*) FROM (" + postgresQuery + ") q");
        assertThat(explain.resultRows()).as(explain.text()).isEqualTo(groups);

        // every scan returns its whole table (the memory connector prunes nothing; any dynamic filter drops no row here)
        for (String table : TABLES) {
            assertThat(explain.scan("memory.public." + table).rows()).as(explain.text())
                    .isEqualTo(postgresCount("SELECT count(*) FROM tiny." + table));
        }
        // each filter keeps the rows PostgreSQL counts for its predicate
        List<Node> filters = explain.nodes("Filter[");
        assertThat(filters).as(explain.text()).hasSize(TABLES.size());
        for (Node filter : filters) {
            String table = onlyTable(filter);
            assertThat(filter.rows()).as(filter.line()).isEqualTo(postgresCount(
                    "SELECT count(*) FROM tiny.%s %s WHERE %s".formatted(table, ALIASES.get(table), FILTERS.get(table))));
        }
        // each join returns the rows of the join of the tables below it, filtered
        List<Node> joins = explain.nodes("Join[");
        assertThat(joins).as(explain.text()).hasSize(2);
        for (Node join : joins) {
            Set<String> tables = tables(join);
            assertThat(join.rows()).as(join.line()).isEqualTo(postgresCount(joinCountSql(tables)));
            // its probe and build inputs are its two sources' rows
            long sourceRows = join.sources().stream().mapToLong(Node::rows).sum();
            assertThat(join.count("input rows").orElseThrow() + join.count("build rows").orElseThrow()).as(join.line()).isEqualTo(sourceRows);
        }
        // the aggregation reads the three-way join and returns one row per nation
        Node aggregate = explain.nodes("Aggregate[").getFirst();
        assertThat(aggregate.rows()).isEqualTo(groups);
        assertThat(aggregate.count("input rows").orElseThrow()).isEqualTo(postgresCount(joinCountSql(Set.copyOf(TABLES))));
        assertThat(aggregate.details().getFirst()).containsPattern("peak memory=\\d");

        // times are measured, and the footer says how long planning and execution took
        for (Node node : explain.root().flatten()) {
            if (node.details().isEmpty() || node.details().getFirst().contains("evaluated by the operator of the node above")) {
                continue;
            }
            Matcher times = Pattern.compile("wall=(\\d+\\.\\d+) ms, cpu=(\\d+\\.\\d+) ms").matcher(node.details().getFirst());
            assertThat(times.find()).as(node.line() + " " + node.details()).isTrue();
        }
        assertThat(explain.footer("Planning Time")).get().asString().matches("\\d+\\.\\d{3} ms");
        assertThat(explain.footer("Execution Time")).get().asString().matches("\\d+\\.\\d{3} ms");
        assertThat(explain.footer("Peak Memory")).isPresent();
    }

    @Test
    void testDynamicFilterShowsTheRowsItDropped()
    {
        // the orders aggregated per customer, joined with the customers of one nation: the join's
        // build side (customers of nation 7) filters the orders scan below the aggregation
        String query = """
                SELECT c.c_name, a.total FROM %1$s.customer c
                JOIN (SELECT o_custkey, sum(o_totalprice) AS total FROM %1$s.orders GROUP BY o_custkey) a ON a.o_custkey = c.c_custkey
                WHERE c.c_nationkey = 7""";
        assertions.assertQuery(basin.session(), query.formatted("memory.public"), query.formatted("tiny"));
        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(basin.session(), query.formatted("memory.public"));
        Node orders = explain.scan("memory.public.orders");
        String filterLine = orders.details().stream().filter(line -> line.startsWith("dynamic filter:")).findFirst()
                .orElseThrow(() -> new AssertionError("no dynamic filter under the orders scan:\n" + explain.text()));
        Matcher matcher = Pattern.compile("input rows=(\\d+), filtered out=(\\d+)").matcher(filterLine);
        assertThat(matcher.find()).isTrue();
        long allOrders = postgresCount("SELECT count(*) FROM tiny.orders");
        long kept = postgresCount("SELECT count(*) FROM tiny.orders WHERE o_custkey IN (SELECT c_custkey FROM tiny.customer WHERE c_nationkey = 7)");
        long filteredOut = Long.parseLong(matcher.group(2));
        assertThat(Long.parseLong(matcher.group(1))).isEqualTo(allOrders);
        // the filter is a Bloom filter of the build keys: it never drops a row that joins, and
        // its few false positives let some others through
        assertThat(filteredOut).isLessThanOrEqualTo(allOrders - kept).isGreaterThan((allOrders - kept) * 9 / 10);
        // the scan's rows are those the dynamic filter let through
        assertThat(orders.rows()).isEqualTo(allOrders - filteredOut);
        assertThat(explain.resultRows()).isEqualTo(postgresCount("SELECT count(*) FROM (" + query.formatted("tiny") + ") q"));
    }

    /** Other plan shapes: the result rows and the top node's rows equal the count PostgreSQL gives for the query. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT o_orderkey, o_totalprice FROM %s.orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 17",
            "SELECT o_custkey, o_orderdate, row_number() OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) FROM %s.orders WHERE o_custkey < 40",
            "SELECT n_name FROM %1$s.nation WHERE n_regionkey = 1 UNION ALL SELECT c_name FROM %1$s.customer WHERE c_nationkey = 3",
            "SELECT c_nationkey FROM %1$s.customer EXCEPT SELECT n_nationkey FROM %1$s.nation WHERE n_regionkey = 0",
            "SELECT c_custkey FROM %1$s.customer WHERE c_custkey NOT IN (SELECT o_custkey FROM %1$s.orders WHERE o_orderstatus = 'P')",
            "SELECT DISTINCT o_orderpriority FROM %s.orders",
            "SELECT * FROM %s.nation WHERE n_nationkey < 0",
            "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 50) SELECT n FROM t",
            "SELECT c_custkey, (SELECT count(*) FROM %1$s.orders o WHERE o.o_custkey = c.c_custkey) FROM %1$s.customer c WHERE c_nationkey = 4",
            "SELECT x FROM (VALUES (1), (2), (3)) AS v(x)",
            "SELECT o_orderkey, lag(o_totalprice, 2) OVER (ORDER BY o_orderkey) FROM %s.orders WHERE o_custkey < 40",
            "SELECT o_orderkey FROM %s.orders ORDER BY o_orderkey LIMIT 10 OFFSET 5",
    })
    void testOtherShapesCountTheirRows(String query)
    {
        String basinQuery = query.formatted("memory.public");
        String postgresQuery = query.formatted("tiny");
        assertions.assertQuery(basin.session(), basinQuery, postgresQuery);
        long expected = postgresCount("SELECT count(*) FROM (" + postgresQuery + ") q");
        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(basin.session(), basinQuery);
        assertThat(explain.resultRows()).as(explain.text()).isEqualTo(expected);
        assertThat(explain.root().rows()).as(explain.text()).isEqualTo(expected);
        // every node reads what the nodes below it return
        for (Node node : explain.root().flatten()) {
            long sourceRows = node.sources().stream().mapToLong(source -> source.count("rows").orElse(-1)).sum();
            if (node.sources().isEmpty() || node.sources().stream().anyMatch(source -> source.count("rows").isEmpty())) {
                continue;
            }
            long inputRows = node.count("input rows").orElse(-1) + node.count("build rows").orElse(0);
            if (node.count("input rows").isPresent()) {
                assertThat(inputRows).as(node.line() + "\n" + explain.text()).isEqualTo(sourceRows);
            }
        }
    }

    @Test
    void testFederatedSources()
    {
        // pushed whole into PostgreSQL: the remote query's rows are the result
        String pushed = "SELECT o_orderstatus, count(*) FROM %s.orders WHERE o_totalprice > 100000 GROUP BY o_orderstatus";
        assertions.assertQuery(basin.session(), pushed.formatted("pg"), pushed.formatted("tiny"));
        ExplainAnalyzeOutput remote = ExplainAnalyzeOutput.run(basin.session(), pushed.formatted("pg"));
        long groups = postgresCount("SELECT count(*) FROM (" + pushed.formatted("tiny") + ") q");
        List<Node> remoteQueries = remote.nodes("RemoteQuery[");
        assertThat(remoteQueries).as(remote.text()).hasSize(1);
        assertThat(remoteQueries.getFirst().rows()).isEqualTo(groups);
        assertThat(remote.resultRows()).isEqualTo(groups);

        // a join across the memory catalog and PostgreSQL
        String federated = "SELECT n.n_name, count(*) FROM memory.public.nation n JOIN pg.customer c ON c.c_nationkey = n.n_nationkey WHERE c.c_mktsegment = 'BUILDING' GROUP BY n.n_name";
        String oracle = "SELECT n.n_name, count(*) FROM tiny.nation n JOIN tiny.customer c ON c.c_nationkey = n.n_nationkey WHERE c.c_mktsegment = 'BUILDING' GROUP BY n.n_name";
        assertions.assertQuery(basin.session(), federated, oracle);
        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(basin.session(), federated);
        assertThat(explain.resultRows()).isEqualTo(postgresCount("SELECT count(*) FROM (" + oracle + ") q"));
        Node join = explain.nodes("Join[").getFirst();
        assertThat(join.rows()).as(explain.text()).isEqualTo(postgresCount("SELECT count(*) FROM tiny.customer WHERE c_mktsegment = 'BUILDING'"));
    }

    @Test
    void testPostgreSqlOptionSyntax()
    {
        BasinSession session = basin.session();
        String query = "SELECT n_name FROM %s.nation WHERE n_regionkey = 3";
        long expected = postgresCount("SELECT count(*) FROM (" + query.formatted("tiny") + ") q");
        ExplainAnalyzeOutput analyzed = ExplainAnalyzeOutput.run(session, query.formatted("memory.public"), "EXPLAIN (ANALYZE, BUFFERS off, COSTS, FORMAT TEXT) ");
        assertThat(analyzed.resultRows()).isEqualTo(expected);
        assertThat(analyzed.footer("Execution Time")).isPresent();
        // ANALYZE false only plans
        List<List<Object>> planned = session.execute("EXPLAIN (ANALYZE false) " + query.formatted("memory.public")).rows();
        assertThat(planned).noneMatch(row -> String.valueOf(row.getFirst()).startsWith("Execution Time"));
        assertThat(planned.getFirst().getFirst()).asString().startsWith("Output[");
        // a parenthesized query is a query, not options
        assertThat(session.execute("EXPLAIN (SELECT n_name FROM memory.public.nation)").rows().getFirst().getFirst()).asString().startsWith("Output[");
        // VERBOSE lists each node's operators: the join's hash build takes the build rows, its probe the input rows
        ExplainAnalyzeOutput verbose = ExplainAnalyzeOutput.run(session,
                "SELECT c_name, n_name FROM memory.public.customer JOIN memory.public.nation ON c_nationkey = n_nationkey WHERE n_regionkey = 3", "EXPLAIN ANALYZE VERBOSE ");
        Node join = verbose.nodes("Join[").getFirst();
        long nationRows = postgresCount("SELECT count(*) FROM tiny.nation WHERE n_regionkey = 3");
        long customerRows = postgresCount("SELECT count(*) FROM tiny.customer");
        List<String> operators = join.details().stream().filter(line -> line.startsWith("operator ")).toList();
        assertThat(operators).as(verbose.text()).hasSize(2);
        assertThat(operators).anyMatch(line -> line.contains("input rows=" + nationRows + ",") && !line.contains("output rows"));
        assertThat(operators).anyMatch(line -> line.contains("input rows=" + customerRows + ", output rows=" + join.rows() + ","));
        assertThat(join.rows()).isEqualTo(postgresCount("SELECT count(*) FROM tiny.customer JOIN tiny.nation ON c_nationkey = n_nationkey WHERE n_regionkey = 3"));
        // PostgreSQL rejects the same malformed options with the same SQLSTATE
        assertions.assertBothFail(session, "EXPLAIN (ANALYZE maybe) SELECT 1", "42601", "analyze requires a Boolean value");
        assertions.assertBothFail(session, "EXPLAIN (FROBNICATE) SELECT 1", "42601", "unrecognized EXPLAIN option \"frobnicate\"");
        QueryAssertions.assertQueryFails(session, "EXPLAIN (FORMAT JSON) SELECT 1", "0A000", "FORMAT JSON");
    }

    @Test
    void testErrorsKeepTheirSqlState()
    {
        BasinSession session = basin.session();
        String failing = "SELECT o_orderkey / (o_custkey - o_custkey) FROM memory.public.orders";
        QueryAssertions.assertQueryFails(session, failing, "22012", "division by zero");
        QueryAssertions.assertQueryFails(session, "EXPLAIN ANALYZE " + failing, "22012", "division by zero");
        QueryAssertions.assertQueryFails(session, "EXPLAIN ANALYZE SELECT * FROM memory.public.no_such_table", "42P01", "no_such_table");
        QueryAssertions.assertQueryFails(session, "EXPLAIN ANALYZE CREATE TABLE memory.public.copy AS SELECT * FROM memory.public.nation", "0A000", "EXPLAIN ANALYZE runs queries only");
        // the session goes on
        assertThat(session.execute("SELECT count(*) FROM memory.public.nation").rows().getFirst().getFirst()).isEqualTo(25L);
    }

    private long postgresCount(String sql)
    {
        return ((Number) assertions.queryPostgres(sql).getFirst().getFirst()).longValue();
    }

    private static String joinCountSql(Set<String> tables)
    {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM ");
        List<String> ordered = TABLES.stream().filter(tables::contains).toList();
        sql.append("tiny.").append(ordered.getFirst()).append(' ').append(ALIASES.get(ordered.getFirst()));
        for (int i = 1; i < ordered.size(); i++) {
            String table = ordered.get(i);
            List<String> earlier = ordered.subList(0, i);
            String condition = JOIN_CONDITIONS.entrySet().stream()
                    .filter(entry -> entry.getKey().contains(table) && earlier.stream().anyMatch(entry.getKey()::contains))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("true");
            sql.append(" JOIN tiny.").append(table).append(' ').append(ALIASES.get(table)).append(" ON ").append(condition);
        }
        sql.append(" WHERE ").append(String.join(" AND ", ordered.stream().map(FILTERS::get).toList()));
        return sql.toString();
    }

    private static Set<String> tables(Node node)
    {
        Set<String> tables = new TreeSet<>();
        for (Node below : node.flatten()) {
            for (String table : TABLES) {
                if (below.line().startsWith("TableScan[memory.public." + table + ",")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static String onlyTable(Node node)
    {
        Set<String> tables = tables(node);
        assertThat(tables).as(node.line()).hasSize(1);
        return tables.iterator().next();
    }
}
