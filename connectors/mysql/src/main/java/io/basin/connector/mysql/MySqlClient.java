package io.basin.connector.mysql;

import io.basin.connector.jdbc.JdbcClient;
import io.basin.connector.jdbc.JdbcRelation;
import io.basin.connector.jdbc.RemoteColumn;
import io.basin.connector.jdbc.RemoteStatistics;
import io.trino.spi.ErrorCodeSupplier;
import io.basin.pushdown.RemoteSqlDialect;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaTableName;
import org.mariadb.jdbc.MariaDbDataSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_CONNECTION_ERROR;
import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_INVALID_CONFIGURATION;
import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_QUERY_ERROR;
import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_TIMEOUT;
import static java.util.Objects.requireNonNull;

/**
 * One MySQL database, reached through a HikariCP pool: its catalog (schemas, relations,
 * columns, statistics) and connections for reading. Every failure becomes a {@link TrinoException}
 * naming the catalog; messages never contain the password (MySQL's own messages do not).
 */
final class MySqlClient
        extends JdbcClient
{
    private static final String SYSTEM_SCHEMAS = "('information_schema', 'mysql', 'performance_schema', 'sys')";
    private static final String COLUMNS_SQL = """
            SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_PRECISION, NUMERIC_SCALE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE, COLUMN_COMMENT
            FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
            ORDER BY ORDINAL_POSITION""";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

    private final MySqlConfig config;

    MySqlClient(String catalogName, MySqlConfig config)
    {
        requireNonNull(config, "config is null");
        if (!HOST.matcher(config.host()).matches()) {
            // the host is part of the JDBC URL: nothing but a host name or address may go there
            throw new TrinoException(MYSQL_INVALID_CONFIGURATION, "Invalid MySQL connection settings: '%s' is not a host name or address".formatted(config.host()));
        }
        long connectMillis = Math.max(1000, config.connectTimeout().toMillis());
        String url = "jdbc:mariadb://%s:%s/?sslMode=%s%s&connectTimeout=%s&tcpKeepAlive=true&allowLocalInfile=false"
                .formatted(config.host(), config.port(), config.sslMode().jdbcValue(),
                        config.sslRootCert().map(path -> "&serverSslCert=" + URLEncoder.encode(path.toString(), StandardCharsets.UTF_8)).orElse(""),
                        connectMillis);
        MariaDbDataSource dataSource;
        try {
            dataSource = new MariaDbDataSource(url);
            dataSource.setUser(config.user());
            if (config.password().isPresent()) {
                dataSource.setPassword(config.password().get());
            }
        }
        catch (SQLException e) {
            throw new TrinoException(MYSQL_INVALID_CONFIGURATION, "Invalid MySQL connection settings: " + e.getMessage(), e);
        }
        // backslashes are ordinary characters in string literals (as in standard SQL, and as
        // Basin's generated literals assume); timestamps in UTC; the statement timeout in seconds
        String sessionSettings = "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00', max_statement_time = %s"
                .formatted(config.statementTimeout().toMillis() / 1000.0);
        super(catalogName, "mysql", dataSource, config.poolMaxSize(), config.connectTimeout(), Optional.of(sessionSettings));
        this.config = config;
    }

    MySqlConfig config()
    {
        return config;
    }

    @Override
    public String productName()
    {
        return "MySQL";
    }

    @Override
    public ErrorCodeSupplier queryError()
    {
        return MYSQL_QUERY_ERROR;
    }

    @Override
    public int fetchSize()
    {
        return config.fetchSize();
    }

    @Override
    public List<String> listSchemas()
    {
        return query("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN " + SYSTEM_SCHEMAS + " ORDER BY 1",
                List.of(), resultSet -> resultSet.getString(1));
    }

    /** Tables and views of a database, or of all. */
    @Override
    public List<SchemaTableName> listTables(Optional<String> schema)
    {
        List<Object> parameters = new ArrayList<>();
        parameters.add(schema.orElse(null));
        parameters.add(schema.orElse(null));
        return query("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA NOT IN " + SYSTEM_SCHEMAS
                        + " AND (? IS NULL OR TABLE_SCHEMA = ?) ORDER BY 1, 2",
                parameters, resultSet -> new SchemaTableName(resultSet.getString(1), resultSet.getString(2)));
    }

    /**
     * The relation that Basin's lower-case name {@code schema.table} denotes: the Trino SPI folds
     * names to lower case, so {@code "Mixed Case"} in MySQL is {@code "mixed case"} in Basin.
     * Two MySQL names that differ only in case make the name ambiguous, which is an error.
     */
    @Override
    public Optional<JdbcRelation.Named> findRelation(String schema, String table)
    {
        List<JdbcRelation.Named> found = query("""
                SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES
                WHERE lower(TABLE_SCHEMA) = ? AND lower(TABLE_NAME) = ?
                ORDER BY TABLE_SCHEMA = ? AND TABLE_NAME = ? DESC""",
                List.of(schema, table, schema, table), resultSet -> new JdbcRelation.Named(resultSet.getString(1), resultSet.getString(2)));
        if (found.size() > 1 && !(found.get(0).schema().equals(schema) && found.get(0).table().equals(table))) {
            throw new TrinoException(MYSQL_QUERY_ERROR, "Table %s.%s of %s is ambiguous: MySQL has %s".formatted(schema, table, catalogName(), found));
        }
        return found.stream().findFirst();
    }

    /** The columns of a relation in order, as MySQL describes them. */
    @Override
    public List<RemoteColumn> getColumns(String schema, String table)
    {
        return query(COLUMNS_SQL, List.of(schema, table), MySqlClient::remoteColumn);
    }

    /**
     * Statistics of a table: its estimated row count ({@code information_schema.TABLES.TABLE_ROWS};
     * unknown for views) and, for each column that leads an index, its number of distinct values
     * ({@code information_schema.STATISTICS.CARDINALITY} of the index's first column, the
     * largest if several indexes start with it). MySQL keeps no null fractions there.
     */
    @Override
    public RemoteStatistics getStatistics(String schema, String table)
    {
        List<Long> rows = query("SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'",
                List.of(schema, table), resultSet -> resultSet.getObject(1) == null ? -1L : resultSet.getLong(1));
        OptionalDouble rowCount = rows.isEmpty() || rows.getFirst() < 0 ? OptionalDouble.empty() : OptionalDouble.of(rows.getFirst());
        Map<String, Double> distinct = new LinkedHashMap<>();
        if (rowCount.isPresent()) {
            for (Map.Entry<String, Double> column : query("""
                    SELECT COLUMN_NAME, MAX(CARDINALITY) FROM information_schema.STATISTICS
                    WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND SEQ_IN_INDEX = 1 AND CARDINALITY IS NOT NULL GROUP BY COLUMN_NAME""",
                    List.of(schema, table), resultSet -> Map.entry(resultSet.getString(1), resultSet.getDouble(2)))) {
                // an estimate, as TABLE_ROWS is: never more distinct values than rows
                distinct.put(column.getKey(), Math.min(column.getValue(), Math.max(rowCount.getAsDouble(), 1)));
            }
        }
        return new RemoteStatistics(rowCount, distinct, Map.of());
    }

    /** A table's single-column integer primary key and its smallest and largest values. */
    record KeyRange(String column, long min, long max) {}

    /**
     * The range of the table's primary key, if the key is one integer column whose values fit a
     * long (not bigint unsigned) and the table has rows.
     */
    Optional<KeyRange> integerKeyRange(String schema, String table)
    {
        List<String[]> key = query("""
                SELECT k.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE
                FROM information_schema.KEY_COLUMN_USAGE k
                JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = k.TABLE_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME AND c.COLUMN_NAME = k.COLUMN_NAME
                WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.CONSTRAINT_NAME = 'PRIMARY'""",
                List.of(schema, table), resultSet -> new String[] {resultSet.getString(1), resultSet.getString(2), resultSet.getString(3)});
        if (key.size() != 1
                || !Set.of("tinyint", "smallint", "mediumint", "int", "bigint").contains(key.getFirst()[1].toLowerCase(Locale.ROOT))
                || key.getFirst()[2].toLowerCase(Locale.ROOT).matches("bigint.*unsigned.*")) {
            return Optional.empty();
        }
        String column = key.getFirst()[0];
        String quoted = RemoteSqlDialect.MYSQL.quoteIdentifier(column);
        List<long[]> bounds = query("SELECT MIN(%s), MAX(%s) FROM %s".formatted(quoted, quoted, RemoteSqlDialect.MYSQL.quoteQualified(schema, table)),
                List.of(), resultSet -> resultSet.getObject(1) == null ? new long[0] : new long[] {resultSet.getLong(1), resultSet.getLong(2)});
        if (bounds.getFirst().length == 0) {
            return Optional.empty();
        }
        return Optional.of(new KeyRange(column, bounds.getFirst()[0], bounds.getFirst()[1]));
    }

    /**
     * The output columns of a {@code SELECT} statement, as MySQL describes them without
     * running it (a prepared statement's description).
     */
    @Override
    public List<RemoteColumn> describeQuery(String sql)
    {
        try (Connection connection = openConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            ResultSetMetaData metadata = statement.getMetaData();
            if (metadata == null) {
                throw new TrinoException(MYSQL_QUERY_ERROR, "MySQL statement of %s returns no rows: %s".formatted(catalogName(), sql));
            }
            List<RemoteColumn> columns = new ArrayList<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                String typeName = metadata.getColumnTypeName(column).toLowerCase(Locale.ROOT);
                String dataType = switch (typeName) {
                    case "integer" -> "int";
                    default -> typeName.replace(" unsigned", "");
                };
                boolean unsigned = typeName.contains("unsigned") || !metadata.isSigned(column) && NUMERIC.contains(dataType);
                columns.add(new RemoteColumn(metadata.getColumnLabel(column),
                        new RemoteType(dataType, dataType + (unsigned ? " unsigned" : ""), metadata.getPrecision(column), metadata.getScale(column), metadata.getPrecision(column)),
                        true, Optional.empty()));
            }
            return columns;
        }
        catch (SQLException e) {
            throw queryFailure(e);
        }
    }

    private static final java.util.Set<String> NUMERIC = java.util.Set.of("tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double");

    private static RemoteColumn remoteColumn(ResultSet resultSet)
            throws SQLException
    {
        return new RemoteColumn(
                resultSet.getString(1),
                new RemoteType(resultSet.getString(2), resultSet.getString(3), intOrMinusOne(resultSet, 4), intOrMinusOne(resultSet, 5), resultSet.getObject(6) == null ? -1 : resultSet.getLong(6)),
                resultSet.getString(7).equals("YES"),
                Optional.ofNullable(resultSet.getString(8)).filter(comment -> !comment.isEmpty()));
    }

    private static int intOrMinusOne(ResultSet resultSet, int column)
            throws SQLException
    {
        Object value = resultSet.getObject(column);
        return value == null ? -1 : ((Number) value).intValue();
    }

    @Override
    public TrinoException connectionFailure(SQLException e)
    {
        // HikariCP reports a timeout; the server's reason is the cause
        Throwable reason = e instanceof SQLTransientConnectionException && e.getCause() != null ? e.getCause() : e;
        return new TrinoException(MYSQL_CONNECTION_ERROR, "Cannot connect to MySQL server %s:%s for %s: %s"
                .formatted(config.host(), config.port(), catalogName(), reason.getMessage()), e);
    }

    /** The failure of a statement Basin itself canceled at the source because its query was canceled. */
    @Override
    public TrinoException canceledByBasin(SQLException e)
    {
        return new TrinoException(MYSQL_TIMEOUT, "MySQL statement of %s was canceled because the Basin query was canceled (SQLSTATE %s)"
                .formatted(catalogName(), e.getSQLState()), e);
    }

    @Override
    public TrinoException queryFailure(SQLException e)
    {
        // ER_STATEMENT_TIMEOUT (1969, MariaDB's max_statement_time) and ER_QUERY_TIMEOUT (3024)
        if (e.getErrorCode() == 1969 || e.getErrorCode() == 3024) {
            return new TrinoException(MYSQL_TIMEOUT, "MySQL statement of %s was canceled (statement timeout %s ms): %s"
                    .formatted(catalogName(), config.statementTimeout().toMillis(), e.getMessage()), e);
        }
        // ER_CONNECTION_KILLED (1927, KILL CONNECTION) and ER_SERVER_SHUTDOWN (1053), or the socket closed (08xxx)
        if (e.getErrorCode() == 1927 || e.getErrorCode() == 1053 || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
            return new TrinoException(MYSQL_CONNECTION_ERROR, "MySQL server %s:%s ended the connection of %s during a statement (SQLSTATE %s, error %s): %s"
                    .formatted(config.host(), config.port(), catalogName(), e.getSQLState(), e.getErrorCode(), e.getMessage()), e);
        }
        return new TrinoException(MYSQL_QUERY_ERROR, "MySQL failed a statement of %s (SQLSTATE %s): %s"
                .formatted(catalogName(), e.getSQLState(), e.getMessage()), e);
    }
}
