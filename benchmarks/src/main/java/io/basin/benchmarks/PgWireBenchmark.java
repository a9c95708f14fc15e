package io.basin.benchmarks;

import io.basin.testing.QueryAssertions;
import io.basin.testing.ResultComparator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Round-trip latency and throughput of short queries through Basin's PostgreSQL wire server,
 * with embedded PostgreSQL 17 (same driver, same loopback) as the peer and in-process DuckDB
 * as a reference point: see {@code benchmarks/run-pgwire.sh} and the README.
 *
 * <p>Latency: each query runs {@code --warmups} times, then {@code --runs} measured times, one
 * at a time on one connection, unprepared ({@code Statement.executeQuery}) and prepared (one
 * {@code PreparedStatement} executed again and again; PgJDBC names it on the server after five
 * runs); every row and value is fetched. Throughput: {@code --clients} connections run the
 * prepared query as fast as they can for {@code --seconds} after one second of warm-up.
 */
public final class PgWireBenchmark
{
    /** Issue 3's goals for the p50 of a round trip. */
    private static final double SELECT_ONE_GOAL_MILLIS = 1;
    private static final double SMALL_QUERY_GOAL_MILLIS = 20;

    private record Query(String name, String sql, double goalMillis)
    {
        String label()
        {
            return "`" + sql + "`";
        }
    }

    private static final List<Query> QUERIES = List.of(
            new Query("SELECT 1", "SELECT 1", SELECT_ONE_GOAL_MILLIS),
            new Query("aggregate", "SELECT n_regionkey, count(*) FROM nation GROUP BY 1", SMALL_QUERY_GOAL_MILLIS));

    private record Mode(String label, boolean prepared) {}

    private static final List<Mode> MODES = List.of(new Mode("unprepared", false), new Mode("prepared", true));

    private PgWireBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        PgWireBenchmarkOptions options;
        try {
            options = PgWireBenchmarkOptions.parse(args);
        }
        catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(PgWireBenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(PgWireBenchmarkOptions options)
            throws Exception
    {
        Map<String, Map<String, LatencySample>> latencies = new LinkedHashMap<>();
        Map<String, Map<String, Double>> throughputs = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, List<List<Object>>> answers = new LinkedHashMap<>();
        for (String targetName : List.of(PgWireBenchmarkOptions.BASIN, PgWireBenchmarkOptions.POSTGRES, PgWireBenchmarkOptions.DUCKDB)) {
            if (!options.targets().contains(targetName)) {
                continue;
            }
            // one target at a time, so each has the machine to itself
            try (JdbcTarget target = open(targetName, options)) {
                System.err.printf("%s (%s)%n", target.name(), target.description());
                descriptions.put(target.name(), target.description());
                Map<String, LatencySample> targetLatencies = new LinkedHashMap<>();
                try (Connection connection = target.connect()) {
                    answers.put(target.name(), rows(connection, QUERIES.getLast().sql()));
                    for (Query query : QUERIES) {
                        for (Mode mode : MODES) {
                            LatencySample sample = latency(connection, query.sql(), mode.prepared(), options.warmups(), options.runs());
                            System.err.printf("  %-12s %-10s p50 %8.3f ms  p99 %8.3f ms%n", query.name(), mode.label(), sample.percentileMillis(50), sample.percentileMillis(99));
                            targetLatencies.put(key(query, mode), sample);
                        }
                    }
                }
                latencies.put(target.name(), targetLatencies);
                Map<String, Double> targetThroughputs = new LinkedHashMap<>();
                for (Query query : QUERIES) {
                    double perSecond = throughput(target, query.sql(), options.clients(), options.seconds());
                    System.err.printf("  %-12s %d clients: %.0f queries/s%n", query.name(), options.clients(), perSecond);
                    targetThroughputs.put(query.label(), perSecond);
                }
                throughputs.put(target.name(), targetThroughputs);
            }
        }

        boolean sameAnswers = true;
        List<List<Object>> reference = answers.values().iterator().next();
        for (Map.Entry<String, List<List<Object>>> answer : answers.entrySet()) {
            Optional<String> difference = ResultComparator.compare(reference, answer.getValue(), false);
            if (difference.isPresent()) {
                System.err.printf("%s answers the aggregate differently: %s%n", answer.getKey(), difference.get());
                sameAnswers = false;
            }
        }
        System.out.print(report(options, descriptions, latencies, throughputs));
        return sameAnswers ? 0 : 1;
    }

    private static JdbcTarget open(String name, PgWireBenchmarkOptions options)
            throws SQLException
    {
        return switch (name) {
            case PgWireBenchmarkOptions.BASIN -> JdbcTarget.basinServer(options.binaryTransfer());
            case PgWireBenchmarkOptions.POSTGRES -> JdbcTarget.postgres(options.binaryTransfer());
            case PgWireBenchmarkOptions.DUCKDB -> JdbcTarget.duckDb();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static LatencySample latency(Connection connection, String sql, boolean prepared, int warmups, int runs)
            throws SQLException
    {
        long[] nanos = new long[runs];
        try (Statement statement = connection.createStatement();
                PreparedStatement preparedStatement = prepared ? connection.prepareStatement(sql) : null) {
            for (int run = -warmups; run < runs; run++) {
                long start = System.nanoTime();
                try (ResultSet result = prepared ? preparedStatement.executeQuery() : statement.executeQuery(sql)) {
                    consume(result);
                }
                if (run >= 0) {
                    nanos[run] = System.nanoTime() - start;
                }
            }
        }
        return new LatencySample(nanos);
    }

    /** Completed queries per second over {@code clients} connections running the prepared query. */
    static double throughput(JdbcTarget target, String sql, int clients, int seconds)
            throws Exception
    {
        List<Connection> connections = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                connections.add(target.connect());
            }
            CountDownLatch ready = new CountDownLatch(clients);
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<Long>> counts = new ArrayList<>();
            for (Connection connection : connections) {
                counts.add(threads.submit(() -> {
                    long completed = 0;
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        ready.countDown();
                        while (!stop.get()) {
                            try (ResultSet result = statement.executeQuery()) {
                                consume(result);
                            }
                            if (measuring.get()) {
                                completed++;
                            }
                        }
                    }
                    return completed;
                }));
            }
            ready.await();
            Thread.sleep(1_000);
            long start = System.nanoTime();
            measuring.set(true);
            Thread.sleep(seconds * 1_000L);
            measuring.set(false);
            long elapsed = System.nanoTime() - start;
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / (elapsed / 1e9);
        }
        finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static void consume(ResultSet result)
            throws SQLException
    {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
            for (int column = 1; column <= columns; column++) {
                result.getString(column);
            }
        }
    }

