package io.basin.benchmarks;

/** One engine under benchmark: loads TPC-H and runs queries, returning the number of rows. */
interface BenchmarkEngine
        extends AutoCloseable
{
    String name();

    /** Loads the eight TPC-H tables at {@code scaleFactor}, reporting each table's rows and time on {@code progress}. */
    void load(double scaleFactor, LoadProgress progress)
            throws Exception;

    /** Runs {@code sql} to completion, fetching every row, and returns the row count. */
    long execute(String sql)
            throws Exception;

    @Override
    void close()
            throws Exception;

    interface LoadProgress
    {
        void tableLoaded(String table, long rows, long nanos);
    }
}
