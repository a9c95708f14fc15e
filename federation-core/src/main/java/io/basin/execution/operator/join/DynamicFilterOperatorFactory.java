package io.basin.execution.operator.join;

import io.basin.execution.driver.DriverContext;
import io.basin.execution.hash.LongBloomFilter;
import io.basin.execution.operator.Operator;
import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.PageConsumer;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
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
    private KeyFilter keyFilter;

    /**
     * @param buildChannel the key's column in the build side's rows
     * @param channel the key's column in this pipeline's pages
     */
    public DynamicFilterOperatorFactory(HashBuildSink build, int buildChannel, int channel, Type type)
    {
        this.build = requireNonNull(build, "build is null");
        this.buildChannel = buildChannel;
        this.channel = channel;
        this.type = requireNonNull(type, "type is null");
    }

    /** Approximate membership of one key column of the build rows. */
    private interface KeyFilter
    {
        boolean mayMatch(long key);
    }

    private synchronized KeyFilter keyFilter()
    {
        if (keyFilter == null) {
            JoinHashTable table = build.table();
            if (table.rowCount() <= MAX_KEY_SET_ROWS) {
                // a Bloom filter of the keys, not the table itself: a probe of the table misses the
                // cache several times per row once it outgrows it, and this filter runs on every row
                Block keys = table.columns()[buildChannel];
                LongBloomFilter bloomFilter = new LongBloomFilter(table.rowCount());
                for (int position = 0; position < table.rowCount(); position++) {
                    if (!keys.isNull(position)) {
                        bloomFilter.add(type.getLong(keys, position));
                    }
                }
                keyFilter = bloomFilter::mightContain;
            }
            else {
                keyFilter = _ -> true;
            }
        }
        return keyFilter;
    }

    @Override
    public Operator createOperator(DriverContext driverContext)
    {
        return new Operator()
        {
            private long seen;
            private long kept;
            private boolean passThrough;
            // fetched once per driver: the factory's is behind a lock
            private KeyFilter filter;

            @Override
            public void addInput(Page page, PageConsumer output)
            {
                if (passThrough) {
                    output.accept(page);
                    return;
                }
                if (filter == null) {
                    filter = keyFilter();
                }
                Block keys = page.getBlock(channel);
                int count = page.getPositionCount();
                int[] positions = new int[count];
                int matched = 0;
                for (int position = 0; position < count; position++) {
                    if (!keys.isNull(position) && filter.mayMatch(type.getLong(keys, position))) {
                        positions[matched++] = position;
                    }
                }
                seen += count;
                kept += matched;
                if (seen >= SAMPLE_ROWS && kept * 10 > seen * 9) {
                    passThrough = true;
                }
                if (matched == count) {
                    output.accept(page);
                }
                else if (matched > 0) {
                    output.accept(page.copyPositions(positions, 0, matched));
                }
            }
        };
    }

    @Override
    public String describe()
    {
        return "DynamicFilter[channel=" + channel + ", from " + build.describe() + "]";
    }
}
