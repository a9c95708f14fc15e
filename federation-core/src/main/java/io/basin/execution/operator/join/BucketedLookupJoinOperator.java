package io.basin.execution.operator.join;

import io.basin.execution.operator.Operator;
import io.basin.execution.operator.PageConsumer;
import io.trino.spi.Page;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * One driver's probe of a co-located join: a {@link LookupJoinOperator} per bucket, each probing
 * its bucket's hash table; pages go to the operator of the bucket the driver is reading.
 */
final class BucketedLookupJoinOperator
        implements Operator
{
    private final LookupJoinOperator[] buckets;
    private int bucket = -1;

    BucketedLookupJoinOperator(LookupJoinOperator[] buckets)
    {
        this.buckets = requireNonNull(buckets, "buckets is null").clone();
    }

    @Override
    public void startBucket(int newBucket)
    {
        checkState(newBucket < buckets.length, "bucket %s of a join of %s buckets", newBucket, buckets.length);
        bucket = newBucket;
    }

    @Override
    public void addInput(Page page, PageConsumer output)
    {
        checkState(bucket >= 0, "a co-located join got rows of no bucket");
        buckets[bucket].addInput(page, output);
    }

    @Override
    public void finish(PageConsumer output)
    {
        for (LookupJoinOperator operator : buckets) {
            operator.finish(output);
        }
    }
}
