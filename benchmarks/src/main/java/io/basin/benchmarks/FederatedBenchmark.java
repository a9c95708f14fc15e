package io.basin.benchmarks;

import io.basin.embedded.QueryResult;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingMariaDbServer;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchMariaDbLoader;
import io.basin.testing.TpchPostgresLoader;
import io.basin.testing.TpchQueries;
import io.basin.testing.TpchTables;
import io.trino.tpch.TpchTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Federated TPC-H: the dimension tables live in live databases, the facts in Basin's memory
 * catalog, and every query joins across them. {@code customer}, {@code nation} and
 * {@code region} are in an embedded PostgreSQL 17, {@code part} and {@code supplier} in an
 * embedded MariaDB 11.4 (default case-insensitive collation), {@code orders}, {@code lineitem}
 * and {@code partsupp} in memory. Each query runs with pushdown on and off
 * ({@code SET federated_pushdown}); for each, the median time and the rows and bytes Basin
 * fetched from each source (from {@code system.runtime.remote_queries}). The two settings must
 * return the same rows.
 * <p>
 * Then the read throughput of a large remote table: {@code lineitem} in PostgreSQL, all 16
 * columns read with pushdown off through two external schemas, {@code READ_PARALLELISM 1} (one
 * connection) and {@code READ_PARALLELISM 4} (four ctid ranges in one shared snapshot).
 * <p>
 * {@code --sf N} (1), {@code --queries 1,3} (all), {@code --runs N} (3), {@code --warmups N} (1),
 * {@code --scan-runs N} (3), {@code --explain true} (print both plans of each query). Exit code 0 when every query gave the same rows both ways.
 */
public final class FederatedBenchmark
{
    private static final List<TpchTable<?>> POSTGRES_TABLES = List.of(TpchTable.CUSTOMER, TpchTable.NATION, TpchTable.REGION);
    private static final List<TpchTable<?>> MARIADB_TABLES = List.of(TpchTable.PART, TpchTable.SUPPLIER);
    private static final List<TpchTable<?>> MEMORY_TABLES = List.of(TpchTable.ORDERS, TpchTable.LINE_ITEM, TpchTable.PART_SUPPLIER);
    private static final List<String> SOURCES = List.of("pgdim", "mydim");

    private FederatedBenchmark() {}

    private record Fetched(long rows, long bytes) {}

    private record Measured(double medianMillis, long resultRows, Map<String, Fetched> fetched, List<List<Object>> result) {}

