package io.basin.spectrum.flight;

import io.basin.spectrum.ScanRequest;

import java.util.Map;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What a remote worker is asked to scan in one call: a {@link ScanRequest} (in practice one
 * task), the Hadoop settings its files are read with (S3A endpoint and credentials; never logged),
 * and how many leading rows of the output to drop because an earlier, failed attempt already
 * delivered them. A task's rows come out in the same order on every worker, which is what makes
 * resuming by row count exact.
 */
public record RemoteScan(ScanRequest request, Map<String, String> storage, long skipRows)
{
    public RemoteScan
    {
        requireNonNull(request, "request is null");
        storage = Map.copyOf(requireNonNull(storage, "storage is null"));
        checkArgument(skipRows >= 0, "skipRows is negative");
    }

    @Override
    public String toString()
    {
        // the storage settings may hold a secret key
        return "RemoteScan[tasks=%s, columns=%s, skipRows=%d]".formatted(request.tasks(), request.columns(), skipRows);
    }
}
