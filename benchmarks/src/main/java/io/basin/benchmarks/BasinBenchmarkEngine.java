package io.basin.benchmarks;

import io.basin.embedded.QueryResult;
import io.basin.testing.TestingBasin;
import io.basin.testing.TpchTables;
import io.trino.tpch.TpchTable;

/**
 * Basin in process: tables copied into the local database (warehouse tables) with
 * {@code CREATE TABLE t AS SELECT * FROM tpch.<schema>.t}.
 */
final class BasinBenchmarkEngine
        implements BenchmarkEngine
{
    private final TestingBasin basin = new TestingBasin();

    @Override
    public String name()
    {
        return "Basin";
    }

    @Override
    public void load(double scaleFactor, LoadProgress progress)
    {
        String schema = TpchTables.schemaName(scaleFactor);
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            long start = System.nanoTime();
            QueryResult result = basin.execute("CREATE TABLE %s AS SELECT * FROM tpch.%s.%s".formatted(name, schema, name));
            long rows = result.updateCount() >= 0 ? result.updateCount() : count(name);
            progress.tableLoaded(name, rows, System.nanoTime() - start);
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
