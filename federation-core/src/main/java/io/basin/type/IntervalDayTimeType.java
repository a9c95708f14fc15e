package io.basin.type;

import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.type.AbstractLongType;
import io.trino.spi.type.TypeSignature;

import java.time.Duration;

/**
 * SQL {@code INTERVAL DAY TO SECOND}: a signed number of milliseconds. Used for date and
 * timestamp arithmetic ({@code date '1998-12-01' - interval '90' day}).
 */
public final class IntervalDayTimeType
        extends AbstractLongType
{
    public static final IntervalDayTimeType INTERVAL_DAY_TIME = new IntervalDayTimeType();

    private IntervalDayTimeType()
    {
        super(new TypeSignature("interval day to second"));
    }

    @Override
    public Object getObjectValue(ConnectorSession session, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        return Duration.ofMillis(getLong(block, position));
    }

    @Override
    public boolean isComparable()
    {
        return true;
    }

    @Override
    public boolean isOrderable()
    {
        return true;
    }
}
