package io.basin.benchmarks;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Scans of TPC-H lineitem stored as lake ORC, next to the same rows as lake Parquet scanned in the
 * same process (the peer that shows how loaded the shared machine was during the run). Each query
 * runs once to warm up, then the best of {@code runs}; throughput is rows per second of the
 * process's CPU time (all threads: scan workers, engine, GC), which moves less than wall time when
 * other work shares the machine. DuckDB reads no ORC here (its ORC support is an extension).
 *
 * <p>Usage: {@code LakeOrcScanBenchmark <data-dir> [scale-factor-schema, default sf1] [runs, default 3]}.
 * The lake tables are written on the first run (CREATE TABLE AS from tpch) and reused afterwards.
 */
public final class LakeOrcScanBenchmark
{
    private static final List<String[]> QUERIES = List.of(
            new String[] {"scan4", "SELECT sum(l_quantity), sum(l_extendedprice), min(l_shipdate), max(l_comment) FROM %s"},
            new String[] {"q6", """
                    SELECT sum(l_extendedprice * l_discount) FROM %s
                    WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24"""},
            new String[] {"q1", """
                    SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), sum(l_extendedprice * (1 - l_discount)),
                           sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)), avg(l_quantity), avg(l_extendedprice), avg(l_discount), count(*)
                    FROM %s WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2"""},
            new String[] {"point", "SELECT count(l_comment) FROM %s WHERE l_orderkey = 1234567"},
            // a narrow key range within the pages or row groups kept: most batches read have no row of it
            new String[] {"rangeA", "SELECT count(*), sum(l_extendedprice), max(l_comment), min(l_shipinstruct) FROM %s WHERE l_orderkey BETWEEN 3000000 AND 3010000"},
            new String[] {"rangeR", "SELECT * FROM %s WHERE l_orderkey BETWEEN 3000000 AND 3010000"},
            // about 50 rows spread over the table: statistics prune nothing, most batches have no row of it
            new String[] {"needle", "SELECT * FROM %s WHERE l_shipdate = DATE '1995-03-15' AND l_quantity = 1"});

    private LakeOrcScanBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : "benchmarks/target/lake-orc-data").toAbsolutePath();
        String schema = args.length > 1 ? args[1] : "sf1";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(dataDirectory);
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
                BasinSession session = basin.newSession()) {
            String orcSchema = "orc_" + schema;
            session.execute("CREATE EXTERNAL SCHEMA IF NOT EXISTS %s FROM DATA CATALOG TYPE 'hadoop' DATABASE 'bench_%s' WAREHOUSE '%s' FILE_FORMAT 'orc'"
                    .formatted(orcSchema, schema, dataDirectory.resolve("orc-warehouse").toUri()));
            if (!((Boolean) session.execute("SELECT count(*) > 0 FROM information_schema.tables WHERE table_schema = '%s' AND table_name = 'lineitem'".formatted(orcSchema)).onlyValue())) {
                write(session, orcSchema + ".lineitem", schema);
            }
            if (!((Boolean) session.execute("SELECT count(*) > 0 FROM information_schema.schemata WHERE schema_name = 'lake.bench_%s'".formatted(schema)).onlyValue())) {
                session.execute("CREATE SCHEMA lake.bench_" + schema);
                write(session, "lake.bench_%s.lineitem".formatted(schema), schema);
            }
            String orcTable = orcSchema + ".lineitem";
            String parquetTable = "lake.bench_%s.lineitem".formatted(schema);
            long rows = (Long) session.execute("SELECT count(*) FROM " + orcTable).onlyValue();
            System.out.printf(Locale.ROOT, "lineitem: %,d rows; %d cores; best of %d%n", rows, Runtime.getRuntime().availableProcessors(), runs);
            System.out.printf(Locale.ROOT, "%-6s %10s %10s %16s %10s %10s %16s %12s%n",
                    "query", "orc ms", "orc cpu ms", "orc rows/cpu-s", "pq ms", "pq cpu ms", "pq rows/cpu-s", "orc/pq cpu");
            for (String[] query : QUERIES) {
                Timing orc = best(runs, () -> session.execute(query[1].formatted(orcTable)));
                Timing parquet = best(runs, () -> session.execute(query[1].formatted(parquetTable)));
                System.out.printf(Locale.ROOT, "%-6s %10.0f %10.0f %16.0f %10.0f %10.0f %16.0f %12.2f%n",
                        query[0], orc.wallMillis(), orc.cpuMillis(), rows / (orc.cpuMillis() / 1000), parquet.wallMillis(), parquet.cpuMillis(), rows / (parquet.cpuMillis() / 1000), orc.cpuMillis() / parquet.cpuMillis());
            }
        }
    }

    private static void write(BasinSession session, String table, String schema)
    {
        long start = System.nanoTime();
        session.execute("CREATE TABLE %s AS SELECT * FROM tpch.%s.lineitem".formatted(table, schema));
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", table, (System.nanoTime() - start) / 1e9);
    }

    /** The best wall time and the best process CPU time of {@code runs} runs after a warm-up. */
    private static Timing best(int runs, Runnable query)
    {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        query.run();
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long startCpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            query.run();
            wall = Math.min(wall, (System.nanoTime() - start) / 1e6);
            cpu = Math.min(cpu, (os.getProcessCpuTime() - startCpu) / 1e6);
        }
        return new Timing(wall, cpu);
    }

    private record Timing(double wallMillis, double cpuMillis) {}
}
