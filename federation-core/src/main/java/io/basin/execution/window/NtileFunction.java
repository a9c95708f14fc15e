package io.basin.execution.window;

import io.basin.error.BasinException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static java.util.Objects.requireNonNull;

/**
 * {@code ntile(buckets)}: splits the partition into buckets numbered from 1 whose sizes differ by
 * at most one, the larger buckets first. Like PostgreSQL, the bucket count is read once per
 * partition, at its first row; NULL gives NULL, zero or less is an error.
 */
final class NtileFunction
        implements WindowFunction
{
    private final int bucketsChannel;
    private final Type bucketsType;
    private final Type outputType;

    private boolean nullBuckets;
    private long smallBucketSize;
    private long largeBuckets;

    NtileFunction(int bucketsChannel, Type bucketsType, Type outputType)
    {
        this.bucketsChannel = bucketsChannel;
        this.bucketsType = requireNonNull(bucketsType, "bucketsType is null");
        this.outputType = requireNonNull(outputType, "outputType is null");
    }

    @Override
    public void reset(WindowPartition partition)
    {
        nullBuckets = partition.isNull(bucketsChannel, 0);
        if (nullBuckets) {
            return;
        }
        long buckets = bucketsType.getLong(partition.block(bucketsChannel, 0), partition.position(0));
        if (buckets <= 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "Argument of ntile must be greater than zero");
        }
        long rows = partition.size();
        smallBucketSize = rows / buckets;
        // the first (rows % buckets) buckets take one extra row
        largeBuckets = rows % buckets;
    }

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        if (nullBuckets) {
            output.appendNull();
            return;
        }
        long rowsInLargeBuckets = largeBuckets * (smallBucketSize + 1);
        long bucket;
        if (row < rowsInLargeBuckets) {
            bucket = row / (smallBucketSize + 1);
        }
        else {
            bucket = largeBuckets + (row - rowsInLargeBuckets) / smallBucketSize;
        }
        outputType.writeLong(output, bucket + 1);
    }
}
