package io.basin.benchmarks;

import io.basin.testing.QueryAssertions;
import io.basin.testing.TpchTables;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * DuckDB in process, in memory, as the peer: the same generated rows appended with
 * {@link DuckDBAppender} into tables with Basin's column types ({@link TpchTables}); extensions
 * are never downloaded.
 */
final class DuckDbBenchmarkEngine
        implements BenchmarkEngine
{
    private final Connection connection;

    DuckDbBenchmarkEngine(int threads)
            throws SQLException
    {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("SET autoload_known_extensions = false");
            statement.execute("SET threads = " + threads);
            statement.execute("SET preserve_insertion_order = false");
        }
    }

    @Override
    public String name()
    {
        return "DuckDB";
    }

    @Override
    public void load(double scaleFactor, LoadProgress progress)
            throws SQLException
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            long start = System.nanoTime();
            long rows = load(table, scaleFactor);
            progress.tableLoaded(table.getTableName(), rows, System.nanoTime() - start);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    private <E extends TpchEntity> long load(TpchTable<E> table, double scaleFactor)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TpchTables.createTableSql(table));
        }
        List<TpchColumn<E>> columns = table.getColumns();
        long rows = 0;
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.getTableName())) {
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                appender.beginRow();
                for (TpchColumn<E> column : columns) {
                    switch (column.getType().getBase()) {
                        case IDENTIFIER -> appender.append(column.getIdentifier(row));
                        case INTEGER -> appender.append(column.getInteger(row));
                        case DATE -> appender.appendEpochDays(column.getDate(row));
                        // decimal(12,2) is stored as its unscaled 64-bit value
                        case DOUBLE -> appender.appendDecimal(TpchTables.cents(column.getDouble(row)));
                        case VARCHAR -> appender.append(column.getString(row));
                    }
                }
                appender.endRow();
                rows++;
            }
        }
        return rows;
    }

    @Override
    public long execute(String sql)
            throws SQLException
    {
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                for (int column = 1; column <= columns; column++) {
                    resultSet.getObject(column);
                }
                rows++;
            }
        }
        return rows;
    }

    /** Another connection to the same in-memory database, for concurrent clients. */
    Connection newConnection()
            throws SQLException
    {
        return connection.unwrap(DuckDBConnection.class).duplicate();
    }

    /** Runs a query and returns its rows, for checks. */
    List<List<Object>> query(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            return QueryAssertions.readRows(resultSet);
        }
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }
}