    private static List<List<Object>> rows(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return QueryAssertions.readRows(result);
        }
    }

    static String report(PgWireBenchmarkOptions options, Map<String, String> descriptions, Map<String, Map<String, LatencySample>> latencies, Map<String, Map<String, Double>> throughputs)
    {
        List<String> targets = new ArrayList<>(latencies.keySet());
        boolean ratios = targets.contains("Basin") && targets.contains("PostgreSQL");
        StringBuilder out = new StringBuilder();
        out.append("\n## Round-trip latency, ms (%,d runs after %,d warm-up, one connection, every row fetched)\n\n".formatted(options.runs(), options.warmups()));
        for (String target : targets) {
            out.append("- %s: %s\n".formatted(target, descriptions.get(target)));
        }
        out.append("\n| query | statement |");
        for (String target : targets) {
            out.append(" %s p50 | %s p99 |".formatted(target, target));
        }
        if (ratios) {
            out.append(" Basin/PostgreSQL p50 | Basin/PostgreSQL p99 | goal (p50) |");
        }
        out.append("\n|---|---|");
        out.append("---:|".repeat(targets.size() * 2 + (ratios ? 2 : 0)));
        out.append(ratios ? "---|\n" : "\n");
        for (Query query : QUERIES) {
            for (Mode mode : MODES) {
                out.append("| %s | %s |".formatted(query.label(), mode.label()));
                for (String target : targets) {
                    LatencySample sample = latencies.get(target).get(key(query, mode));
                    out.append(" %.3f | %.3f |".formatted(sample.percentileMillis(50), sample.percentileMillis(99)));
                }
                if (ratios) {
                    LatencySample basin = latencies.get("Basin").get(key(query, mode));
                    LatencySample postgres = latencies.get("PostgreSQL").get(key(query, mode));
                    out.append(" %.1f× | %.1f× | %s |".formatted(
                            basin.percentileMillis(50) / postgres.percentileMillis(50),
                            basin.percentileMillis(99) / postgres.percentileMillis(99),
                            goal(basin.percentileMillis(50), query.goalMillis())));
                }
                out.append('\n');
            }
        }
        out.append("\n## Throughput, queries/s (%d clients, prepared, %d s after 1 s warm-up)\n\n".formatted(options.clients(), options.seconds()));
        out.append("| query |");
        for (String target : targets) {
            out.append(" %s |".formatted(target));
        }
        out.append(ratios ? " Basin/PostgreSQL |\n" : "\n");
        out.append("|---|").append("---:|".repeat(targets.size() + (ratios ? 1 : 0))).append('\n');
        for (Query query : QUERIES) {
            out.append("| %s |".formatted(query.label()));
            for (String target : targets) {
                out.append(" %,.0f |".formatted(throughputs.get(target).get(query.label())));
            }
            if (ratios) {
                out.append(" %.2f× |".formatted(throughputs.get("Basin").get(query.label()) / throughputs.get("PostgreSQL").get(query.label())));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String goal(double p50Millis, double goalMillis)
    {
        return (p50Millis < goalMillis ? "met (< %s ms)" : "MISSED (< %s ms)").formatted(formatMillis(goalMillis));
    }

    private static String formatMillis(double millis)
    {
        return millis == Math.rint(millis) ? String.valueOf((long) millis) : String.valueOf(millis);
    }

    private static String key(Query query, Mode mode)
    {
        return query.sql() + "|" + mode.label();
    }
}
