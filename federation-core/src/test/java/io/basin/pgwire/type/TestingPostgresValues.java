package io.basin.pgwire.type;

import io.basin.testing.TestingPostgreSqlServer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The oracle of the codec tests: PostgreSQL 17's text output and {@code *send} bytes of values,
 * many values per query. Each value is given to PostgreSQL as a text "source" ({@code v}) and
 * turned into the value by an SQL expression over {@code v}, e.g. {@code v::numeric(10,2)} or
 * {@code date '1970-01-01' + v::int}; sources are written by Java ({@link Double#toString}, plain
 * decimal strings, day numbers), never by the code under test.
 * <p>
 * The connection reads results in text format ({@code binaryTransfer=false}), so that
 * {@link #texts} returns PostgreSQL's output function's text; the session has the settings the
 * codec follows: {@code DateStyle = ISO, MDY}, {@code IntervalStyle = postgres},
 * {@code extra_float_digits = 1}, {@code TimeZone = UTC}.
 */
final class TestingPostgresValues
        implements AutoCloseable
{
    private final Connection connection;

    TestingPostgresValues()
    {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.shared();
        Properties properties = new Properties();
        properties.setProperty("user", TestingPostgreSqlServer.USER);
        properties.setProperty("binaryTransfer", "false");
        try {
            connection = DriverManager.getConnection(server.getJdbcUrl(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET DateStyle = 'ISO, MDY'");
                statement.execute("SET IntervalStyle = 'postgres'");
                statement.execute("SET extra_float_digits = 1");
                statement.execute("SET TimeZone = 'UTC'");
                statement.execute("SET bytea_output = 'hex'");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to PostgreSQL", e);
        }
    }

    /** PostgreSQL's text of {@code expression} for each source; null where the source is null. */
    List<String> texts(String expression, List<String> sources)
    {
        return query(expression, sources, resultSet -> {
            try {
                return resultSet.getString(1);
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The bytes of {@code sendFunction(expression)} (a bytea) for each source. */
    List<byte[]> sendBytes(String sendFunction, String expression, List<String> sources)
    {
        return query(sendFunction + "(" + expression + ")", sources, resultSet -> {
            try {
                return resultSet.getBytes(1);
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One value of one query, as text. */
    String text(String sql)
    {
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getString(1);
        }
        catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL failed: " + sql, e);
        }
    }

    /** Rows of one query, all columns as text. */
    List<List<String>> rows(String sql)
    {
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
        catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL failed: " + sql, e);
        }
    }

    /** The SQLSTATE and message PostgreSQL fails {@code sql} with. */
    SQLException failure(String sql)
    {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery(sql).close();
        }
        catch (SQLException e) {
            return e;
        }
        throw new IllegalStateException("PostgreSQL did not fail: " + sql);
    }

    private <T> List<T> query(String expression, List<String> sources, Function<ResultSet, T> reader)
    {
        requireNonNull(expression, "expression is null");
        String sql = "SELECT " + expression + " FROM unnest(?::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", sources.toArray(String[]::new));
            statement.setArray(1, array);
            List<T> results = new ArrayList<>(sources.size());
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    results.add(reader.apply(resultSet));
                }
            }
            if (results.size() != sources.size()) {
                throw new IllegalStateException("Expected %s rows, got %s".formatted(sources.size(), results.size()));
            }
            return results;
        }
        catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL failed: " + sql, e);
        }
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }
}
