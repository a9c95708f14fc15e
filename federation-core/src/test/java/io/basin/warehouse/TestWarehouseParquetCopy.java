package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.error.BasinException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code COPY ... FORMAT PARQUET} and {@code UNLOAD ... FORMAT PARQUET} on warehouse tables. The
 * oracle is DuckDB: it writes the Parquet file that COPY loads and answers the same query over
 * it, and it reads the file UNLOAD wrote, compared with the same query DuckDB runs over the
 * source file.
 */
class TestWarehouseParquetCopy
{
    private static final String COLUMNS = "(id bigint, name varchar(40), balance decimal(12, 2), born date, flag boolean, score double precision, seen timestamp, qty integer)";
    private static final String GENERATE = """
            SELECT i::BIGINT AS id,
                   CASE WHEN i % 10 = 0 THEN NULL ELSE 'name#' || (i * 7919 % 100000) END AS name,
                   CASE WHEN i % 12 = 0 THEN NULL ELSE ((i * 104729 % 19999999) - 9999999) / 100.0 END::DECIMAL(12, 2) AS balance,
                   CASE WHEN i % 15 = 0 THEN NULL ELSE DATE '1970-01-01' + CAST(i * 31 % 40000 - 20000 AS INTEGER) END AS born,
                   CASE WHEN i % 7 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
                   CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 613 % 2000000 - 1000000) / 64.0 END::DOUBLE AS score,
                   CASE WHEN i % 13 = 0 THEN NULL ELSE TIMESTAMP '2000-01-01 00:00:00' + to_microseconds(i * 7777777777) END AS seen,
                   (i % 50000)::INTEGER AS qty
            FROM range(1, 30001) t(i)""";
    private static final String SELECT = "SELECT id, name, balance, born, flag, score, seen, qty FROM %s ORDER BY id";

    @TempDir
    Path directory;

    @Test
    void testCopyParquetAndUnloadMatchDuckDb()
            throws Exception
    {
        Path source = directory.resolve("source.parquet");
        Path unloaded = directory.resolve("out").resolve("orders_");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
                BasinSession session = basin.newSession()) {
            execute(duckdb, "COPY (" + GENERATE + ") TO '" + source + "' (FORMAT parquet)");
            session.execute("CREATE TABLE loaded " + COLUMNS + " SORTKEY (born)");
            assertThat(session.execute("COPY loaded FROM 'file:" + source + "' FORMAT AS PARQUET").updateCount()).isEqualTo(30000);

            String sourceView = "read_parquet('" + source + "')";
            assertThat(rows(session.execute(SELECT.formatted("loaded")).rows())).isEqualTo(duckRows(duckdb, SELECT.formatted(sourceView)));

            String filter = "SELECT id, name, balance, born, flag, score, seen, qty FROM %s WHERE qty < 20000 AND (flag OR name IS NULL)";
            assertThat(session.execute("UNLOAD ('" + filter.formatted("loaded").replace("'", "''") + "') TO '" + unloaded + "' FORMAT PARQUET").updateCount())
                    .isEqualTo(duckCount(duckdb, "SELECT count(*) FROM (" + filter.formatted(sourceView) + ")"));
            Path part = unloaded.resolveSibling("orders_0000_part_00.parquet");
            assertThat(part).exists();
            assertThat(duckRows(duckdb, SELECT.formatted("read_parquet('" + part + "')")))
                    .isEqualTo(duckRows(duckdb, "SELECT * FROM (" + filter.formatted(sourceView) + ") ORDER BY id"));
            // the file is zstd-compressed as DuckDB sees it
            assertThat(duckRows(duckdb, "SELECT DISTINCT compression FROM parquet_metadata('" + part + "')")).isEqualTo(List.of(List.of("ZSTD")));

            // a file whose values do not fit loads nothing
            Path tooLong = directory.resolve("too-long.parquet");
            execute(duckdb, "COPY (SELECT 1::BIGINT AS id, repeat('x', 41) AS name) TO '" + tooLong + "' (FORMAT parquet)");
            assertThatThrownBy(() -> session.execute("COPY loaded FROM '" + tooLong + "' FORMAT PARQUET"))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("22P04"))
                    .hasMessageContaining("row 1, column name (2)");
            assertThat(session.execute("SELECT count(*) FROM loaded").rows()).isEqualTo(List.of(List.of(30000L)));

            // a failed query leaves no file behind
            Path failed = directory.resolve("failed_");
            assertThatThrownBy(() -> session.execute("UNLOAD ('SELECT id / (id - id) FROM loaded') TO '" + failed + "' FORMAT PARQUET"))
                    .isInstanceOf(BasinException.class);
            try (var files = Files.list(directory)) {
                assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.contains("failed_"))).isEmpty();
            }
        }
    }

    private static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long duckCount(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<List<String>> duckRows(Connection connection, String sql)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = switch (result.getMetaData().getColumnType(i)) {
                        case java.sql.Types.DATE -> result.getObject(i, java.time.LocalDate.class);
                        case java.sql.Types.TIMESTAMP -> result.getObject(i, java.time.LocalDateTime.class);
                        default -> result.getObject(i);
                    };
                    row.add(normalize(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> rows(List<List<Object>> rows)
    {
        return rows.stream().map(row -> row.stream().map(TestWarehouseParquetCopy::normalize).toList()).toList();
    }

    private static String normalize(Object value)
    {
        return switch (value) {
            case null -> "NULL";
            case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString();
            case Number number when !(number instanceof Double || number instanceof Float) -> Long.toString(number.longValue());
            default -> value.toString();
        };
    }
}
