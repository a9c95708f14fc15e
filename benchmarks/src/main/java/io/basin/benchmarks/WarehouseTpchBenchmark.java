package io.basin.benchmarks;

import io.basin.benchmarks.TpchBenchmark.EngineResults;
import io.basin.benchmarks.TpchBenchmark.QueryTiming;
import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.TpchTables;
import io.trino.tpch.TpchTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * TPC-H on Basin's warehouse tables against the same data as lake Parquet (Basin through the scan
 * fleet) and against DuckDB reading those Parquet files, one engine after the other in one JVM;
 * then the warehouse's load throughput (CREATE TABLE AS of lineitem from the {@code tpch}
 * generator, COPY of lineitem from one Parquet file) and the size of the warehouse tables next to
 * the lake's Parquet (zstd) files. Prints markdown tables: per-query times, warehouse/lake and
 * warehouse/DuckDB ratios with their geometric means, load rows per second, bytes per table.
 * <p>
 * Options are {@link BenchmarkOptions}' ({@code --lake DIR} names the data directory holding both
 * kinds of tables, default {@code benchmarks/target/warehouse-tpch}), plus {@code --timeout 300s},
 * the statement timeout of both Basin engines. Exit code 0 when every query ran on every engine
 * with the same row counts.
 */
public final class WarehouseTpchBenchmark
{
    private WarehouseTpchBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (!arguments.contains("--timeout")) {
            arguments.addAll(List.of("--timeout", "300"));
        }
        if (!arguments.contains("--lake")) {
            arguments.addAll(List.of("--lake", "benchmarks/target/warehouse-tpch"));
        }
        BenchmarkOptions options = BenchmarkOptions.parse(arguments.toArray(String[]::new));
        Path directory = options.lakeDirectory().orElseThrow().toAbsolutePath();
        String statementTimeout = options.timeoutSeconds() + "s";
        System.out.printf(Locale.ENGLISH, "TPC-H SF %s on warehouse tables vs lake Parquet vs DuckDB, queries %s, %s, %s measured runs (%s), %s cores, Java %s, max heap %s MB, data in %s%n",
                TpchBenchmark.format(options.scaleFactor()), options.queries(), TpchBenchmark.warmUpDescription(options), options.runs(), options.statistic().name().toLowerCase(Locale.ENGLISH),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, directory);

        AtomicReference<WarehouseBasinBenchmarkEngine> warehouseEngine = new AtomicReference<>();
        Map<String, TpchBenchmark.EngineFactory> factories = new LinkedHashMap<>();
        factories.put("warehouse", () -> {
            WarehouseBasinBenchmarkEngine engine = new WarehouseBasinBenchmarkEngine(directory, statementTimeout);
            warehouseEngine.set(engine);
            return engine;
        });
        factories.put("lake", () -> new LakeBasinBenchmarkEngine(directory, options.timeoutSeconds()));
        factories.put("duckdb", () -> new DuckDbParquetBenchmarkEngine(directory, options.duckDbThreads()));
        // one engine after the other: the warehouse and the lake engine open the same data directory, which one process at a time may
        Map<String, EngineResults> results = new LinkedHashMap<>();
        factories.forEach((name, factory) -> results.putAll(TpchBenchmark.run(Map.of(name, factory), options)));
        EngineResults warehouse = results.get("warehouse");
        EngineResults lake = results.get("lake");
        EngineResults duckDb = results.get("duckdb");

