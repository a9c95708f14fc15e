package io.basin.testing;

import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.basin.error.BasinException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Assertions that run SQL on Basin and on PostgreSQL, the oracle, and compare the rows with
 * {@link ResultComparator}: as multisets, or in order when the query has a top-level
 * {@code ORDER BY} (which must then order the rows completely).
 * <p>
 * One instance holds one PostgreSQL connection whose {@code search_path} is the given schema, so
 * the same unqualified SQL text names the same tables in both engines. Not thread-safe.
 * <pre>{@code
 * QueryAssertions assertions = new QueryAssertions(TestingPostgreSqlServer.shared(), "semantics");
 * assertions.executeInBoth(session, "CREATE TABLE t (a integer, b varchar)");
 * assertions.assertQuery(session, "SELECT a, count(*) FROM t GROUP BY a");
 * }</pre>
 */
public final class QueryAssertions
        implements AutoCloseable
{
    private final TestingPostgreSqlServer postgres;
    private final String schema;
    private Connection connection;

    public QueryAssertions(TestingPostgreSqlServer postgres, String schema)
    {
        this.postgres = requireNonNull(postgres, "postgres is null");
        this.schema = requireNonNull(schema, "schema is null");
        postgres.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }

    /** Runs {@code sql} on Basin and PostgreSQL and asserts the same rows come back. */
    public void assertQuery(BasinSession session, String sql)
    {
        assertQuery(session, sql, sql);
    }

    /**
     * Runs {@code basinSql} on Basin and {@code postgresSql}, its PostgreSQL spelling, on the
     * oracle and asserts the same rows come back; ordered when {@code basinSql} has a top-level
     * {@code ORDER BY}.
     */
    public void assertQuery(BasinSession session, String basinSql, String postgresSql)
    {
        List<List<Object>> expected = queryPostgres(postgresSql);
        QueryResult actual = executeOnBasin(session, basinSql);
        boolean ordered = hasTopLevelOrderBy(basinSql);
        Optional<String> difference = ResultComparator.compare(expected, actual.rows(), ordered);
        if (difference.isPresent()) {
            fail("Basin's result differs from PostgreSQL's%nBasin:      %s%nPostgreSQL: %s%n%s".formatted(
                    oneLine(basinSql), oneLine(postgresSql), difference.get()));
        }
    }

    /**
     * Asserts that Basin rejects {@code sql} with the given SQLSTATE and a message containing a
     * match of {@code messageRegex}.
     */
    public static void assertQueryFails(BasinSession session, String sql, String sqlState, String messageRegex)
    {
        requireNonNull(sqlState, "sqlState is null");
        requireNonNull(messageRegex, "messageRegex is null");
        BasinException failure;
        try {
            QueryResult result = session.execute(sql);
            fail("Expected Basin to fail with SQLSTATE %s, but it returned %s rows%nQuery: %s".formatted(sqlState, result.rows().size(), oneLine(sql)));
            return;
        }
        catch (BasinException e) {
            failure = e;
        }
        assertThat(failure.sqlState())
                .as("SQLSTATE of '%s' (message: %s)", oneLine(sql), failure.getMessage())
                .isEqualTo(sqlState);
        assertThat(Pattern.compile(messageRegex).matcher(String.valueOf(failure.getMessage())).find())
                .as("message of '%s' matches /%s/: %s", oneLine(sql), messageRegex, failure.getMessage())
                .isTrue();
    }

    /**
     * Asserts that PostgreSQL rejects {@code sql} with {@code sqlState}, and Basin too — the oracle
     * confirms that the statement is an error, not only Basin's opinion.
     */
    public void assertBothFail(BasinSession session, String sql, String sqlState, String messageRegex)
    {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
            fail("Expected PostgreSQL to fail with SQLSTATE %s: %s".formatted(sqlState, oneLine(sql)));
        }
        catch (SQLException e) {
            assertThat(e.getSQLState()).as("PostgreSQL's SQLSTATE for '%s' (message: %s)", oneLine(sql), e.getMessage()).isEqualTo(sqlState);
        }
        assertQueryFails(session, sql, sqlState, messageRegex);
    }

    /** Runs a statement (DDL, DML) on both engines, e.g. to create identical test tables. */
    public void executeInBoth(BasinSession session, String sql)
    {
        executeOnPostgres(sql);
        executeOnBasin(session, sql);
    }

    public void executeOnPostgres(String sql)
    {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL failed to execute: " + oneLine(sql), e);
        }
    }

    /** The oracle's rows for {@code sql}, with values as {@link #readValue} maps them. */
    public List<List<Object>> queryPostgres(String sql)
    {
        try (Statement statement = connection().createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            return readRows(resultSet);
        }
        catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL (the oracle) failed to run: " + oneLine(sql), e);
        }
    }

    private static QueryResult executeOnBasin(BasinSession session, String sql)
    {
        try {
            return session.execute(sql);
        }
        catch (BasinException e) {
            throw new AssertionError("Basin failed with SQLSTATE %s: %s%nQuery: %s".formatted(e.sqlState(), e.getMessage(), oneLine(sql)), e);
        }
    }

    public static List<List<Object>> readRows(ResultSet resultSet)
            throws SQLException
    {
        ResultSetMetaData metadata = resultSet.getMetaData();
        int columns = metadata.getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int column = 1; column <= columns; column++) {
                row.add(readValue(resultSet, column, metadata.getColumnType(column)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One JDBC value as the Java object Basin would return for it. */
    public static Object readValue(ResultSet resultSet, int column, int jdbcType)
            throws SQLException
    {
        Object value = switch (jdbcType) {
            case Types.DATE -> resultSet.getObject(column, LocalDate.class);
            case Types.TIMESTAMP -> resultSet.getObject(column, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> resultSet.getObject(column, OffsetDateTime.class);
            case Types.TIME -> resultSet.getObject(column, LocalTime.class);
            case Types.NUMERIC, Types.DECIMAL -> resultSet.getBigDecimal(column);
            case Types.BIGINT -> resultSet.getLong(column);
            case Types.INTEGER -> resultSet.getInt(column);
            case Types.SMALLINT, Types.TINYINT -> resultSet.getShort(column);
            case Types.DOUBLE, Types.FLOAT -> resultSet.getDouble(column);
            case Types.REAL -> resultSet.getFloat(column);
            case Types.BIT, Types.BOOLEAN -> resultSet.getBoolean(column);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR -> resultSet.getString(column);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> resultSet.getBytes(column);
            default -> resultSet.getObject(column);
        };
        return resultSet.wasNull() ? null : value;
    }

    /**
     * Whether the statement ends in an {@code ORDER BY} that orders its result: one outside all
     * parentheses (so not in a subquery, window or aggregate), ignoring string literals, quoted
     * identifiers and comments.
     */
    public static boolean hasTopLevelOrderBy(String sql)
    {
        int depth = 0;
        String previousWord = null;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                i = end + 1;
                previousWord = null;
            }
            else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            }
            else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            }
            else if (c == '(') {
                depth++;
                i++;
                previousWord = null;
            }
            else if (c == ')') {
                depth--;
                i++;
                previousWord = null;
            }
            else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (depth == 0 && word.equalsIgnoreCase("by") && "order".equalsIgnoreCase(previousWord)) {
                    return true;
                }
                previousWord = word;
                i = end;
            }
            else {
                if (!Character.isWhitespace(c)) {
                    previousWord = null;
                }
                i++;
            }
        }
        return false;
    }

    private Connection connection()
    {
        try {
            if (connection == null || connection.isClosed()) {
                connection = postgres.createConnection(schema);
            }
            return connection;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to PostgreSQL", e);
        }
    }

    private static String oneLine(String sql)
    {
        return sql.strip().replaceAll("\\s+", " ");
    }

    @Override
    public void close()
            throws SQLException
    {
        if (connection != null) {
            connection.close();
        }
    }
}
