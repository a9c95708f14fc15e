package io.basin.benchmarks;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.basin.testing.TpchTables;
import io.trino.tpch.TpchTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Basin over lake tables: the TPC-H tables written as Iceberg Parquet into the {@code lake}
 * catalog of a data directory that outlives the run (so DuckDB can read the same files next, and
 * later runs reuse them), queried through the scan fleet with search path {@code lake.tpch_<sf>}.
 */
final class LakeBasinBenchmarkEngine
        implements BenchmarkEngine
{
    private final Path dataDirectory;
    private final Basin basin;
    private final BasinSession session;
    private final int timeoutSeconds;
    // SET statements separated by ';' run after loading; null for those of BENCHMARK_LAKE_SET
    private final String settings;
    // whether closing this closes the Basin too (not for a session made by withSettings)
    private final boolean ownsBasin;
    private String schema;

    /** @param timeoutSeconds statement_timeout of each query (not of the load), 0 for none */
    LakeBasinBenchmarkEngine(Path dataDirectory, int timeoutSeconds)
            throws IOException
    {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath();
        Files.createDirectories(dataDirectory);
        this.basin = Basin.open(BasinConfig.defaults().withDataDirectory(this.dataDirectory));
        this.session = basin.newSession();
        this.timeoutSeconds = timeoutSeconds;
        this.settings = null;
        this.ownsBasin = true;
    }

    private LakeBasinBenchmarkEngine(LakeBasinBenchmarkEngine base, String settings)
    {
        this.dataDirectory = base.dataDirectory;
        this.basin = base.basin;
        this.session = basin.newSession();
        this.timeoutSeconds = base.timeoutSeconds;
        this.settings = requireNonNull(settings, "settings is null");
        this.ownsBasin = false;
    }

    /**
     * Another session of the same Basin with these settings (BENCHMARK_LAKE_COMPARE): the two take
     * turns run by run in one JVM, so a setting is compared under the same load and JIT state.
     */
    LakeBasinBenchmarkEngine withSettings(String settings)
    {
        return new LakeBasinBenchmarkEngine(this, settings);
    }

    @Override
    public String name()
    {
        return settings == null ? "Basin (lake Parquet)" : "Basin (lake Parquet, SET " + settings + ")";
    }

    @Override
    public void load(double scaleFactor, LoadProgress progress)
    {
        String tpchSchema = TpchTables.schemaName(scaleFactor);
        schema = "tpch_" + tpchSchema;
        session.execute("CREATE SCHEMA IF NOT EXISTS lake." + schema);
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            long start = System.nanoTime();
            if (!exists(name)) {
                QueryResult result = session.execute("CREATE TABLE lake.%s.%s AS SELECT * FROM tpch.%s.%s".formatted(schema, name, tpchSchema, name));
                requireNonNull(result, "result is null");
            }
            long rows = ((Number) session.execute("SELECT count(*) FROM lake.%s.%s".formatted(schema, name)).onlyValue()).longValue();
            progress.tableLoaded(name, rows, System.nanoTime() - start);
        }
        session.execute("SET search_path = \"lake.%s\"".formatted(schema));
        session.execute("SET statement_timeout = '%ds'".formatted(timeoutSeconds));
        // e.g. BENCHMARK_LAKE_SET='scan_pushdown = off', to compare a setting against the default on the same machine
        String settings = this.settings != null ? this.settings : System.getenv("BENCHMARK_LAKE_SET");
        if (settings != null) {
            for (String setting : settings.split(";")) {
                if (!setting.isBlank()) {
                    session.execute("SET " + setting.strip());
                }
            }
        }
    }

    private boolean exists(String table)
    {
        return ((Number) session.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'lake.%s' AND table_name = '%s'".formatted(schema, table)).onlyValue()).longValue() > 0;
    }

    /** The Parquet data files of a loaded table, for DuckDB to read. */
    static List<Path> dataFiles(Path dataDirectory, double scaleFactor, String table)
            throws IOException
    {
        Path data = dataDirectory.toAbsolutePath().resolve("lake/warehouse/tpch_%s/%s/data".formatted(TpchTables.schemaName(scaleFactor), table));
        try (Stream<Path> files = Files.walk(data)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".parquet")).sorted().toList());
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
            if (ownsBasin) {
                basin.close();
            }
        }
    }
}
