package io.basin.spectrum;

import org.apache.iceberg.io.FileIO;

/**
 * Where scans run: the in-process {@link ScanFleet}, or remote worker processes
 * ({@code io.basin.spectrum.flight}). Callers describe the scan and pull its pages; which worker
 * decodes which file range is the service's business.
 */
public interface ScanService
        extends AutoCloseable
{
    /**
     * Starts reading {@code request}'s tasks on up to {@code lanes} workers; what the workers read
     * (files, row groups, bytes, rows) is added to {@code counters}. Pages come back in no
     * particular order across tasks.
     */
    PageStream scan(ScanRequest request, FileIO fileIO, int lanes, ScanCounters counters);

    @Override
    void close();
}
