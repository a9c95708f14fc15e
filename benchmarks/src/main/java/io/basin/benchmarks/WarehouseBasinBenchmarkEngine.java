package io.basin.benchmarks;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.TpchTables;
import io.trino.tpch.TpchTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Basin over warehouse tables: the TPC-H tables copied with {@code CREATE TABLE ... DISTKEY ...
 * SORTKEY ... AS SELECT * FROM tpch.<sf>.t} into the local schema {@code tpch_<sf>} of a data
 * directory that outlives the run (later runs reuse them). The keys are the ones a Redshift user
 * would pick for TPC-H: the big tables distributed on their join keys, lineitem and orders sorted
 * by the dates the queries filter on, the small dimension tables on every slice.
 */
final class WarehouseBasinBenchmarkEngine
        implements BenchmarkEngine
{
    static final Map<String, String> TABLE_ATTRIBUTES = Map.of(
            "lineitem", "DISTSTYLE KEY DISTKEY (l_orderkey) SORTKEY (l_shipdate)",
            "orders", "DISTSTYLE KEY DISTKEY (o_orderkey) SORTKEY (o_orderdate)",
            "customer", "DISTSTYLE KEY DISTKEY (c_custkey)",
            "part", "DISTSTYLE KEY DISTKEY (p_partkey)",
            "partsupp", "DISTSTYLE KEY DISTKEY (ps_partkey) SORTKEY (ps_partkey)",
            "supplier", "DISTSTYLE ALL",
            "nation", "DISTSTYLE ALL",
            "region", "DISTSTYLE ALL");

    private final Path dataDirectory;
    private final Basin basin;
    private final BasinSession session;
    private final String statementTimeout;
    /** Bytes of each table's block files, for the tables this run created (a reused table is not measured). */
    private final Map<String, Long> createdTableBytes = new LinkedHashMap<>();

    WarehouseBasinBenchmarkEngine(Path dataDirectory, String statementTimeout)
            throws IOException
    {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath();
        this.statementTimeout = requireNonNull(statementTimeout, "statementTimeout is null");
        Files.createDirectories(dataDirectory);
        this.basin = Basin.open(BasinConfig.defaults().withDataDirectory(this.dataDirectory));
        this.session = basin.newSession();
    }

    static String schemaName(double scaleFactor)
    {
        return "tpch_" + TpchTables.schemaName(scaleFactor);
    }

    @Override
    public String name()
    {
        return "Basin (warehouse tables)";
    }

    @Override
    public void load(double scaleFactor, LoadProgress progress)
            throws IOException
    {
        String tpchSchema = TpchTables.schemaName(scaleFactor);
        String schema = schemaName(scaleFactor);
        session.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            long start = System.nanoTime();
            if (!exists(schema, name)) {
                Set<Path> before = tableDirectories(dataDirectory);
                session.execute("CREATE TABLE %s.%s %s AS SELECT * FROM tpch.%s.%s".formatted(schema, name, TABLE_ATTRIBUTES.get(name), tpchSchema, name));
                Set<Path> created = tableDirectories(dataDirectory);
                created.removeAll(before);
                long bytes = 0;
                for (Path directory : created) {
                    bytes += directorySize(directory);
                }
                createdTableBytes.put(name, bytes);
            }
            long rows = ((Number) session.execute("SELECT count(*) FROM %s.%s".formatted(schema, name)).onlyValue()).longValue();
            progress.tableLoaded(name, rows, System.nanoTime() - start);
        }
        session.execute("SET search_path = " + schema);
        session.execute("SET statement_timeout = '%s'".formatted(statementTimeout));
    }

    private boolean exists(String schema, String table)
    {
        return ((Number) session.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = '%s' AND table_name = '%s'".formatted(schema, table)).onlyValue()).longValue() > 0;
    }

    Map<String, Long> createdTableBytes()
    {
        return Map.copyOf(createdTableBytes);
    }

    /** The per-table directories of the warehouse's block files in a data directory. */
    static Set<Path> tableDirectories(Path dataDirectory)
            throws IOException
    {
        Path data = dataDirectory.resolve("warehouse").resolve("data");
        if (!Files.isDirectory(data)) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> directories = Files.list(data)) {
            return directories.filter(Files::isDirectory).collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    static long directorySize(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @Override
    public long execute(String sql)
    {
        return session.execute(sql).rows().size();
    }

    @Override
    public void close()
    {
        try {
            session.close();
        }
        finally {
            basin.close();
        }
    }
}
