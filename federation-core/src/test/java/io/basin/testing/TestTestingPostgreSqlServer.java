package io.basin.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestTestingPostgreSqlServer
{
    @Test
    void testServerIsPostgreSql17WithCCollation()
            throws SQLException
    {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.shared();
        try (Connection connection = server.createConnection();
                Statement statement = connection.createStatement()) {
            assertThat(queryString(statement, "SHOW server_version")).startsWith("17.");
            assertThat(queryString(statement, "SELECT datcollate FROM pg_database WHERE datname = current_database()")).isEqualTo("C");
            assertThat(queryString(statement, "SHOW server_encoding")).isEqualTo("UTF8");
            assertThat(queryString(statement, "SHOW timezone")).isIn("UTC", "Etc/UTC");

            // byte order: upper case before lower case, 'a' before 'b', U+00E9 after ASCII
            List<String> sorted = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT x FROM (VALUES ('b'), ('a'), ('B'), ('é'), ('A')) t(x) ORDER BY x")) {
                while (rows.next()) {
                    sorted.add(rows.getString(1));
                }
            }
            assertThat(sorted).containsExactly("A", "B", "a", "b", "é");
        }
    }

    @Test
    void testSharedInstanceIsReused()
    {
        assertThat(TestingPostgreSqlServer.shared()).isSameAs(TestingPostgreSqlServer.shared());
    }

    @Test
    void testSearchPathConnection()
            throws SQLException
    {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.shared();
        server.execute("CREATE SCHEMA IF NOT EXISTS search_path_test");
        server.execute("CREATE TABLE IF NOT EXISTS search_path_test.t AS SELECT 42 AS x");
        try (Connection connection = server.createConnection("search_path_test");
                Statement statement = connection.createStatement()) {
            assertThat(queryString(statement, "SELECT x FROM t")).isEqualTo("42");
        }
    }

    private static String queryString(Statement statement, String sql)
            throws SQLException
    {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            String value = rows.getString(1);
            assertThat(rows.next()).isFalse();
            return value;
        }
    }
}
