package io.basin.execution.operator.join;

import io.basin.execution.driver.DriverContext;
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

    private final HashBuildSink build;
    private final int channel;
    private final Type type;

    public DynamicFilterOperatorFactory(HashBuildSink build, int channel, Type type)
    {
        this.build = requireNonNull(build, "build is null");
        this.channel = channel;
        this.type = requireNonNull(type, "type is null");
    }

    @Override
    public Operator createOperator(DriverContext driverContext)
    {
        return new Operator()
        {
            private long seen;
            private long kept;
            private boolean passThrough;

            @Override
            public void addInput(Page page, PageConsumer output)
            {
                JoinHashTable table = build.table();
                if (passThrough || !table.isLongFastPath()) {
                    output.accept(page);
                    return;
                }
                Block keys = page.getBlock(channel);
                int count = page.getPositionCount();
                int[] positions = new int[count];
                int matched = 0;
                for (int position = 0; position < count; position++) {
                    if (!keys.isNull(position) && table.containsLongKey(type.getLong(keys, position))) {
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
