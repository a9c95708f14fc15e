package io.basin.pgwire;

import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EXPLAIN ANALYZE over the wire: one text column "QUERY PLAN", the rows PostgreSQL counts, errors with their SQLSTATE. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestPgWireExplainAnalyze
{
    private TestingPgWireServer basin;
    private QueryAssertions assertions;

    @BeforeAll
    void setUp()
    {
        basin = new TestingPgWireServer();
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        assertions = new QueryAssertions(postgres, TpchPostgresLoader.load(postgres, 0.01));
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        if (assertions != null) {
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void testPlanRowsOverJdbc()
            throws SQLException
    {
        String query = "SELECT o_orderpriority, count(*) FROM %s.orders WHERE o_orderstatus = 'F' GROUP BY o_orderpriority";
        long groups = ((Number) assertions.queryPostgres("SELECT count(*) FROM (" + query.formatted("tiny") + ") q").getFirst().getFirst()).longValue();
        long filtered = ((Number) assertions.queryPostgres("SELECT count(*) FROM tiny.orders WHERE o_orderstatus = 'F'").getFirst().getFirst()).longValue();
        List<String> lines = new ArrayList<>();
        try (Connection connection = basin.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("EXPLAIN ANALYZE " + query.formatted("tpch.tiny"))) {
            assertThat(result.getMetaData().getColumnCount()).isEqualTo(1);
            assertThat(result.getMetaData().getColumnLabel(1)).isEqualTo("QUERY PLAN");
            while (result.next()) {
                lines.add(result.getString(1));
            }
        }
        assertThat(lines.getFirst()).startsWith("Output[");
        assertThat(lines.get(1).strip()).isEqualTo("rows=" + groups);
        // the aggregation's input is the filter's output
        String aggregate = lines.get(lines.indexOf(lines.stream().filter(line -> line.contains("Aggregate[")).findFirst().orElseThrow()) + 1);
        Matcher input = Pattern.compile("input rows=(\\d+)").matcher(aggregate);
        assertThat(input.find()).as(aggregate).isTrue();
        assertThat(Long.parseLong(input.group(1))).isEqualTo(filtered);
        assertThat(lines).anyMatch(line -> line.startsWith("Execution Time: "));
    }

    @Test
    void testErrorOverJdbc()
            throws SQLException
    {
        try (Connection connection = basin.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("EXPLAIN ANALYZE SELECT o_orderkey / (o_custkey - o_custkey) FROM tpch.tiny.orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            // the connection goes on
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM tpch.tiny.nation")) {
                assertThat(result.next()).isTrue();
            }
        }
    }
}
