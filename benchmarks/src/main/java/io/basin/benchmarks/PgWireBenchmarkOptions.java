package io.basin.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Command-line options of {@link PgWireBenchmark}.
 *
 * @param runs measured round trips per query and mode ({@code --runs}, default 10000)
 * @param warmups unmeasured round trips before them ({@code --warmups}, default 1000)
 * @param clients concurrent clients of the throughput test ({@code --clients}, default 16)
 * @param seconds measured seconds of each throughput test ({@code --seconds}, default 10)
 * @param targets what to measure ({@code --targets basin,postgres,duckdb}, default all three)
 * @param binaryTransfer whether the PostgreSQL JDBC driver may ask for binary results, as it does
 *     by default ({@code --binary-transfer false} for text only)
 */
record PgWireBenchmarkOptions(int runs, int warmups, int clients, int seconds, Set<String> targets, boolean binaryTransfer)
{
    static final String BASIN = "basin";
    static final String POSTGRES = "postgres";
    static final String DUCKDB = "duckdb";

    static final String USAGE = """
            Usage: PgWireBenchmark [--runs N] [--warmups N] [--clients N] [--seconds N]
                                   [--targets basin,postgres,duckdb] [--binary-transfer true|false]
              --runs             measured round trips per query and mode (default 10000)
              --warmups          unmeasured round trips before them (default 1000)
              --clients          concurrent clients for throughput (default 16)
              --seconds          measured seconds per throughput test (default 10)
              --targets          what to measure (default basin,postgres,duckdb)
              --binary-transfer  let PgJDBC request binary results, its default (default true)
            """;

    PgWireBenchmarkOptions
    {
        targets = Set.copyOf(requireNonNull(targets, "targets is null"));
        if (runs < 1 || warmups < 0 || clients < 1 || seconds < 1) {
            throw new IllegalArgumentException("--runs, --clients and --seconds must be positive, --warmups not negative");
        }
        if (targets.isEmpty() || !Set.of(BASIN, POSTGRES, DUCKDB).containsAll(targets)) {
            throw new IllegalArgumentException("--targets must list basin, postgres and/or duckdb: " + targets);
        }
    }

    static PgWireBenchmarkOptions parse(String... args)
    {
        int runs = 10_000;
        int warmups = 1_000;
        int clients = 16;
        int seconds = 10;
        Set<String> targets = new LinkedHashSet<>(List.of(BASIN, POSTGRES, DUCKDB));
        boolean binaryTransfer = true;
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
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--targets" -> targets = new LinkedHashSet<>(Arrays.asList(value.toLowerCase(Locale.ENGLISH).split(",")));
                case "--binary-transfer" -> binaryTransfer = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        return new PgWireBenchmarkOptions(runs, warmups, clients, seconds, targets, binaryTransfer);
    }
}
