package io.basin.type;

import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.type.AbstractLongType;
import io.trino.spi.type.TypeSignature;

import java.time.Period;

/** SQL {@code INTERVAL YEAR TO MONTH}: a signed number of months. */
public final class IntervalYearMonthType
        extends AbstractLongType
{
    public static final IntervalYearMonthType INTERVAL_YEAR_MONTH = new IntervalYearMonthType();

    private IntervalYearMonthType()
    {
        super(new TypeSignature("interval year to month"));
    }

    @Override
    public Object getObjectValue(ConnectorSession session, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        return Period.ofMonths((int) getLong(block, position)).normalized();
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