        boolean ok = reportQueries(options, warehouse, lake, duckDb);
        reportLoad(directory, options.scaleFactor());
        reportStorage(directory, options.scaleFactor(), warehouseEngine.get() == null ? Map.of() : warehouseEngine.get().createdTableBytes());
        System.exit(ok ? 0 : 1);
    }

    private static boolean reportQueries(BenchmarkOptions options, EngineResults warehouse, EngineResults lake, EngineResults duckDb)
    {
        boolean ok = warehouse.loadError == null && lake.loadError == null && duckDb.loadError == null;
        System.out.printf(Locale.ENGLISH, "%n## TPC-H SF %s: warehouse vs lake vs DuckDB (%s of %s runs after %s, ms)%n%n",
                TpchBenchmark.format(options.scaleFactor()), options.statistic().name().toLowerCase(Locale.ENGLISH), options.runs(), TpchBenchmark.warmUpDescription(options));
        System.out.println("| query | warehouse ms | lake ms | DuckDB ms | warehouse/lake | warehouse/DuckDB | rows |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        Geomean overLake = new Geomean();
        Geomean overDuckDb = new Geomean();
        for (int query : options.queries()) {
            QueryTiming w = warehouse.queries.get(query);
            QueryTiming l = lake.queries.get(query);
            QueryTiming d = duckDb.queries.get(query);
            String rows = "";
            List<Long> counts = new ArrayList<>();
            for (QueryTiming timing : List.of(w, l, d).stream().filter(TpchBenchmark::succeeded).toList()) {
                counts.add(timing.rows);
            }
            if (counts.stream().distinct().count() > 1) {
                rows = "**MISMATCH: " + counts + "**";
                ok = false;
            }
            else if (!counts.isEmpty()) {
                rows = Long.toString(counts.getFirst());
            }
            ok &= TpchBenchmark.isOkOrNotRun(w) && TpchBenchmark.isOkOrNotRun(l) && TpchBenchmark.isOkOrNotRun(d);
            System.out.printf("| q%d | %s | %s | %s | %s | %s | %s |%n", query,
                    TpchBenchmark.cell(w, options), TpchBenchmark.cell(l, options), TpchBenchmark.cell(d, options),
                    overLake.ratio(w, l, options), overDuckDb.ratio(w, d, options), rows);
        }
        System.out.printf("| **geomean** | | | | **%s** | **%s** | %s and %s of %s queries |%n", overLake.value(), overDuckDb.value(), overLake.count, overDuckDb.count, options.queries().size());
        return ok;
    }

    /** Geometric mean of the ratios of the queries both engines ran. */
    private static final class Geomean
    {
        private double logSum;
        private int count;

        String ratio(QueryTiming numerator, QueryTiming denominator, BenchmarkOptions options)
        {
            if (!TpchBenchmark.succeeded(numerator) || !TpchBenchmark.succeeded(denominator)) {
                return "";
            }
            double ratio = numerator.summary(options.statistic()) / denominator.summary(options.statistic());
            logSum += Math.log(ratio);
            count++;
            return "%.2f".formatted(ratio);
        }

        String value()
        {
            return count == 0 ? "n/a" : "%.2f".formatted(Math.exp(logSum / count));
        }
    }

    /**
     * Rows per second of CREATE TABLE AS of lineitem from the generator, and of COPY of lineitem
     * from one Parquet file (DuckDB writes the file from the lake's files, zstd), into new
     * warehouse tables that are dropped afterwards.
     */
    private static void reportLoad(Path directory, double scaleFactor)
            throws Exception
    {
        String schema = WarehouseBasinBenchmarkEngine.schemaName(scaleFactor);
        String keys = WarehouseBasinBenchmarkEngine.TABLE_ATTRIBUTES.get("lineitem");
        Path parquet = directory.resolve("lineitem-copy-source.parquet");
        List<Path> lakeFiles = LakeBasinBenchmarkEngine.dataFiles(directory, scaleFactor, "lineitem");
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckDb.createStatement()) {
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("COPY (SELECT * FROM read_parquet(%s)) TO '%s' (FORMAT parquet, COMPRESSION zstd)".formatted(fileList(lakeFiles), parquet));
        }
        System.out.printf(Locale.ENGLISH, "%n## Warehouse load throughput (lineitem, SF %s)%n%n| load | rows | s | rows/s |%n|---|---:|---:|---:|%n", TpchBenchmark.format(scaleFactor));
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE SCHEMA IF NOT EXISTS load_test");
            session.execute("DROP TABLE IF EXISTS load_test.lineitem_ctas");
            session.execute("DROP TABLE IF EXISTS load_test.lineitem_copy");
            long start = System.nanoTime();
            long rows = session.execute("CREATE TABLE load_test.lineitem_ctas %s AS SELECT * FROM tpch.%s.lineitem".formatted(keys, TpchTables.schemaName(scaleFactor))).updateCount();
            printLoad("CREATE TABLE AS SELECT * FROM tpch." + TpchTables.schemaName(scaleFactor) + ".lineitem", rows, System.nanoTime() - start);

            session.execute("CREATE TABLE load_test.lineitem_copy %s AS SELECT * FROM %s.lineitem LIMIT 0".formatted(keys, schema));
            start = System.nanoTime();
            rows = session.execute("COPY load_test.lineitem_copy FROM 'file:%s' FORMAT PARQUET".formatted(parquet)).updateCount();
            printLoad("COPY FROM one Parquet file (%,d MB, zstd)".formatted(Files.size(parquet) >> 20), rows, System.nanoTime() - start);
            session.execute("DROP TABLE load_test.lineitem_ctas");
            session.execute("DROP TABLE load_test.lineitem_copy");
        }
        finally {
            Files.deleteIfExists(parquet);
        }
    }

    private static void printLoad(String what, long rows, long nanos)
    {
        System.out.printf(Locale.ENGLISH, "| %s | %,d | %.1f | %,.0f |%n", what, rows, nanos / 1e9, rows / (nanos / 1e9));
    }

    /** Bytes of the warehouse tables this run created next to the bytes of the lake's Parquet data files of the same tables. */
    private static void reportStorage(Path directory, double scaleFactor, Map<String, Long> warehouseBytes)
            throws Exception
    {
        String codecs;
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckDb.createStatement();
                ResultSet result = statement.executeQuery("SELECT string_agg(DISTINCT compression, ', ') FROM parquet_metadata(%s)"
                        .formatted(fileList(LakeBasinBenchmarkEngine.dataFiles(directory, scaleFactor, "lineitem"))))) {
            result.next();
            codecs = result.getString(1);
        }
        System.out.printf(Locale.ENGLISH, "%n## Storage (MB; lake Parquet compression: %s)%n%n| table | warehouse | lake Parquet | warehouse/Parquet |%n|---|---:|---:|---:|%n", codecs);
        long warehouseTotal = 0;
        long lakeTotal = 0;
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            long lakeBytes = 0;
            for (Path file : LakeBasinBenchmarkEngine.dataFiles(directory, scaleFactor, name)) {
                lakeBytes += Files.size(file);
            }
            Long bytes = warehouseBytes.get(name);
            if (bytes == null) {
                System.out.printf(Locale.ENGLISH, "| %s | (not created in this run) | %.1f | |%n", name, lakeBytes / 1e6);
                continue;
            }
            warehouseTotal += bytes;
            lakeTotal += lakeBytes;
            System.out.printf(Locale.ENGLISH, "| %s | %.1f | %.1f | %.2f |%n", name, bytes / 1e6, lakeBytes / 1e6, (double) bytes / lakeBytes);
        }
        if (lakeTotal > 0) {
            System.out.printf(Locale.ENGLISH, "| **total** | %.1f | %.1f | %.2f |%n", warehouseTotal / 1e6, lakeTotal / 1e6, (double) warehouseTotal / lakeTotal);
        }
    }

    private static String fileList(List<Path> files)
    {
        return files.stream().map(file -> "'" + file.toString().replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
