package io.basin.spectrum;

import io.trino.spi.predicate.TupleDomain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a scan fleet is asked to do, as an immutable, self-contained description: the file ranges
 * to read, the columns to return (in this order) and the predicate the workers use to skip row
 * groups and pages. The predicate prunes; it does not filter rows, so the caller still applies
 * its own filter to what comes back.
 */
public record ScanRequest(List<ScanTask> tasks, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate)
{
    public ScanRequest
    {
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(predicate, "predicate is null");
    }
}
