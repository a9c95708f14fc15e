package io.basin.execution.operator;

import io.trino.spi.Page;

import java.util.concurrent.atomic.AtomicLong;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One driver's LIMIT (see {@link LimitOperatorFactory}). For each page the driver claims a
 * range of row numbers from the counter shared with the other drivers: row numbers below the
 * offset are skipped, those from {@code offset} to {@code offset + limit} are emitted, and the
 * claim never goes past {@code offset + limit}. Each row number is claimed by exactly one
 * driver, which makes the total exact without a lock.
 */
public final class LimitOperator
        implements Operator
{
    private final AtomicLong claimedRows;
    private final long offset;
    private final long end;
    private boolean finished;

    LimitOperator(AtomicLong claimedRows, long offset, long limit)
    {
        this.claimedRows = requireNonNull(claimedRows, "claimedRows is null");
        checkArgument(offset >= 0 && limit >= 0, "offset and limit must not be negative");
        this.offset = offset;
        // saturate: OFFSET m LIMIT ALL
        this.end = limit > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + limit;
        this.finished = end == 0;
    }

    @Override
    public void addInput(Page page, PageConsumer output)
    {
        if (finished) {
            return;
        }
        int positionCount = page.getPositionCount();
        long first;
        long next;
        do {
            first = claimedRows.get();
            if (first >= end) {
                finished = true;
                return;
            }
            next = Math.min(end, first + positionCount);
        }
        while (!claimedRows.compareAndSet(first, next));
        if (next == end) {
            finished = true;
        }

        // This page's rows are numbered first, first + 1, ...; the claim covers [first, next).
        int skipped = (int) Math.max(0, Math.min(positionCount, offset - first));
        int taken = (int) (next - first);
        if (taken > skipped) {
            output.accept(skipped == 0 && taken == positionCount ? page : page.getRegion(skipped, taken - skipped));
        }
    }

    @Override
    public boolean isFinished()
    {
        // Another driver may have reached the limit since this one last claimed rows.
        if (!finished && claimedRows.get() >= end) {
            finished = true;
        }
        return finished;
    }
}
