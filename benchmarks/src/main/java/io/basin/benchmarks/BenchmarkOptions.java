package io.basin.benchmarks;

import io.basin.testing.TpchQueries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Command-line options of {@link TpchBenchmark}.
 *
 * @param scaleFactor TPC-H scale factor ({@code --sf}, default 1)
 * @param queries query numbers to run ({@code --queries 1,3,5}, default all 22)
 * @param warmupPasses unmeasured passes over all the queries on each engine before any query is measured
 *     ({@code --warmup-passes}, default 0): a JVM engine then runs its compiled code, as a server that has
 *     been up for a while does, instead of compiling its planner and operators during the measured runs
 * @param warmups unmeasured runs per query and engine ({@code --warmups}, default 1)
 * @param runs measured runs per query and engine ({@code --runs}, default 3)
 * @param statistic how measured runs are summarized ({@code --stat median|best}, default median)
 * @param engines engines to run ({@code --engines basin,duckdb}, default both)
 * @param duckDbThreads DuckDB's thread count ({@code --duckdb-threads}, default 2)
 * @param lakeDirectory with {@code --lake DIR}: Basin queries lake Parquet tables kept in data directory DIR
 *     (written on the first run) and DuckDB reads the same Parquet files; otherwise both hold the data in memory
 * @param timeoutSeconds Basin's statement_timeout per query run ({@code --timeout}, default 0: none), so a
 *     query that runs away is reported as failed and the others still run
 * @param interleave whether the engines take turns run by run on each query ({@code --interleave}, default
 *     true with {@code --lake}: both engines are light then), rather than one engine after the other
 */
record BenchmarkOptions(double scaleFactor, List<Integer> queries, int warmupPasses, int warmups, int runs, Statistic statistic, Set<String> engines, int duckDbThreads, Optional<Path> lakeDirectory, int timeoutSeconds, boolean interleave)
{
    static final String BASIN = "basin";
    static final String DUCKDB = "duckdb";

    enum Statistic
    {
        MEDIAN, BEST
    }

    BenchmarkOptions
    {
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
        engines = Set.copyOf(requireNonNull(engines, "engines is null"));
        requireNonNull(statistic, "statistic is null");
        requireNonNull(lakeDirectory, "lakeDirectory is null");
        if (scaleFactor <= 0) {
            throw new IllegalArgumentException("--sf must be positive");
        }
        if (warmupPasses < 0 || warmups < 0 || runs < 1 || duckDbThreads < 1 || timeoutSeconds < 0) {
            throw new IllegalArgumentException("--warmup-passes, --warmups and --timeout must be >= 0, --runs and --duckdb-threads >= 1");
        }
        if (engines.isEmpty() || !Set.of(BASIN, DUCKDB).containsAll(engines)) {
            throw new IllegalArgumentException("--engines must list basin and/or duckdb: " + engines);
        }
    }

    static final String USAGE = """
            Usage: TpchBenchmark [--sf N] [--queries 1,3,5] [--warmup-passes N] [--warmups N] [--runs N] [--stat median|best]
                                 [--engines basin,duckdb] [--duckdb-threads N] [--lake DIR] [--timeout S]
                                 [--interleave true|false]
              --sf              TPC-H scale factor (default 1)
              --queries         comma-separated query numbers (default 1..22)
              --warmup-passes   unmeasured passes over all the queries before measuring (default 0)
              --warmups         unmeasured runs per query and engine (default 1)
              --runs            measured runs per query and engine (default 3)
              --stat            summary of the measured runs: median or best (default median)
              --engines         engines to run (default basin,duckdb)
              --duckdb-threads  DuckDB threads (default 2)
              --lake            Basin reads lake Parquet tables in data directory DIR (written once),
                                DuckDB reads the same files with read_parquet (default: both in memory)
              --timeout         Basin's statement_timeout in seconds per run (default 0: none)
              --interleave      engines take turns run by run on each query (default: true with --lake,
                                else false: each engine loads and runs all queries alone, then the next)
            """;

    static BenchmarkOptions parse(String... args)
    {
        double scaleFactor = 1;
        List<Integer> queries = TpchQueries.queryNumbers();
        int warmupPasses = 0;
        int warmups = 1;
        int runs = 3;
        Statistic statistic = Statistic.MEDIAN;
        Set<String> engines = new LinkedHashSet<>(List.of(BASIN, DUCKDB));
        int duckDbThreads = 2;
        Optional<Path> lakeDirectory = Optional.empty();
        int timeoutSeconds = 0;
        Optional<Boolean> interleave = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--sf" -> scaleFactor = Double.parseDouble(value);
                case "--queries" -> queries = parseQueries(value);
                case "--warmup-passes" -> warmupPasses = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--stat" -> statistic = Statistic.valueOf(value.toUpperCase(Locale.ENGLISH));
                case "--engines" -> engines = new LinkedHashSet<>(Arrays.asList(value.toLowerCase(Locale.ENGLISH).split(",")));
                case "--duckdb-threads" -> duckDbThreads = Integer.parseInt(value);
                case "--lake" -> lakeDirectory = Optional.of(Path.of(value));
                case "--timeout" -> timeoutSeconds = Integer.parseInt(value);
                case "--interleave" -> interleave = Optional.of(parseBoolean(value));
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        return new BenchmarkOptions(scaleFactor, queries, warmupPasses, warmups, runs, statistic, engines, duckDbThreads, lakeDirectory, timeoutSeconds, interleave.orElse(lakeDirectory.isPresent()));
    }

    private static boolean parseBoolean(String value)
    {
        return switch (value.toLowerCase(Locale.ENGLISH)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--interleave must be true or false: " + value);
        };
    }

    private static List<Integer> parseQueries(String value)
    {
        List<Integer> queries = new ArrayList<>();
        for (String part : value.split(",")) {
            int number = Integer.parseInt(part.strip().replaceFirst("^[qQ]", ""));
            if (number < 1 || number > TpchQueries.QUERY_COUNT) {
                throw new IllegalArgumentException("TPC-H query numbers are 1 to 22: " + part);
            }
            queries.add(number);
        }
        return queries;
    }
}
