package io.basin.benchmarks;

import io.trino.tpch.TpchTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * DuckDB reading the very Parquet files of Basin's lake tables: one view per TPC-H table over
 * {@code read_parquet} of the table's data files (written before by {@link LakeBasinBenchmarkEngine}).
 */
final class DuckDbParquetBenchmarkEngine
        implements BenchmarkEngine
{
    private final Path dataDirectory;
    private final Connection connection;

    DuckDbParquetBenchmarkEngine(Path dataDirectory, int threads)
            throws SQLException
    {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("SET autoload_known_extensions = false");
            statement.execute("SET threads = " + threads);
        }
    }

    @Override
    public String name()
    {
        return "DuckDB (read_parquet of the same files)";
    }

    @Override
    public void load(double scaleFactor, LoadProgress progress)
            throws Exception
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            long start = System.nanoTime();
            List<Path> files = LakeBasinBenchmarkEngine.dataFiles(dataDirectory, scaleFactor, table.getTableName());
            String list = files.stream().map(file -> "'" + file.toString().replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIEW %s AS SELECT * FROM read_parquet(%s)".formatted(table.getTableName(), list));
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table.getTableName())) {
                    result.next();
                    progress.tableLoaded(table.getTableName(), result.getLong(1), System.nanoTime() - start);
                }
            }
        }
    }

    @Override
    public long execute(String sql)
            throws SQLException
    {
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
        }
        return rows;
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }
}
