package io.basin.benchmarks;

import io.basin.embedded.QueryResult;
import io.basin.testing.TestingBasin;
import io.basin.testing.TpchTables;
import io.trino.tpch.TpchTable;

/**
 * Basin in process: tables copied into the {@code memory} catalog with
 * {@code CREATE TABLE memory.public.t AS SELECT * FROM tpch.<schema>.t}, the engine-only
 * comparison the engine's issue asks for (the warehouse and the lake have benchmarks of their own).
 */
final class BasinBenchmarkEngine
        implements BenchmarkEngine
{
    private final TestingBasin basin = new TestingBasin();
    private final int timeoutSeconds;

    /** @param timeoutSeconds statement_timeout of each query (not of the load), 0 for none */
    BasinBenchmarkEngine(int timeoutSeconds)
    {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String name()
    {
        return "Basin";
    }

    @Override
    public void load(double scaleFactor, LoadProgress progress)
    {
        String schema = TpchTables.schemaName(scaleFactor);
        basin.execute("SET search_path = \"memory.public\"");
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            long start = System.nanoTime();
            QueryResult result = basin.execute("CREATE TABLE memory.public.%s AS SELECT * FROM tpch.%s.%s".formatted(name, schema, name));
            long rows = result.updateCount() >= 0 ? result.updateCount() : count(name);
            progress.tableLoaded(name, rows, System.nanoTime() - start);
        }
        basin.execute("SET statement_timeout = '%ds'".formatted(timeoutSeconds));
        // e.g. BENCHMARK_BASIN_SET='plan_cache = off', to measure Basin without a setting's help
        String settings = System.getenv("BENCHMARK_BASIN_SET");
        if (settings != null) {
            for (String setting : settings.split(";")) {
                if (!setting.isBlank()) {
                    basin.execute("SET " + setting.strip());
                }
            }
        }
    }

    private long count(String table)
    {
        return ((Number) basin.execute("SELECT count(*) FROM " + table).onlyValue()).longValue();
    }

    @Override
    public long execute(String sql)
    {
        return basin.execute(sql).rows().size();
    }

    @Override
    public void close()
    {
        basin.close();
    }
}
