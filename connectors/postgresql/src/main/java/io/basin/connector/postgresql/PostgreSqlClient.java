package io.basin.connector.postgresql;

import io.basin.connector.jdbc.JdbcClient;
import io.basin.connector.jdbc.JdbcRelation;
import io.basin.connector.jdbc.RemoteColumn;
import io.basin.connector.jdbc.RemoteStatistics;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaTableName;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_CONNECTION_ERROR;
import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_QUERY_ERROR;
import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_TIMEOUT;
import static java.util.Objects.requireNonNull;

/**
 * One PostgreSQL database, reached through a HikariCP pool: its catalog (schemas, relations,
 * columns, statistics) and connections for reading. Every failure becomes a {@link TrinoException}
 * naming the catalog; messages never contain the password (PostgreSQL's own messages do not).
 */
final class PostgreSqlClient
        extends JdbcClient
{
    private static final String COLUMNS_SQL = """
            SELECT a.attname,
                   COALESCE(bt.typname, t.typname),
                   COALESCE(bt.typtype, t.typtype),
                   COALESCE(bt.typcategory, t.typcategory),
                   CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
                   format_type(a.atttypid, a.atttypmod),
                   a.attnotnull,
                   col_description(c.oid, a.attnum)
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
            WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum""";

    private final PostgreSqlConfig config;

    PostgreSqlClient(String catalogName, PostgreSqlConfig config)
    {
        requireNonNull(config, "config is null");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {config.host()});
        dataSource.setPortNumbers(new int[] {config.port()});
        dataSource.setDatabaseName(config.database());
        dataSource.setUser(config.user());
        config.password().ifPresent(dataSource::setPassword);
        dataSource.setSslMode(config.sslMode().jdbcValue());
        config.sslRootCert().ifPresent(path -> dataSource.setSslRootCert(path.toString()));
        int connectSeconds = (int) Math.max(1, Math.ceilDiv(config.connectTimeout().toMillis(), 1000));
        dataSource.setConnectTimeout(connectSeconds);
        dataSource.setLoginTimeout(connectSeconds);
        dataSource.setApplicationName("basin");
        dataSource.setTcpKeepAlive(true);
        // Basin's literals are standard SQL strings: a backslash is an ordinary character; UTC, so
        // timestamptz values compare with timestamps as Basin's UTC representation does
        dataSource.setOptions("-c statement_timeout=%d -c TimeZone=UTC -c standard_conforming_strings=on -c DateStyle=ISO -c IntervalStyle=postgres -c extra_float_digits=3"
                .formatted(config.statementTimeout().toMillis()));

        super(catalogName, "postgresql", dataSource, config.poolMaxSize(), config.connectTimeout(), Optional.empty());
        this.config = config;
    }

    PostgreSqlConfig config()
    {
        return config;
    }

    @Override
    public String productName()
    {
        return "PostgreSQL";
    }

    @Override
    public ErrorCodeSupplier queryError()
    {
        return POSTGRESQL_QUERY_ERROR;
    }

    @Override
    public int fetchSize()
    {
        return config.fetchSize();
    }

    @Override
    public List<String> listSchemas()
    {
        return query("""
                SELECT nspname FROM pg_catalog.pg_namespace
                WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                  AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
                  AND has_schema_privilege(oid, 'USAGE')
                ORDER BY 1""", List.of(), resultSet -> resultSet.getString(1));
    }

    /** Tables, views, materialized views, foreign and partitioned tables of a schema. */
    @Override
    public List<SchemaTableName> listTables(Optional<String> schema)
    {
        String sql = """
                SELECT n.nspname, c.relname FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
                  AND (CAST(? AS text) IS NULL OR n.nspname = ?)
                ORDER BY 1, 2""";
        String name = schema.orElse(null);
        List<Object> parameters = new ArrayList<>();
        parameters.add(name);
        parameters.add(name);
        return query(sql, parameters, resultSet -> new SchemaTableName(resultSet.getString(1), resultSet.getString(2)));
    }

    /**
     * The relation that Basin's lower-case name {@code schema.table} denotes: the Trino SPI folds
     * names to lower case, so {@code "Mixed Case"} in PostgreSQL is {@code "mixed case"} in Basin.
     * Two PostgreSQL names that differ only in case make the name ambiguous, which is an error.
     */
    @Override
    public Optional<JdbcRelation.Named> findRelation(String schema, String table)
    {
        List<JdbcRelation.Named> found = query("""
                SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE lower(n.nspname) = ? AND lower(c.relname) = ? AND c.relkind IN ('r', 'v', 'm', 'f', 'p')
                ORDER BY n.nspname = ? AND c.relname = ? DESC""",
                List.of(schema, table, schema, table), resultSet -> new JdbcRelation.Named(resultSet.getString(1), resultSet.getString(2)));
        if (found.size() > 1 && !(found.get(0).schema().equals(schema) && found.get(0).table().equals(table))) {
            throw new TrinoException(POSTGRESQL_QUERY_ERROR, "Table %s.%s of %s is ambiguous: PostgreSQL has %s".formatted(schema, table, catalogName(), found));
        }
        return found.stream().findFirst();
    }

    /** The estimated size in blocks of an ordinary table ({@code pg_class.relpages}); empty for any other relation. */
    OptionalLong tablePages(String schema, String table)
    {
        List<Long> pages = query("""
                SELECT c.relpages FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'r'""", List.of(schema, table), resultSet -> resultSet.getLong(1));
        return pages.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pages.getFirst());
    }

    /** The columns of a relation in order, as PostgreSQL describes them. */
    @Override
    public List<RemoteColumn> getColumns(String schema, String table)
    {
        return query(COLUMNS_SQL, List.of(schema, table), PostgreSqlClient::remoteColumn);
    }

    /**
     * Statistics of a relation: its estimated row count ({@code pg_class.reltuples}, unknown until
     * analyzed) and each analyzed column's number of distinct values and fraction of nulls
     * ({@code pg_stats.n_distinct}, {@code null_frac}).
     */
    @Override
    public RemoteStatistics getStatistics(String schema, String table)
    {
        List<Double> rows = query("""
                SELECT c.reltuples FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ?""", List.of(schema, table), resultSet -> resultSet.getDouble(1));
        OptionalDouble rowCount = rows.isEmpty() || rows.getFirst() < 0 ? OptionalDouble.empty() : OptionalDouble.of(rows.getFirst());
        record ColumnStatistics(String column, double distinct, double nullFraction) {}
        Map<String, Double> distinct = new LinkedHashMap<>();
        Map<String, Double> nullFractions = new LinkedHashMap<>();
        for (ColumnStatistics column : query("""
                SELECT attname, n_distinct, null_frac FROM pg_catalog.pg_stats WHERE schemaname = ? AND tablename = ?""",
                List.of(schema, table), resultSet -> new ColumnStatistics(resultSet.getString(1), resultSet.getDouble(2), resultSet.getDouble(3)))) {
            nullFractions.put(column.column(), column.nullFraction());
            // negative: minus the fraction of rows that are distinct
            if (column.distinct() >= 0) {
                distinct.put(column.column(), column.distinct());
            }
            else if (rowCount.isPresent()) {
                distinct.put(column.column(), -column.distinct() * rowCount.getAsDouble());
            }
        }
        return new RemoteStatistics(rowCount, distinct, nullFractions);
    }

    /**
     * The output columns of a {@code SELECT} statement, as PostgreSQL describes them without
     * running it (a prepared statement's description).
     */
    @Override
    public List<RemoteColumn> describeQuery(String sql)
    {
        try (Connection connection = openConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            ResultSetMetaData metadata = statement.getMetaData();
            if (metadata == null) {
                throw new TrinoException(POSTGRESQL_QUERY_ERROR, "PostgreSQL statement of %s returns no rows: %s".formatted(catalogName(), sql));
            }
            List<RemoteColumn> columns = new ArrayList<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                String typeName = metadata.getColumnTypeName(column);
                int precision = metadata.getPrecision(column);
                int scale = metadata.getScale(column);
                int typmod = switch (typeName) {
                    case "numeric" -> precision > 0 && precision <= 1000 ? ((precision << 16) | scale) + 4 : -1;
                    case "varchar", "bpchar" -> precision > 0 && precision < 10_485_760 ? precision + 4 : -1;
                    default -> -1;
                };
                char category = typeName.startsWith("_") ? 'A' : 'X';
                String display = typmod < 0 ? typeName : "%s(%s)".formatted(typeName, typeName.equals("numeric") ? precision + "," + scale : precision);
                columns.add(new RemoteColumn(metadata.getColumnLabel(column), new RemoteType(typeName, 'b', category, typmod, display), true, Optional.empty()));
            }
            return columns;
        }
        catch (SQLException e) {
            throw queryFailure(e);
        }
    }

    private static RemoteColumn remoteColumn(ResultSet resultSet)
            throws SQLException
    {
        return new RemoteColumn(
                resultSet.getString(1),
                new RemoteType(resultSet.getString(2), resultSet.getString(3).charAt(0), resultSet.getString(4).charAt(0), resultSet.getInt(5), resultSet.getString(6)),
                !resultSet.getBoolean(7),
                Optional.ofNullable(resultSet.getString(8)));
    }

    @Override
    public TrinoException connectionFailure(SQLException e)
    {
        // HikariCP reports a timeout; the server's reason is the cause
        Throwable reason = e instanceof SQLTransientConnectionException && e.getCause() != null ? e.getCause() : e;
        return new TrinoException(POSTGRESQL_CONNECTION_ERROR, "Cannot connect to PostgreSQL server %s:%s, database %s, for %s: %s"
                .formatted(config.host(), config.port(), config.database(), catalogName(), reason.getMessage()), e);
    }

    /** The failure of a statement Basin itself canceled at the source because its query was canceled. */
    @Override
    public TrinoException canceledByBasin(SQLException e)
    {
        return new TrinoException(POSTGRESQL_TIMEOUT, "PostgreSQL statement of %s was canceled because the Basin query was canceled (SQLSTATE %s)"
                .formatted(catalogName(), e.getSQLState()), e);
    }

    @Override
    public TrinoException queryFailure(SQLException e)
    {
        if ("57014".equals(e.getSQLState())) {
            return new TrinoException(POSTGRESQL_TIMEOUT, "PostgreSQL statement of %s was canceled (statement timeout %s ms): %s"
                    .formatted(catalogName(), config.statementTimeout().toMillis(), e.getMessage()), e);
        }
        if (e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
            // 57P01-57P03: the server was shut down or the backend terminated (pg_terminate_backend)
            return new TrinoException(POSTGRESQL_CONNECTION_ERROR, "PostgreSQL server %s:%s ended the connection of %s during a statement (SQLSTATE %s): %s"
                    .formatted(config.host(), config.port(), catalogName(), e.getSQLState(), e.getMessage()), e);
        }
        return new TrinoException(POSTGRESQL_QUERY_ERROR, "PostgreSQL failed a statement of %s (SQLSTATE %s): %s"
                .formatted(catalogName(), e.getSQLState(), e.getMessage()), e);
    }
}