    public static void main(String[] args)
            throws Exception
    {
        Map<String, String> options = options(args);
        double scaleFactor = Double.parseDouble(options.getOrDefault("sf", "1"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int warmups = Integer.parseInt(options.getOrDefault("warmups", "1"));
        int scanRuns = Integer.parseInt(options.getOrDefault("scan-runs", "3"));
        List<Integer> queries = options.containsKey("queries")
                ? Arrays.stream(options.get("queries").split(",")).map(String::strip).map(Integer::parseInt).toList()
                : TpchQueries.queryNumbers();
        System.out.printf(Locale.ENGLISH, "Federated TPC-H SF %s, queries %s, %s warm-up + %s measured runs (median), %s cores, Java %s, max heap %s MB%n",
                scaleFactor, queries, warmups, runs, Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);

        boolean ok = true;
        try (TestingPostgreSqlServer postgres = new TestingPostgreSqlServer();
                TestingMariaDbServer mariadb = new TestingMariaDbServer();
                TestingBasin basin = new TestingBasin()) {
            String schema = "fed_" + TpchTables.schemaName(scaleFactor);
            long start = System.nanoTime();
            TpchPostgresLoader.loadTables(postgres, scaleFactor, schema, POSTGRES_TABLES);
            System.out.printf(Locale.ENGLISH, "PostgreSQL: %s loaded in %.1f s%n", names(POSTGRES_TABLES), seconds(start));
            start = System.nanoTime();
            TpchMariaDbLoader.loadTables(mariadb, scaleFactor, schema, MARIADB_TABLES);
            System.out.printf(Locale.ENGLISH, "MariaDB: %s loaded in %.1f s%n", names(MARIADB_TABLES), seconds(start));
            start = System.nanoTime();
            for (TpchTable<?> table : MEMORY_TABLES) {
                basin.execute("CREATE TABLE memory.public.%s AS SELECT * FROM tpch.%s.%s".formatted(table.getTableName(), TpchTables.schemaName(scaleFactor), table.getTableName()));
            }
            System.out.printf(Locale.ENGLISH, "Basin memory: %s loaded in %.1f s%n", names(MEMORY_TABLES), seconds(start));
            basin.execute("CREATE EXTERNAL SCHEMA pgdim FROM POSTGRES DATABASE '%s' SCHEMA '%s' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable'"
                    .formatted(TestingPostgreSqlServer.DATABASE, schema, postgres.getPort(), TestingPostgreSqlServer.USER));
            basin.execute("CREATE EXTERNAL SCHEMA mydim FROM MYSQL DATABASE '%s' URI '127.0.0.1' PORT %s USER '%s' PASSWORD ''"
                    .formatted(schema, mariadb.port(), TestingMariaDbServer.USER));
            basin.execute("SET search_path = \"memory.public\", pgdim, mydim");

            StringBuilder table = new StringBuilder("""
                    | query | pushdown on ms | pushdown off ms | off/on | rows | PG rows on | PG rows off | PG bytes on | PG bytes off | MariaDB rows on | MariaDB rows off | MariaDB bytes on | MariaDB bytes off |
                    |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                    """);
            double logRatios = 0;
            int measured = 0;
            for (int query : queries) {
                String sql = TpchQueries.query(query);
                try {
                    basin.execute("SET federated_pushdown = on");
                    Measured on = measure(basin, sql, warmups, runs);
                    basin.execute("SET federated_pushdown = off");
                    Measured off = measure(basin, sql, warmups, runs);
                    if (options.containsKey("explain")) {
                        for (String setting : List.of("on", "off")) {
                            basin.execute("SET federated_pushdown = " + setting);
                            System.out.printf("EXPLAIN q%d, pushdown %s:%n%s%n", query, setting,
                                    String.join("\n", basin.execute("EXPLAIN " + sql).rows().stream().map(row -> (String) row.getFirst()).toList()));
                        }
                    }
                    boolean same = io.basin.testing.ResultComparator.compare(off.result(), on.result(), io.basin.testing.QueryAssertions.hasTopLevelOrderBy(sql)).isEmpty();
                    ok &= same;
                    double ratio = off.medianMillis() / on.medianMillis();
                    logRatios += Math.log(ratio);
                    measured++;
                    table.append(String.format(Locale.ENGLISH, "| q%d%s | %.1f | %.1f | %.2f | %d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n",
                            query, same ? "" : " (rows differ!)", on.medianMillis(), off.medianMillis(), ratio, on.resultRows(),
                            on.fetched().get("pgdim").rows(), off.fetched().get("pgdim").rows(), on.fetched().get("pgdim").bytes(), off.fetched().get("pgdim").bytes(),
                            on.fetched().get("mydim").rows(), off.fetched().get("mydim").rows(), on.fetched().get("mydim").bytes(), off.fetched().get("mydim").bytes()));
                    System.out.printf(Locale.ENGLISH, "q%d: on %.1f ms, off %.1f ms%s%n", query, on.medianMillis(), off.medianMillis(), same ? "" : " ROWS DIFFER");
                }
                catch (RuntimeException e) {
                    ok = false;
                    table.append("| q%d | failed: %s | | | | | | | | | | | |%n".formatted(query, String.valueOf(e.getMessage()).replace('\n', ' ').replace('|', '/')));
                    System.out.printf(Locale.ENGLISH, "q%d failed: %s%n", query, e.getMessage());
                }
            }
            basin.execute("SET federated_pushdown = on");
            System.out.println();
            System.out.print(table);
            if (measured > 0) {
                System.out.printf(Locale.ENGLISH, "%ngeometric mean of off/on: %.2f%n", Math.exp(logRatios / measured));
            }

            // read throughput of one large remote table
            start = System.nanoTime();
            TpchPostgresLoader.loadTables(postgres, scaleFactor, "scan_" + TpchTables.schemaName(scaleFactor), List.of(TpchTable.LINE_ITEM));
            System.out.printf(Locale.ENGLISH, "%nPostgreSQL: lineitem loaded in %.1f s%n", seconds(start));
            String scanSql = "SELECT count(*), max(l_orderkey), max(l_partkey), max(l_suppkey), max(l_linenumber), max(l_quantity), max(l_extendedprice), max(l_discount), max(l_tax), "
                    + "max(l_returnflag), max(l_linestatus), max(l_shipdate), max(l_commitdate), max(l_receiptdate), max(l_shipinstruct), max(l_shipmode), max(l_comment) FROM %s.lineitem";
            System.out.println();
            System.out.println("| lineitem read | connections | median s | rows/s | MB/s (as Basin pages) |");
            System.out.println("|---|---:|---:|---:|---:|");
            List<Object> previous = null;
            for (int parallelism : List.of(1, 4)) {
                String source = "scan" + parallelism;
                basin.execute("CREATE EXTERNAL SCHEMA %s FROM POSTGRES DATABASE '%s' SCHEMA 'scan_%s' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable' READ_PARALLELISM %s"
                        .formatted(source, TestingPostgreSqlServer.DATABASE, TpchTables.schemaName(scaleFactor), postgres.getPort(), TestingPostgreSqlServer.USER, parallelism));
                basin.execute("SET federated_pushdown = off");
                List<Double> times = new ArrayList<>();
                Fetched fetched = null;
                for (int run = 0; run < scanRuns + 1; run++) {
                    long before = maxQueryId(basin, source);
                    long runStart = System.nanoTime();
                    QueryResult result = basin.execute(scanSql.formatted(source));
                    double millis = (System.nanoTime() - runStart) / 1e6;
                    if (previous != null && !previous.equals(result.rows().getFirst())) {
                        ok = false;
                        System.out.println("lineitem read with " + parallelism + " connections differs: " + result.rows().getFirst() + " vs " + previous);
                    }
                    previous = result.rows().getFirst();
                    if (run > 0) {
                        times.add(millis);
                        fetched = fetched(basin, source, before);
                    }
                }
                basin.execute("SET federated_pushdown = on");
                double median = median(times) / 1000;
                System.out.printf(Locale.ENGLISH, "| all 16 columns | %d | %.2f | %,.0f | %.1f |%n", parallelism, median, fetched.rows() / median, fetched.bytes() / median / 1e6);
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static Measured measure(TestingBasin basin, String sql, int warmups, int runs)
    {
        for (int i = 0; i < warmups; i++) {
            basin.execute(sql);
        }
        List<Double> times = new ArrayList<>();
        Map<String, Fetched> fetched = new LinkedHashMap<>();
        QueryResult result = null;
        for (int i = 0; i < runs; i++) {
            Map<String, Long> before = new LinkedHashMap<>();
            for (String source : SOURCES) {
                before.put(source, maxQueryId(basin, source));
            }
            long start = System.nanoTime();
            result = basin.execute(sql);
            times.add((System.nanoTime() - start) / 1e6);
            for (String source : SOURCES) {
                fetched.put(source, fetched(basin, source, before.get(source)));
            }
        }
        return new Measured(median(times), result.rows().size(), fetched, result.rows());
    }

    private static long maxQueryId(TestingBasin basin, String source)
    {
        Object value = basin.execute("SELECT max(query_id) FROM system.runtime.remote_queries WHERE source = '%s'".formatted(source)).rows().getFirst().getFirst();
        return value == null ? -1 : ((Number) value).longValue();
    }

    /** What the source's statements started after {@code afterQueryId} returned. */
    private static Fetched fetched(TestingBasin basin, String source, long afterQueryId)
    {
        List<Object> row = basin.execute("SELECT coalesce(sum(row_count), 0), coalesce(sum(bytes), 0) FROM system.runtime.remote_queries WHERE source = '%s' AND query_id > %s"
                .formatted(source, afterQueryId)).rows().getFirst();
        return new Fetched(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
    }

    private static double median(List<Double> values)
    {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double seconds(long start)
    {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String names(List<TpchTable<?>> tables)
    {
        return String.join(", ", tables.stream().map(TpchTable::getTableName).toList());
    }

    private static Map<String, String> options(String[] args)
    {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: FederatedBenchmark [--sf N] [--queries 1,3] [--runs N] [--warmups N] [--scan-runs N]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
