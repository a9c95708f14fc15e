package io.basin.benchmarks;

import io.basin.testing.TpchQueries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.basin.benchmarks.BenchmarkOptions.BASIN;
import static io.basin.benchmarks.BenchmarkOptions.DUCKDB;

/**
 * TPC-H on Basin and on DuckDB, both in process on the same machine and data: loads scale factor
 * N into each engine (Basin's memory catalog from its {@code tpch} catalog; DuckDB from the same
 * {@code io.trino.tpch} generator), runs each query after warm-up runs, checks that both return
 * the same number of rows, and prints a markdown table of times and Basin/DuckDB ratios with
 * their geometric mean. Only one engine runs at a time: either one after the other, or (the
 * default with {@code --lake}) taking turns run by run on each query, so that a machine shared
 * with other work loads both alike.
 * <p>
 * Exit code 0 when every query ran on every engine with matching row counts, 1 otherwise.
 */
public final class TpchBenchmark
{
    private static final String LINEITEM = "lineitem";
    // the queries whose only table is lineitem: their times measure its scan (plus a filter and aggregation)
    private static final List<Integer> LINEITEM_ONLY_QUERIES = List.of(1, 6);
    private static final String BASIN_COMPARED = "basin+set";
    private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private TpchBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        }
        catch (IllegalArgumentException e) {
            if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ENGLISH, "TPC-H SF %s, queries %s, %s, %s measured runs (%s), %s cores, Java %s, max heap %s MB%n",
                format(options.scaleFactor()), options.queries(), warmUpDescription(options), options.runs(), options.statistic().name().toLowerCase(Locale.ENGLISH),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);

        Map<String, EngineFactory> factories = new LinkedHashMap<>();
        // with --lake, Basin comes first: it writes the Parquet files DuckDB then reads
        if (options.engines().contains(BASIN)) {
            java.util.concurrent.atomic.AtomicReference<LakeBasinBenchmarkEngine> lake = new java.util.concurrent.atomic.AtomicReference<>();
            factories.put(BASIN, options.lakeDirectory().isPresent()
                    ? () -> {
                        lake.set(new LakeBasinBenchmarkEngine(options.lakeDirectory().get(), options.timeoutSeconds()));
                        return lake.get();
                    }
                    : () -> new BasinBenchmarkEngine(options.timeoutSeconds()));
            // e.g. BENCHMARK_LAKE_COMPARE='aggregate_expression_pushdown = off': a second session of the same
            // lake Basin with that setting takes turns with the first, run by run, in this JVM
            String compare = System.getenv("BENCHMARK_LAKE_COMPARE");
            if (compare != null && options.lakeDirectory().isPresent()) {
                factories.put(BASIN_COMPARED, () -> lake.get().withSettings(compare));
            }
        }
        if (options.engines().contains(DUCKDB)) {
            factories.put(DUCKDB, options.lakeDirectory().isPresent()
                    ? () -> new DuckDbParquetBenchmarkEngine(options.lakeDirectory().get(), options.duckDbThreads())
                    : () -> new DuckDbBenchmarkEngine(options.duckDbThreads()));
        }
        Map<String, EngineResults> results = new LinkedHashMap<>();
        if (options.interleave()) {
            results.putAll(run(factories, options));
        }
        else {
            factories.forEach((name, factory) -> results.putAll(run(Map.of(name, factory), options)));
        }
        boolean ok = report(options, results);
        System.exit(ok ? 0 : 1);
    }

    interface EngineFactory
    {
        BenchmarkEngine create()
                throws Exception;
    }

    /**
     * Loads each engine, then runs every query on each: the warm-ups engine by engine, then the
     * measured runs taking turns (A, B, A, B, ...), so that a change in the machine's load while a
     * query is measured reaches every engine alike. Only one engine runs at any moment.
     */
    static Map<String, EngineResults> run(Map<String, EngineFactory> factories, BenchmarkOptions options)
    {
        Map<String, EngineResults> results = new LinkedHashMap<>();
        Map<String, BenchmarkEngine> engines = new LinkedHashMap<>();
        try {
            factories.forEach((name, factory) -> {
                EngineResults engineResults = new EngineResults();
                results.put(name, engineResults);
                BenchmarkEngine engine = load(factory, engineResults, options);
                if (engine != null) {
                    engines.put(name, engine);
                }
            });
            warmUpPasses(engines, options);
            for (int query : options.queries()) {
                String sql = TpchQueries.query(query);
                Map<String, QueryTiming> timings = new LinkedHashMap<>();
                engines.forEach((name, engine) -> {
                    QueryTiming timing = new QueryTiming();
                    timings.put(name, timing);
                    results.get(name).queries.put(query, timing);
                    measure(engine, sql, timing, options.warmups(), false);
                });
                for (int i = 0; i < options.runs(); i++) {
                    engines.forEach((name, engine) -> measure(engine, sql, timings.get(name), 1, true));
                }
                engines.forEach((name, engine) -> {
                    QueryTiming timing = timings.get(name);
                    if (timing.error == null) {
                        System.out.printf(Locale.ENGLISH, "  %-8s q%-2d %8.1f ms  cpu %8.1f ms  %d rows  runs %s  cpu %s%n", name, query, timing.summary(options.statistic()),
                                QueryTiming.summary(timing.cpuMillis, options.statistic()), timing.rows, formatRuns(timing.millis), formatRuns(timing.cpuMillis));
                    }
                    else {
                        System.out.printf("  %-8s q%-2d failed: %s%n", name, query, timing.error);
                    }
                });
            }
        }
        finally {
            engines.forEach((name, engine) -> {
                try {
                    engine.close();
                }
                catch (Exception e) {
                    System.out.printf("  %s: cannot close: %s%n", name, describe(e));
                }
            });
        }
        return results;
    }

    /**
     * The unmeasured passes over every query, engine by engine. A query failing here is not
     * reported: it fails again, and is reported, when it is measured.
     */
    private static void warmUpPasses(Map<String, BenchmarkEngine> engines, BenchmarkOptions options)
    {
        for (int pass = 1; pass <= options.warmupPasses(); pass++) {
            int number = pass;
            engines.forEach((name, engine) -> {
                long start = System.nanoTime();
                for (int query : options.queries()) {
                    measure(engine, TpchQueries.query(query), new QueryTiming(), 1, false);
                }
                System.out.printf(Locale.ENGLISH, "  %-8s warm-up pass %d over %d queries: %.1f s%n", name, number, options.queries().size(), (System.nanoTime() - start) / 1e9);
            });
        }
    }

    /** Creates and loads an engine; null (with the error in {@code results}) when that fails. */
    private static BenchmarkEngine load(EngineFactory factory, EngineResults results, BenchmarkOptions options)
    {
        BenchmarkEngine engine;
        try {
            engine = factory.create();
        }
        catch (Exception e) {
            results.loadError = describe(e);
            System.out.printf("  %s%n", results.loadError);
            return null;
        }
        System.out.printf(Locale.ENGLISH, "%n%s: loading TPC-H SF %s%n", engine.name(), format(options.scaleFactor()));
        long loadStart = System.nanoTime();
        try {
            engine.load(options.scaleFactor(), (table, rows, nanos) -> {
                System.out.printf(Locale.ENGLISH, "  %-9s %,12d rows %8.1f s%n", table, rows, nanos / 1e9);
                results.tableLoadSeconds.put(table, nanos / 1e9);
                results.tableRows.put(table, rows);
            });
        }
        catch (Exception e) {
            results.loadError = describe(e);
            System.out.printf("  load failed: %s%n", results.loadError);
            closeAfterFailure(engine, e);
            return null;
        }
        results.loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf(Locale.ENGLISH, "  total     %8.1f s%n", results.loadSeconds);
        return engine;
    }

    private static void closeAfterFailure(BenchmarkEngine engine, Exception failure)
    {
        try {
            engine.close();
        }
        catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /** Runs the query {@code times} times unless it failed before; records the times when {@code measured}. */
    private static void measure(BenchmarkEngine engine, String sql, QueryTiming timing, int times, boolean measured)
    {
        for (int i = 0; i < times && timing.error == null; i++) {
            try {
                long start = System.nanoTime();
                long cpuStart = PROCESS.getProcessCpuTime();
                timing.rows = engine.execute(sql);
                if (measured) {
                    timing.millis.add((System.nanoTime() - start) / 1e6);
                    timing.cpuMillis.add((PROCESS.getProcessCpuTime() - cpuStart) / 1e6);
                }
            }
            catch (Exception e) {
                timing.error = describe(e);
            }
        }
    }

    /** "1 warm-up" or "2 warm-up passes over all queries and 1 warm-up". */
    static String warmUpDescription(BenchmarkOptions options)
    {
        String perQuery = options.warmups() + " warm-up";
        return options.warmupPasses() == 0 ? perQuery : "%d warm-up pass%s over all queries and %s".formatted(options.warmupPasses(), options.warmupPasses() == 1 ? "" : "es", perQuery);
    }

    private static boolean report(BenchmarkOptions options, Map<String, EngineResults> results)
    {
        EngineResults basin = results.getOrDefault(BASIN, new EngineResults());
        EngineResults duckDb = results.getOrDefault(DUCKDB, new EngineResults());
        boolean ok = basin.loadError == null && duckDb.loadError == null;

        System.out.printf(Locale.ENGLISH, "%n## TPC-H SF %s: Basin vs DuckDB (%s of %s runs after %s, ms)%n%n",
                format(options.scaleFactor()), options.statistic().name().toLowerCase(Locale.ENGLISH), options.runs(), warmUpDescription(options));
        System.out.println("| query | Basin ms | DuckDB ms | ratio (Basin/DuckDB) | rows |");
        System.out.println("|---|---:|---:|---:|---|");
        double logRatioSum = 0;
        int ratioCount = 0;
        for (int query : options.queries()) {
            QueryTiming b = basin.queries.get(query);
            QueryTiming d = duckDb.queries.get(query);
            String ratio = "";
            if (succeeded(b) && succeeded(d)) {
                double value = b.summary(options.statistic()) / d.summary(options.statistic());
                ratio = "%.2f".formatted(value);
                logRatioSum += Math.log(value);
                ratioCount++;
            }
            String rows;
            if (succeeded(b) && succeeded(d) && b.rows != d.rows) {
                rows = "**MISMATCH: Basin %d, DuckDB %d**".formatted(b.rows, d.rows);
                ok = false;
            }
            else {
                rows = succeeded(d) ? Long.toString(d.rows) : succeeded(b) ? Long.toString(b.rows) : "";
            }
            ok &= isOkOrNotRun(b) && isOkOrNotRun(d);
            System.out.printf("| q%d | %s | %s | %s | %s |%n", query, cell(b, options), cell(d, options), ratio, rows);
        }
        String geomean = ratioCount == 0 ? "n/a" : "%.2f".formatted(Math.exp(logRatioSum / ratioCount));
        System.out.printf("| **geomean** | | | **%s** | %s of %s queries |%n", geomean, ratioCount, options.queries().size());
        EngineResults compared = results.get(BASIN_COMPARED);
        if (compared != null) {
            System.out.printf(Locale.ENGLISH, "%n## Basin vs Basin with SET %s (%s CPU ms of the process, runs taking turns)%n%n", System.getenv("BENCHMARK_LAKE_COMPARE"), options.statistic().name().toLowerCase(Locale.ENGLISH));
            System.out.println("| query | Basin cpu ms | with SET cpu ms | ratio (SET/Basin) | DuckDB cpu ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (int query : options.queries()) {
                QueryTiming b = basin.queries.get(query);
                QueryTiming c = compared.queries.get(query);
                QueryTiming d = duckDb.queries.get(query);
                if (succeeded(b) && succeeded(c)) {
                    double bCpu = QueryTiming.summary(b.cpuMillis, options.statistic());
                    double cCpu = QueryTiming.summary(c.cpuMillis, options.statistic());
                    System.out.printf(Locale.ENGLISH, "| q%d | %.0f | %.0f | %.2f | %s |%n", query, bCpu, cCpu, cCpu / bCpu, succeeded(d) ? "%.0f".formatted(QueryTiming.summary(d.cpuMillis, options.statistic())) : "");
                }
                ok &= isOkOrNotRun(c);
                if (succeeded(b) && succeeded(c) && b.rows != c.rows) {
                    System.out.printf("**MISMATCH: q%d Basin %d rows, with SET %d**%n", query, b.rows, c.rows);
                    ok = false;
                }
            }
        }
        reportLineitemScans(options, basin, duckDb);

        System.out.printf(Locale.ENGLISH, "%n## Load times (s)%n%n| table | Basin | DuckDB |%n|---|---:|---:|%n");
        List<String> tables = new ArrayList<>(basin.tableLoadSeconds.keySet());
        duckDb.tableLoadSeconds.keySet().stream().filter(table -> !tables.contains(table)).forEach(tables::add);
        for (String table : tables) {
            System.out.printf(Locale.ENGLISH, "| %s | %s | %s |%n", table, seconds(basin.tableLoadSeconds.get(table)), seconds(duckDb.tableLoadSeconds.get(table)));
        }
        System.out.printf(Locale.ENGLISH, "| **total** | %s | %s |%n", loadCell(basin), loadCell(duckDb));
        return ok;
    }

    /**
     * Scan throughput of the queries that read lineitem alone (q1, q6): lineitem's rows over each
     * engine's time and its threads (Basin: the machine's cores; DuckDB: its thread setting).
     */
    private static void reportLineitemScans(BenchmarkOptions options, EngineResults basin, EngineResults duckDb)
    {
        List<Integer> scans = LINEITEM_ONLY_QUERIES.stream().filter(options.queries()::contains).toList();
        Long rows = basin.tableRows.getOrDefault(LINEITEM, duckDb.tableRows.get(LINEITEM));
        if (scans.isEmpty() || rows == null) {
            return;
        }
        int basinCores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ENGLISH, "%n## lineitem scan throughput (%,d rows; rows/s/core, Basin on %d cores, DuckDB on %d threads)%n%n", rows, basinCores, options.duckDbThreads());
        System.out.println("| query | Basin rows/s/core | DuckDB rows/s/core |");
        System.out.println("|---|---:|---:|");
        for (int query : scans) {
            System.out.printf("| q%d | %s | %s |%n", query, throughput(basin.queries.get(query), rows, basinCores, options), throughput(duckDb.queries.get(query), rows, options.duckDbThreads(), options));
        }
    }

    private static String throughput(QueryTiming timing, long rows, int cores, BenchmarkOptions options)
    {
        if (!succeeded(timing)) {
            return "";
        }
        return "%.1f M".formatted(rows / (timing.summary(options.statistic()) / 1000) / cores / 1e6);
    }

    static boolean succeeded(QueryTiming timing)
    {
        return timing != null && timing.error == null && !timing.millis.isEmpty();
    }

    static boolean isOkOrNotRun(QueryTiming timing)
    {
        return timing == null || timing.error == null;
    }

    static String cell(QueryTiming timing, BenchmarkOptions options)
    {
        if (timing == null) {
            return "";
        }
        if (timing.error != null) {
            return "error";
        }
        return "%.1f".formatted(timing.summary(options.statistic()));
    }

    private static String loadCell(EngineResults results)
    {
        if (results.loadError != null) {
            return "failed";
        }
        return results.loadSeconds == null ? "" : "%.1f".formatted(results.loadSeconds);
    }

    private static String seconds(Double value)
    {
        return value == null ? "" : "%.1f".formatted(value);
    }

    private static String formatRuns(List<Double> millis)
    {
        return Arrays.toString(millis.stream().mapToLong(Math::round).toArray());
    }

    static String format(double scaleFactor)
    {
        return scaleFactor == Math.rint(scaleFactor) ? Long.toString((long) scaleFactor) : Double.toString(scaleFactor);
    }

    private static String describe(Exception e)
    {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + ": " + message;
    }

    static final class EngineResults
    {
        String loadError;
        Double loadSeconds;
        final Map<String, Double> tableLoadSeconds = new LinkedHashMap<>();
        final Map<String, Long> tableRows = new LinkedHashMap<>();
        final Map<Integer, QueryTiming> queries = new LinkedHashMap<>();
    }

    static final class QueryTiming
    {
        final List<Double> millis = new ArrayList<>();
        // CPU time of the whole process while the query ran (only one engine runs at a time): less
        // sensitive than wall time to other work on a shared machine
        final List<Double> cpuMillis = new ArrayList<>();
        long rows = -1;
        String error;

        double summary(BenchmarkOptions.Statistic statistic)
        {
            return summary(millis, statistic);
        }

        static double summary(List<Double> millis, BenchmarkOptions.Statistic statistic)
        {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return switch (statistic) {
                case BEST -> sorted[0];
                case MEDIAN -> sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            };
        }
    }
}
