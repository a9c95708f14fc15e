package io.basin.benchmarks;

import io.basin.testing.TestingBasin;
import io.basin.testing.TpchTables;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A join of warehouse {@code orders} and {@code lineitem}, both {@code DISTKEY} on the order key,
 * run co-located (a hash table per slice, {@code SET colocated_joins = on}) and as one global
 * hash join ({@code off}), for each slice count asked for. Per mode: the median wall time, the
 * process CPU time and the JVM heap's peak during the query (G1's pools, peaks reset after a
 * full GC before each run); the two modes take turns run by run. Both modes must return the same rows, and EXPLAIN must show the
 * co-located join exactly when it is on.
 * <p>
 * {@code --sf N} (1), {@code --slices 2,8} (2,8), {@code --runs N} (3), {@code --warmups N} (1).
 */
public final class CoLocatedJoinBenchmark
{
    private static final String QUERY = """
            SELECT o_orderpriority, count(*), sum(l_extendedprice * (1 - l_discount)), sum(o_totalprice), max(o_comment)
            FROM orders_%1$s JOIN lineitem_%1$s ON o_orderkey = l_orderkey
            GROUP BY o_orderpriority""";

    private CoLocatedJoinBenchmark() {}

    private record Measured(double wallMillis, double cpuMillis, long peakHeapBytes, List<List<Object>> rows) {}

    public static void main(String[] args)
    {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: CoLocatedJoinBenchmark [--sf N] [--slices 2,8] [--runs N] [--warmups N]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        double scaleFactor = Double.parseDouble(options.getOrDefault("sf", "1"));
        List<Integer> sliceCounts = Arrays.stream(options.getOrDefault("slices", "2,8").split(",")).map(String::strip).map(Integer::parseInt).toList();
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int warmups = Integer.parseInt(options.getOrDefault("warmups", "1"));
        boolean mismatch = false;
        List<String> table = new ArrayList<>();
        try (TestingBasin basin = new TestingBasin()) {
            basin.execute("CREATE SCHEMA bench");
            basin.execute("SET search_path = bench");
            for (int slices : sliceCounts) {
                for (String source : List.of("orders", "lineitem")) {
                    String key = source.equals("orders") ? "o_orderkey" : "l_orderkey";
                    long start = System.nanoTime();
                    basin.execute("CREATE TABLE %s_%s DISTKEY (%s) SLICES %s AS SELECT * FROM tpch.%s.%s".formatted(source, slices, key, slices, TpchTables.schemaName(scaleFactor), source));
                    System.out.printf(Locale.ROOT, "loaded %s_%s in %.1f s%n", source, slices, (System.nanoTime() - start) / 1e9);
                }
                String sql = QUERY.formatted(slices);
                for (String mode : List.of("on", "off")) {
                    basin.execute("SET colocated_joins = " + mode);
                    String plan = String.join("\n", basin.execute("EXPLAIN " + sql).rows().stream().map(row -> (String) row.getFirst()).toList());
                    if (plan.contains("co-located by slice") != mode.equals("on")) {
                        throw new IllegalStateException("EXPLAIN with colocated_joins = %s:%n%s".formatted(mode, plan));
                    }
                    for (int i = 0; i < warmups; i++) {
                        basin.execute(sql);
                    }
                }
                // the modes take turns, so neither profits from running later (a warmer JIT, a quieter machine)
                Map<String, List<Measured>> runsByMode = new LinkedHashMap<>();
                for (int run = 0; run < runs; run++) {
                    for (String mode : run % 2 == 0 ? List.of("on", "off") : List.of("off", "on")) {
                        basin.execute("SET colocated_joins = " + mode);
                        runsByMode.computeIfAbsent(mode, _ -> new ArrayList<>()).add(measure(basin, sql));
                    }
                }
                Map<String, Measured> byMode = new LinkedHashMap<>();
                runsByMode.forEach((mode, measured) -> byMode.put(mode, summarize(measured)));
                if (!sorted(byMode.get("on").rows()).equals(sorted(byMode.get("off").rows()))) {
                    mismatch = true;
                    System.out.println("ROWS DIFFER for " + slices + " slices");
                }
                for (Map.Entry<String, Measured> entry : byMode.entrySet()) {
                    Measured measured = entry.getValue();
                    table.add("| %s | %s | %.0f | %.0f | %.0f |".formatted(slices, entry.getKey().equals("on") ? "co-located (table per slice)" : "one hash table",
                            measured.wallMillis(), measured.cpuMillis(), measured.peakHeapBytes() / 1048576.0));
                }
            }
        }
        System.out.println();
        System.out.println("| slices | join | wall ms (median) | process CPU ms (median) | peak heap MB (max) |");
        System.out.println("|---:|---|---:|---:|---:|");
        table.forEach(System.out::println);
        System.exit(mismatch ? 1 : 0);
    }

    private static Measured measure(TestingBasin basin, String sql)
    {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<List<Object>> rows = basin.execute(sql).rows();
        double wall = (System.nanoTime() - start) / 1e6;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e6;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measured(wall, cpu, peak, rows);
    }

    /** Medians of wall and CPU time, the largest peak, the rows of the last run. */
    private static Measured summarize(List<Measured> runs)
    {
        return new Measured(
                median(runs.stream().mapToDouble(Measured::wallMillis).toArray()),
                median(runs.stream().mapToDouble(Measured::cpuMillis).toArray()),
                runs.stream().mapToLong(Measured::peakHeapBytes).max().orElseThrow(),
                runs.getLast().rows());
    }

    private static double median(double[] values)
    {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<String> sorted(List<List<Object>> rows)
    {
        return rows.stream().map(Object::toString).sorted().toList();
    }
}
