package io.basin.connector.mysql;

import io.basin.connector.jdbc.TestingJdbcReads;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.statistics.TableStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_INVALID_CONFIGURATION;
import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parallel reads of large MariaDB tables by ranges of their integer primary key: the rows read
 * are checked against MariaDB's own count and sum, and the range statements against what
 * MariaDB logged (its general log).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestMySqlParallelReads
{
    private TestingMySqlServer server;
    private Connector parallel;

    @BeforeAll
    void setUp()
    {
        server = new TestingMySqlServer();
        server.execute("CREATE DATABASE ranges");
        server.execute("CREATE TABLE ranges.big (id bigint PRIMARY KEY, payload varchar(40))");
        // keys with gaps and negatives, so ranges are not simply row numbers
        server.execute("INSERT INTO ranges.big SELECT CAST(seq AS SIGNED) * 3 - 5000, md5(seq) FROM ranges.seq_1_to_20000");
        server.execute("CREATE TABLE ranges.small (id int PRIMARY KEY, payload varchar(40))");
        server.execute("INSERT INTO ranges.small SELECT seq, md5(seq) FROM ranges.seq_1_to_10");
        server.execute("CREATE TABLE ranges.text_key (code varchar(20) PRIMARY KEY, n int)");
        server.execute("INSERT INTO ranges.text_key SELECT concat('k', seq), seq FROM ranges.seq_1_to_5000");
        server.execute("CREATE TABLE ranges.composite (a int, b int, PRIMARY KEY (a, b))");
        server.execute("INSERT INTO ranges.composite SELECT seq, seq FROM ranges.seq_1_to_5000");
        server.execute("ANALYZE TABLE ranges.big, ranges.small, ranges.text_key, ranges.composite");
        Map<String, String> properties = new HashMap<>(server.catalogProperties());
        properties.put(MySqlConfig.READ_PARALLELISM, "4");
        properties.put(MySqlConfig.PARALLEL_READ_MIN_ROWS, "1000");
        parallel = new MySqlConnectorFactory().create("parallel", properties, null);
    }

    @AfterAll
    void tearDown()
    {
        parallel.shutdown();
        server.close();
    }

    private List<Object> oracleRow(String sql)
    {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return List.of(resultSet.getLong(1), resultSet.getLong(2));
        }
        catch (SQLException e) {
            throw new IllegalStateException("MariaDB failed to run: " + sql, e);
        }
    }

    private List<ConnectorSplit> splits(String table)
    {
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(parallel);
        try {
            return TestingJdbcReads.splits(parallel, transaction, TestingJdbcReads.table(parallel, transaction, "ranges", table));
        }
        finally {
            parallel.commit(transaction);
        }
    }

    @Test
    void statisticsComeFromInformationSchema()
    {
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(parallel);
        try {
            ConnectorMetadata metadata = parallel.getMetadata(SESSION, transaction);
            ConnectorTableHandle table = TestingJdbcReads.table(parallel, transaction, "ranges", "composite");
            TableStatistics statistics = metadata.getTableStatistics(SESSION, table);
            List<Object> expected = oracleRow("""
                    SELECT t.TABLE_ROWS, s.CARDINALITY FROM information_schema.TABLES t JOIN information_schema.STATISTICS s
                    ON s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME AND s.INDEX_NAME = 'PRIMARY' AND s.SEQ_IN_INDEX = 1
                    WHERE t.TABLE_SCHEMA = 'ranges' AND t.TABLE_NAME = 'composite'""");
            assertThat(statistics.getRowCount().getValue()).isEqualTo(((Long) expected.get(0)).doubleValue());
            Map<String, ColumnHandle> columns = metadata.getColumnHandles(SESSION, table);
            // the key's leading column has an index cardinality; the second column leads no index
            assertThat(statistics.getColumnStatistics().get(columns.get("a")).getDistinctValuesCount().getValue())
                    .isEqualTo(Math.min(((Long) expected.get(1)).doubleValue(), ((Long) expected.get(0)).doubleValue()));
            assertThat(statistics.getColumnStatistics()).doesNotContainKey(columns.get("b"));
        }
        finally {
            parallel.commit(transaction);
        }
    }

    @Test
    void largeTableIsReadByKeyRangesOnSeparateStatements()
    {
        List<Object> expected = oracleRow("SELECT count(*), sum(id) FROM ranges.big");
        server.execute("SET GLOBAL log_output = 'TABLE'");
        server.execute("TRUNCATE mysql.general_log");
        server.execute("SET GLOBAL general_log = 1");
        List<List<Object>> rows;
        List<ConnectorSplit> splits;
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(parallel);
        try {
            ConnectorMetadata metadata = parallel.getMetadata(SESSION, transaction);
            ConnectorTableHandle table = TestingJdbcReads.table(parallel, transaction, "ranges", "big");
            List<ColumnHandle> columns = List.copyOf(metadata.getColumnHandles(SESSION, table).values());
            splits = TestingJdbcReads.splits(parallel, transaction, table);
            rows = TestingJdbcReads.read(parallel, transaction, table, columns);
        }
        finally {
            parallel.commit(transaction);
            server.execute("SET GLOBAL general_log = 0");
        }
        assertThat(splits).hasSize(4);
        assertThat(splits).allSatisfy(split -> assertThat(((MySqlSplit) split).keyColumn()).contains("id"));
        assertThat((long) rows.size()).isEqualTo(expected.get(0));
        assertThat(rows.stream().map(List::getFirst).distinct().count()).isEqualTo(expected.get(0));
        assertThat(rows.stream().mapToLong(row -> (Long) row.getFirst()).sum()).isEqualTo(expected.get(1));
        // what MariaDB ran: four range statements over the table, the first and last open-ended
        List<Object> logged = oracleRow("""
                SELECT count(*), sum(argument LIKE '% WHERE `id` >= % AND `id` < %')
                FROM mysql.general_log
                WHERE command_type IN ('Query', 'Execute') AND argument LIKE 'SELECT `id`, `payload` FROM `ranges`.`big`%'""");
        assertThat(logged).containsExactly(4L, 2L);
    }

    @Test
    void smallTablesAndTablesWithoutAnIntegerKeyAreOneSplit()
    {
        assertThat(splits("small")).containsExactly(MySqlSplit.whole());
        assertThat(splits("text_key")).containsExactly(MySqlSplit.whole());
        assertThat(splits("composite")).containsExactly(MySqlSplit.whole());
        assertThat(oracleRow("SELECT count(*), sum(n) FROM ranges.text_key")).isEqualTo(List.of(
                (long) TestingJdbcReads.readAll(parallel, "ranges", "text_key").size(),
                TestingJdbcReads.readAll(parallel, "ranges", "text_key").stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum()));
    }

    @Test
    void rangesCoverTheWholeKeySpace()
    {
        List<ConnectorSplit> ranges = MySqlSplitManager.ranges(new MySqlClient.KeyRange("k", Long.MIN_VALUE, Long.MAX_VALUE), 4);
        // wider than a long: one split
        assertThat(ranges).containsExactly(MySqlSplit.whole());
        ranges = MySqlSplitManager.ranges(new MySqlClient.KeyRange("k", 5, 6), 4);
        assertThat(ranges).hasSize(2);
        assertThat(((MySqlSplit) ranges.get(0)).high()).hasValue(6);
        assertThat(((MySqlSplit) ranges.get(1)).low()).hasValue(6);
    }

    @Test
    void parallelismBeyondThePoolIsRejected()
    {
        Map<String, String> properties = new HashMap<>(server.catalogProperties());
        properties.put(MySqlConfig.POOL_MAX_SIZE, "2");
        properties.put(MySqlConfig.READ_PARALLELISM, "3");
        assertThatThrownBy(() -> MySqlConfig.fromProperties(properties))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(MYSQL_INVALID_CONFIGURATION.toErrorCode()))
                .hasMessageContaining("read-parallelism");
    }
}
