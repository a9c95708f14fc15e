package io.basin.plan;

import static com.google.common.base.Preconditions.checkArgument;

/** One ORDER BY key: an input channel, direction and null placement. */
public record Ordering(int channel, boolean ascending, boolean nullsFirst)
{
    public Ordering
    {
        checkArgument(channel >= 0, "channel is negative");
    }
}
