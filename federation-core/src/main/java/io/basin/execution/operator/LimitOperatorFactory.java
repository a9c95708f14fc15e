package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * LIMIT n [OFFSET m] without ORDER BY, as a streaming operator. All drivers of one query share
 * a counter of the rows they have claimed, so the total output is exactly
 * {@code min(n, max(0, rows - m))} however many drivers run, and every driver reports
 * {@link Operator#isFinished()} as soon as the limit is reached so its source stops reading.
 *
 * <p>The factory itself is immutable configuration and may be reused by several executions;
 * the counter belongs to an execution, found by the identity of its {@link QueryContext} (held
 * weakly, so it goes away with the query).
 *
 * <p>With more than one driver, which rows fall within the OFFSET depends on how the drivers
 * interleave; SQL leaves that unspecified without ORDER BY, but a planner that wants the same
 * rows on every run places a LIMIT with an OFFSET in a single-driver pipeline, where the rows
 * skipped are exactly the first {@code m} of the input in arrival order.
 */
public final class LimitOperatorFactory
        implements OperatorFactory
{
    private final long limit;
    private final long offset;
    private final Map<QueryContext, AtomicLong> claimedRowsByQuery = Collections.synchronizedMap(new WeakHashMap<>());

    public LimitOperatorFactory(long limit, long offset)
    {
        checkArgument(limit >= 0, "limit is negative");
        checkArgument(offset >= 0, "offset is negative");
        this.limit = limit;
        this.offset = offset;
    }

    public long limit()
    {
        return limit;
    }

    public long offset()
    {
        return offset;
    }

    @Override
    public Operator createOperator(DriverContext driverContext)
    {
        requireNonNull(driverContext, "driverContext is null");
        AtomicLong claimedRows = claimedRowsByQuery.computeIfAbsent(driverContext.queryContext(), _ -> new AtomicLong());
        return new LimitOperator(claimedRows, offset, limit);
    }

    @Override
    public String describe()
    {
        return "Limit[" + limit + (offset > 0 ? " offset " + offset : "") + "]";
    }
}
