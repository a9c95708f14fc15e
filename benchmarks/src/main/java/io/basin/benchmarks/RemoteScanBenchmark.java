package io.basin.benchmarks;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lake scan throughput of TPC-H lineitem (Iceberg Parquet) with the scans in process versus on
 * one and two remote scan workers ({@code basin spectrum-worker}, each its own JVM on this
 * machine, started here), each query once to warm up and then the best of {@code runs}. On one
 * machine the workers share its cores with the engine, so this measures what the Arrow Flight
 * path costs, not what more machines would gain.
 *
 * <p>Usage: {@code RemoteScanBenchmark <data-dir> [scale-factor-schema, default sf1] [runs, default 3] [worker threads, default: cores]}.
 * The lake table is written on the first run (CREATE TABLE AS from tpch) and reused afterwards,
 * the same one {@link LakeScanBenchmark} uses.
 */
public final class RemoteScanBenchmark
{
    private static final Pattern LISTENING = Pattern.compile("spectrum worker listening on 127\\.0\\.0\\.1:(\\d+)");

    private static final List<String[]> QUERIES = List.of(
            new String[] {"count", "SELECT count(*) FROM %s"},
            new String[] {"scan4", "SELECT sum(l_quantity), sum(l_extendedprice), min(l_shipdate), max(l_comment) FROM %s"},
            new String[] {"scan16", """
                    SELECT count(*), sum(l_orderkey), sum(l_partkey), sum(l_suppkey), sum(l_linenumber), sum(l_quantity), sum(l_extendedprice),
                           sum(l_discount), sum(l_tax), max(l_returnflag), max(l_linestatus), max(l_shipdate), max(l_commitdate),
                           max(l_receiptdate), max(l_shipinstruct), max(l_shipmode), max(l_comment)
                    FROM %s"""},
            new String[] {"q1", """
                    SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), sum(l_extendedprice * (1 - l_discount)),
                           sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)), avg(l_quantity), avg(l_extendedprice), avg(l_discount), count(*)
                    FROM %s WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2"""},
            // Q1's filter and grouping with aggregates of columns: the workers aggregate
            new String[] {"group", """
                    SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), avg(l_quantity), avg(l_extendedprice), avg(l_discount),
                           count(*), min(l_shipdate), max(l_tax)
                    FROM %s WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2"""});

    private RemoteScanBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : "benchmarks/target/lake-data").toAbsolutePath();
        String schema = args.length > 1 ? args[1] : "sf1";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int workerThreads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Files.createDirectories(dataDirectory);
        String table = "lake.bench_%s.lineitem".formatted(schema);
        long rows;
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
                BasinSession session = basin.newSession()) {
            if (!((Boolean) session.execute("SELECT count(*) > 0 FROM information_schema.schemata WHERE schema_name = 'lake.bench_%s'".formatted(schema)).onlyValue())) {
                session.execute("CREATE SCHEMA lake.bench_" + schema);
                long start = System.nanoTime();
                session.execute("CREATE TABLE lake.bench_%s.lineitem AS SELECT * FROM tpch.%s.lineitem".formatted(schema, schema));
                System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", table, (System.nanoTime() - start) / 1e9);
            }
            rows = (Long) session.execute("SELECT count(*) FROM " + table).onlyValue();
        }
        System.out.printf(Locale.ROOT, "lineitem: %,d rows; %d cores; workers with %d threads each; best of %d%n", rows, Runtime.getRuntime().availableProcessors(), workerThreads, runs);

        List<Process> workers = new ArrayList<>();
        try {
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process worker = startWorker(workerThreads);
                workers.add(worker);
                addresses.add("127.0.0.1:" + port(worker));
            }
            List<String> setups = List.of("in process", "1 worker", "2 workers");
            double[][] millis = new double[setups.size()][QUERIES.size()];
            for (int setup = 0; setup < setups.size(); setup++) {
                BasinConfig config = BasinConfig.defaults().withDataDirectory(dataDirectory);
                if (setup > 0) {
                    config = config.withSpectrumWorkers(addresses.subList(0, setup), false);
                }
                try (Basin basin = Basin.open(config); BasinSession session = basin.newSession()) {
                    for (int query = 0; query < QUERIES.size(); query++) {
                        String sql = QUERIES.get(query)[1].formatted(table);
                        millis[setup][query] = best(runs, () -> session.execute(sql));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%n| query | %s |%n|---|%s%n", String.join(" ms | ", setups) + " ms", "---:|".repeat(setups.size()));
            for (int query = 0; query < QUERIES.size(); query++) {
                StringBuilder line = new StringBuilder("| " + QUERIES.get(query)[0] + " |");
                for (int setup = 0; setup < setups.size(); setup++) {
                    line.append(String.format(Locale.ROOT, " %.1f (%.1f M rows/s) |", millis[setup][query], rows / millis[setup][query] / 1000));
                }
                System.out.println(line);
            }
        }
        finally {
            for (Process worker : workers) {
                worker.destroyForcibly();
            }
        }
    }

    private static Process startWorker(int threads)
            throws Exception
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx2g", "-XX:+UseParallelGC",
                "--add-modules=jdk.incubator.vector", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"),
                "io.basin.cli.BasinMain", "spectrum-worker", "--port", "0", "--threads", String.valueOf(threads));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int port(Process worker)
            throws Exception
    {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            }
            catch (java.io.IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the worker exited"));
        });
        return port.get(60, TimeUnit.SECONDS);
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
