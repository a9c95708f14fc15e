package io.basin.federation;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.basin.testing.QueryAssertions;
import io.basin.testing.ResultComparator;
import io.basin.testing.TestingMariaDbServer;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code CREATE EXTERNAL SCHEMA ... FROM MYSQL} over MariaDB 11.4: results compared with MariaDB
 * running the query (spelled with MariaDB's operators where its semantics differ), what MariaDB
 * executed read from its general log, and MySQL's differing semantics (case-insensitive and
 * trailing-space-blind string comparison, NULL ordering, division) kept in Basin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestMySqlExternalSchema
{
    private final TestingMariaDbServer mariadb = TestingMariaDbServer.shared();
    private Basin basin;
    private BasinSession session;

    @BeforeAll
    void setUp()
            throws Exception
    {
        mariadb.execute("CREATE DATABASE IF NOT EXISTS crm CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        mariadb.execute("DROP TABLE IF EXISTS crm.accounts, crm.deals");
        mariadb.execute("CREATE TABLE crm.accounts (id int PRIMARY KEY, name varchar(40) NOT NULL, tier tinyint, score int)");
        mariadb.execute("INSERT INTO crm.accounts VALUES (1, 'Ada', 1, 10), (2, 'ada ', 2, NULL), (3, 'Grace', NULL, 7), (4, 'O''Brien', 1, 3), (5, 'x''; DROP TABLE crm.deals; --', 3, 5), (6, 'Zoë', 2, 1)");
        mariadb.execute("CREATE TABLE crm.deals (id bigint PRIMARY KEY, account_id int, amount decimal(12,2), closed date)");
        mariadb.execute("INSERT INTO crm.deals SELECT seq, 1 + seq % 5, seq * 12.5, DATE '2024-01-01' + INTERVAL seq DAY FROM crm.seq_1_to_300");
        mariadb.execute("SET GLOBAL log_output = 'TABLE'");
        mariadb.execute("SET GLOBAL general_log = 1");
        Path dataDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "basin-mysql-");
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
        session.execute("CREATE EXTERNAL SCHEMA crm FROM MYSQL DATABASE 'crm' URI '127.0.0.1' PORT %s USER '%s' PASSWORD ''".formatted(mariadb.port(), TestingMariaDbServer.USER));
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        mariadb.execute("SET GLOBAL general_log = 0");
        session.close();
        basin.close();
    }

    private List<List<Object>> queryMariaDb(String sql)
    {
        try (Connection connection = mariadb.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            return QueryAssertions.readRows(resultSet);
        }
        catch (SQLException e) {
            throw new IllegalStateException("MariaDB (the oracle) failed to run: " + sql, e);
        }
    }

    private void assertQuery(String basinSql, String mariadbSql)
    {
        List<List<Object>> expected = queryMariaDb(mariadbSql);
        QueryResult actual = session.execute(basinSql);
        Optional<String> difference = ResultComparator.compare(expected, actual.rows(), QueryAssertions.hasTopLevelOrderBy(basinSql));
        if (difference.isPresent()) {
            fail("Basin's result differs from MariaDB's%nBasin:   %s%nMariaDB: %s%n%s".formatted(basinSql, mariadbSql, difference.get()));
        }
    }

    private List<String> remoteStatements(String sql)
    {
        return session.execute("EXPLAIN " + sql).rows().stream()
                .map(row -> (String) row.getFirst())
                .filter(line -> line.contains("RemoteQuery["))
                .map(line -> line.substring(line.indexOf("sql=") + 4, line.lastIndexOf("]  =>")))
                .toList();
    }

    /** The statements Basin's connections ran since {@code since}, from MariaDB's general log. */
    private List<String> executedSince(String marker)
    {
        return queryMariaDb("SELECT CAST(argument AS CHAR) FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') AND CAST(argument AS CHAR) LIKE '%`crm`.%' "
                + "AND CAST(argument AS CHAR) NOT LIKE '%general_log%' "
                + "AND event_time >= (SELECT max(event_time) FROM mysql.general_log WHERE CAST(argument AS CHAR) LIKE '%" + marker + "%' AND CAST(argument AS CHAR) NOT LIKE '%general_log%') ORDER BY event_time").stream()
                .map(row -> (String) row.getFirst())
                .toList();
    }

    private void assertPushed(String basinSql, String mariadbSql, String... fragments)
    {
        List<String> remote = remoteStatements(basinSql);
        assertThat(remote).as("remote statements of %s", basinSql).hasSize(1);
        assertThat(remote.getFirst()).contains(fragments);
        String marker = "marker " + System.nanoTime();
        queryMariaDb("SELECT '" + marker + "'");
        assertQuery(basinSql, mariadbSql);
        assertThat(executedSince(marker)).as("executed by MariaDB for %s", basinSql).contains(remote.getFirst());
    }

    @Test
    void filtersAggregatesAndJoinsRunRemotely()
    {
        assertPushed("SELECT id, amount FROM crm.deals WHERE amount > 1000 AND account_id IN (1, 2) AND closed < DATE '2024-09-01'",
                "SELECT id, amount FROM crm.deals WHERE amount > 1000 AND account_id IN (1, 2) AND closed < DATE '2024-09-01'", "WHERE");
        assertPushed("SELECT account_id, count(*), sum(amount), max(closed) FROM crm.deals GROUP BY account_id",
                "SELECT account_id, count(*), sum(amount), max(closed) FROM crm.deals GROUP BY account_id", "GROUP BY");
        assertPushed("SELECT a.id, sum(d.amount) FROM crm.deals d JOIN crm.accounts a ON a.id = d.account_id WHERE d.amount < 500 GROUP BY a.id",
                "SELECT a.id, sum(d.amount) FROM crm.deals d JOIN crm.accounts a ON a.id = d.account_id WHERE d.amount < 500 GROUP BY a.id", "JOIN");
    }

    /**
     * A join is pushed only when MariaDB's statistics (TABLE_ROWS, the cardinality of indexes)
     * say it does not multiply rows: joined by a key it runs remotely; joined on an indexed
     * column with 10 values (600,000 rows from 5,000) it runs in Basin, each table read by a
     * statement of its own, as the general log shows.
     */
    @Test
    void joinsThatMultiplyRowsRunInBasin()
    {
        mariadb.execute("DROP TABLE IF EXISTS crm.visits, crm.sales");
        mariadb.execute("CREATE TABLE crm.visits (id int PRIMARY KEY, day int, page int, INDEX (day))");
        mariadb.execute("INSERT INTO crm.visits SELECT seq, seq % 10, seq % 97 FROM crm.seq_1_to_3000");
        mariadb.execute("CREATE TABLE crm.sales (id int PRIMARY KEY, day int, amount int, INDEX (day))");
        mariadb.execute("INSERT INTO crm.sales SELECT seq, seq % 10, seq FROM crm.seq_1_to_2000");
        mariadb.execute("ANALYZE TABLE crm.visits, crm.sales");

        String manyToMany = "SELECT v.page, count(*) AS n, sum(s.amount) AS total FROM crm.visits v JOIN crm.sales s ON s.day = v.day GROUP BY v.page";
        List<String> remote = remoteStatements(manyToMany);
        assertThat(remote).hasSize(2).noneMatch(statement -> statement.contains("JOIN"));
        String marker = "marker " + System.nanoTime();
        queryMariaDb("SELECT '" + marker + "'");
        assertQuery(manyToMany, manyToMany);
        List<String> executed = executedSince(marker);
        assertThat(executed).hasSize(2).noneMatch(statement -> statement.contains("JOIN"));
        assertThat(executed).anyMatch(statement -> statement.contains("`crm`.`visits`")).anyMatch(statement -> statement.contains("`crm`.`sales`"));

        String byKey = "SELECT v.page, count(*) AS n, sum(s.amount) AS total FROM crm.visits v JOIN crm.sales s ON s.id = v.id GROUP BY v.page";
        assertPushed(byKey, byKey, "JOIN");
    }

    @Test
    void mysqlSemanticsThatDifferStayInBasin()
    {
        // MariaDB's collation finds 'ada ' and 'Ada' equal to 'ada'; Basin compares exactly, so
        // string comparisons are sent as comparisons of the strings' bytes
        assertPushed("SELECT id FROM crm.accounts WHERE name = 'ada '", "SELECT id FROM crm.accounts WHERE name COLLATE utf8mb4_nopad_bin = 'ada '", "AS BINARY) = CAST('ada ' AS BINARY)");
        assertPushed("SELECT id FROM crm.accounts WHERE name IN ('ada', 'GRACE', 'Zoë')", "SELECT id FROM crm.accounts WHERE name COLLATE utf8mb4_nopad_bin IN ('ada', 'GRACE', 'Zoë')", "AS BINARY)");
        assertPushed("SELECT id FROM crm.accounts WHERE name > 'Grace' AND name <> 'ada '", "SELECT id FROM crm.accounts WHERE name COLLATE utf8mb4_nopad_bin > 'Grace' AND name COLLATE utf8mb4_nopad_bin <> 'ada '", "AS BINARY) >");
        assertPushed("SELECT id FROM crm.accounts WHERE name LIKE 'a%' OR name LIKE '%ë'", "SELECT id FROM crm.accounts WHERE name COLLATE utf8mb4_nopad_bin LIKE 'a%' OR name COLLATE utf8mb4_nopad_bin LIKE '%ë'", "LIKE");
        // '_' is one character in Basin but one byte in a binary LIKE: that filter stays in Basin,
        // the pushable conjunct beside it is still sent
        String underscore = "SELECT id FROM crm.accounts WHERE name LIKE 'Zo_' AND score > 0";
        assertQuery(underscore, "SELECT id FROM crm.accounts WHERE name COLLATE utf8mb4_nopad_bin LIKE 'Zo_' AND score > 0");
        // ... selecting only the columns Basin still needs (the result's and the LIKE's)
        assertThat(remoteStatements(underscore)).singleElement().asString().contains("`score` > 0").doesNotContain("LIKE").startsWith("SELECT `id`, `name` FROM (");
        String grouped = "SELECT lower(name), count(*) FROM crm.accounts GROUP BY lower(name)";
        assertQuery(grouped, "SELECT lower(name) COLLATE utf8mb4_nopad_bin AS n, count(*) FROM crm.accounts GROUP BY n");
        // MySQL sorts NULL first ascending; Basin last, and the pushed sort says so
        assertQuery("SELECT id, tier FROM crm.accounts ORDER BY tier, id LIMIT 3", "SELECT id, tier FROM crm.accounts ORDER BY tier IS NULL, tier, id LIMIT 3");
        // integer division truncates in Basin (PostgreSQL's rule) and is never sent
        assertQuery("SELECT id, score / 2 FROM crm.accounts", "SELECT id, score DIV 2 FROM crm.accounts");
        assertThat(String.join(" ", remoteStatements("SELECT id, score / 2 FROM crm.accounts"))).doesNotContain("/");
        // hostile literals are escaped (no backslash escapes in Basin's MariaDB sessions)
        assertQuery("SELECT id FROM crm.accounts WHERE score = 5 AND tier = 3", "SELECT id FROM crm.accounts WHERE score = 5 AND tier = 3");
        assertThat(queryMariaDb("SELECT count(*) FROM crm.deals")).containsExactly(List.of(300L));
    }

    @Test
    void postgreSqlMariaDbAndLocalTablesJoin()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        postgres.execute("CREATE SCHEMA IF NOT EXISTS mixed");
        postgres.execute("DROP TABLE IF EXISTS mixed.regions");
        postgres.execute("CREATE TABLE mixed.regions (account_id integer, region text)");
        postgres.execute("INSERT INTO mixed.regions VALUES (1, 'north'), (2, 'south'), (3, 'north'), (4, 'east')");
        session.execute("CREATE EXTERNAL SCHEMA pg_mixed FROM POSTGRES DATABASE '%s' SCHEMA 'mixed' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable'"
                .formatted(TestingPostgreSqlServer.DATABASE, postgres.getPort(), TestingPostgreSqlServer.USER));
        session.execute("CREATE TABLE public.targets AS SELECT * FROM (VALUES ('north', 1000.00), ('south', 500.00), ('east', 10.00)) t(region, target)");
        String sql = "SELECT r.region, sum(d.amount) AS total, max(t.target) AS target FROM crm.deals d JOIN pg_mixed.regions r ON r.account_id = d.account_id "
                + "JOIN public.targets t ON t.region = r.region WHERE d.amount > 100 GROUP BY r.region";
        // the oracle: MariaDB with the other two tables' rows written out
        String mariadbSql = "SELECT r.region, sum(d.amount), max(t.target) FROM crm.deals d "
                + "JOIN (SELECT 1 AS account_id, 'north' AS region UNION ALL SELECT 2, 'south' UNION ALL SELECT 3, 'north' UNION ALL SELECT 4, 'east') r ON r.account_id = d.account_id "
                + "JOIN (SELECT 'north' AS region, 1000.00 AS target UNION ALL SELECT 'south', 500.00 UNION ALL SELECT 'east', 10.00) t ON t.region = r.region WHERE d.amount > 100 GROUP BY r.region";
        assertQuery(sql, mariadbSql);
        List<String> remote = remoteStatements(sql);
        // the MariaDB side's filter runs in MariaDB; the PostgreSQL table is read as it is
        assertThat(remote).containsExactly("SELECT `account_id`, CAST(`amount` AS DECIMAL(12, 2)) AS `amount` FROM `crm`.`deals` WHERE `amount` > 100.00");
    }
}
