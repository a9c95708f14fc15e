package io.basin.execution.operator.join;

import io.basin.execution.RowViews;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.hash.LongKeyFilter;
import io.basin.execution.operator.Operator;
import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.PageConsumer;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A dynamic filter: drops the rows of a scan whose key cannot find a partner in a join's hash
 * table, built before this pipeline runs, so that work between the scan and the join (an
 * aggregation, another join) is done only for rows the join keeps. The join still applies its
 * own condition; this only removes rows early. Keys the table lacks and NULLs are dropped, so it
 * is placed only under joins that drop such rows (inner and semi joins, equality keys).
 * <p>
 * When the filter keeps nearly every row it costs a probe per row for nothing; after
 * {@value #SAMPLE_ROWS} rows each driver stops filtering if it kept more than nine in ten.
 */
public final class DynamicFilterOperatorFactory
        implements OperatorFactory
{
    static final int SAMPLE_ROWS = 65_536;
    /** Beyond this many build rows the filter is unlikely to keep few enough rows to pay for itself. */
    private static final int MAX_KEY_SET_ROWS = 4_000_000;

    private final HashBuildSink build;
    private final int buildChannel;
    private final int channel;
    private final Type type;
    private final boolean rowViews;

    /**
     * @param buildChannel the key's column in the build side's rows
     * @param channel the key's column in this pipeline's pages
     */
    public DynamicFilterOperatorFactory(HashBuildSink build, int buildChannel, int channel, Type type)
    {
        this(build, buildChannel, channel, type, false);
    }

    private DynamicFilterOperatorFactory(HashBuildSink build, int buildChannel, int channel, Type type, boolean rowViews)
    {
        this.rowViews = rowViews;
        this.build = requireNonNull(build, "build is null");
        this.buildChannel = buildChannel;
        this.channel = channel;
        this.type = requireNonNull(type, "type is null");
    }

    /**
     * This filter handing on the rows it keeps as row views (see {@link RowViews}), for a filter right
     * under a join's probe, which copies only the rows it keeps.
     */
    public DynamicFilterOperatorFactory withRowViews()
    {
        return new DynamicFilterOperatorFactory(build, buildChannel, channel, type, true);
    }

    /**
     * Membership of the key column of the build rows (null: every key may match). A filter of the
     * keys, not the table itself: a probe of the table misses the cache several times per row once
     * it outgrows it, and this filter runs on every row.
     */
    private LongKeyFilter keyFilter()
    {
        JoinHashTable table = build.table();
        return table.rowCount() <= MAX_KEY_SET_ROWS ? table.keyFilter(buildChannel) : null;
    }

    @Override
    public Operator createOperator(DriverContext driverContext)
    {
        return new Operator()
        {
            private long seen;
            private long kept;
            private boolean passThrough;
            // fetched once per driver: the table's is behind a lock
            private LongKeyFilter filter;
            private int[] positions = new int[0];

            @Override
            public void addInput(Page page, PageConsumer output)
            {
                if (passThrough) {
                    output.accept(page);
                    return;
                }
                if (filter == null) {
                    filter = keyFilter();
                    if (filter == null) {
                        passThrough = true;
                        output.accept(page);
                        return;
                    }
                }
                Block keys = page.getBlock(channel);
                int count = page.getPositionCount();
                if (positions.length < count) {
                    positions = new int[count];
                }
                int matched = select(filter, keys, count, positions);
                seen += count;
                kept += matched;
                if (seen >= SAMPLE_ROWS && kept * 10 > seen * 9) {
                    passThrough = true;
                }
                if (matched == count) {
                    output.accept(page);
                }
                else if (matched > 0) {
                    output.accept(rowViews ? RowViews.view(page, positions, matched) : page.copyPositions(positions, 0, matched));
                }
            }
        };
    }

    /**
     * The positions of the rows whose key may match, in {@code positions}; their count. Without a
     * branch on each row's outcome, which a filter that keeps a random fifth of the rows would
     * mispredict often.
     */
    private int select(LongKeyFilter filter, Block keys, int count, int[] positions)
    {
        int matched = 0;
        if (!keys.mayHaveNull() && keys instanceof LongArrayBlock longs) {
            for (int position = 0; position < count; position++) {
                positions[matched] = position;
                matched += filter.mightContain(longs.getLong(position)) ? 1 : 0;
            }
            return matched;
        }
        for (int position = 0; position < count; position++) {
            positions[matched] = position;
            matched += !keys.isNull(position) && filter.mightContain(type.getLong(keys, position)) ? 1 : 0;
        }
        return matched;
    }

    @Override
    public String describe()
    {
        return "DynamicFilter[channel=" + channel + ", from " + build.describe() + (rowViews ? ", row views" : "") + "]";
    }
}
