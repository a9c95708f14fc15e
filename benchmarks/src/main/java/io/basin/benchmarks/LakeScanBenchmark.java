package io.basin.benchmarks;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scans of TPC-H lineitem stored as lake Parquet: Basin (the scan fleet over the Iceberg table)
 * against DuckDB reading the very same Parquet files with {@code read_parquet}, in one process,
 * each query once to warm up and then the best of {@code runs}.
 *
 * <p>Usage: {@code LakeScanBenchmark <data-dir> [scale-factor-schema, default sf1] [runs, default 3]}.
 * The lake table is written on the first run (CREATE TABLE AS from tpch) and reused afterwards.
 */
public final class LakeScanBenchmark
{
    private static final List<String[]> QUERIES = List.of(
            new String[] {"count", "SELECT count(*) FROM %s"},
            new String[] {"scan4", "SELECT sum(l_quantity), sum(l_extendedprice), min(l_shipdate), max(l_comment) FROM %s"},
            new String[] {"q1", """
                    SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), sum(l_extendedprice * (1 - l_discount)),
                           sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)), avg(l_quantity), avg(l_extendedprice), avg(l_discount), count(*)
                    FROM %s WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2"""},
            new String[] {"q6", """
                    SELECT sum(l_extendedprice * l_discount) FROM %s
                    WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24"""},
            new String[] {"point", "SELECT count(*) FROM %s WHERE l_orderkey = 1234567"},
            new String[] {"group", """
                    SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), sum(l_extendedprice), avg(l_discount), min(l_shipdate), max(l_receiptdate)
                    FROM %s WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus"""},
            new String[] {"groupK", "SELECT l_suppkey, count(*), sum(l_quantity), max(l_extendedprice) FROM %s GROUP BY l_suppkey"});

    private LakeScanBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : "benchmarks/target/lake-data").toAbsolutePath();
        String schema = args.length > 1 ? args[1] : "sf1";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(dataDirectory);
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
                BasinSession session = basin.newSession()) {
            if (!((Boolean) session.execute("SELECT count(*) > 0 FROM information_schema.schemata WHERE schema_name = 'lake.bench_%s'".formatted(schema)).onlyValue())) {
                session.execute("CREATE SCHEMA lake.bench_" + schema);
                long start = System.nanoTime();
                session.execute("CREATE TABLE lake.bench_%s.lineitem AS SELECT * FROM tpch.%s.lineitem".formatted(schema, schema));
                System.out.printf(Locale.ROOT, "wrote lake.bench_%s.lineitem in %.1f s%n", schema, (System.nanoTime() - start) / 1e9);
            }
            String table = "lake.bench_%s.lineitem".formatted(schema);
            long rows = (Long) session.execute("SELECT count(*) FROM " + table).onlyValue();
            List<Path> files;
            try (Stream<Path> paths = Files.walk(dataDirectory.resolve("lake/warehouse/bench_" + schema + "/lineitem/data"))) {
                files = paths.filter(path -> path.toString().endsWith(".parquet")).toList();
            }
            long bytes = 0;
            for (Path file : files) {
                bytes += Files.size(file);
            }
            System.out.printf(Locale.ROOT, "lineitem: %,d rows in %d Parquet files, %.1f MB; %d cores%n", rows, files.size(), bytes / 1e6, Runtime.getRuntime().availableProcessors());
            String parquetList = files.stream().map(path -> "'" + path + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = duckdb.createStatement()) {
                statement.execute("SET autoinstall_known_extensions = false");
                System.out.printf(Locale.ROOT, "%-6s %10s %14s %10s %7s %14s%n", "query", "basin ms", "no pushdown ms", "duckdb ms", "ratio", "basin rows/s/core");
                double logSum = 0;
                for (String[] query : QUERIES) {
                    double basinMillis = best(runs, () -> session.execute(query[1].formatted(table)));
                    // the same without filters and aggregations pushed into the scan (SET scan_pushdown = off)
                    session.execute("SET scan_pushdown = off");
                    double unpushedMillis = best(runs, () -> session.execute(query[1].formatted(table)));
                    session.execute("SET scan_pushdown = on");
                    double duckMillis = best(runs, () -> {
                        try (ResultSet result = statement.executeQuery(query[1].formatted("read_parquet([" + parquetList + "])"))) {
                            while (result.next()) {
                                result.getObject(1);
                            }
                        }
                        catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    double ratio = basinMillis / duckMillis;
                    logSum += Math.log(ratio);
                    double perCore = rows / (basinMillis / 1000) / Runtime.getRuntime().availableProcessors();
                    System.out.printf(Locale.ROOT, "%-6s %10.1f %14.1f %10.1f %7.2f %14.0f%n", query[0], basinMillis, unpushedMillis, duckMillis, ratio, perCore);
                }
                System.out.printf(Locale.ROOT, "geomean ratio (basin/duckdb): %.2f%n", Math.exp(logSum / QUERIES.size()));
            }
        }
    }

    private static double best(int runs, Runnable query)
    {
        query.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
