package io.basin.execution.compare;

import io.trino.spi.type.Type;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One key of an ORDER BY: the input channel, its type, the direction and where NULLs go.
 * Construction fails for a type Basin cannot order, so a bad plan is caught when it is built
 * rather than in the middle of a sort.
 */
public record SortKey(int channel, Type type, boolean ascending, boolean nullsFirst)
{
    public SortKey
    {
        checkArgument(channel >= 0, "channel is negative");
        requireNonNull(type, "type is null");
        ValueKind.of(type);
    }

    /**
     * A key with PostgreSQL's default NULL placement: NULLs sort as if larger than every
     * value, so they come last in ascending order and first in descending order.
     */
    public static SortKey of(int channel, Type type, boolean ascending)
    {
        return new SortKey(channel, type, ascending, !ascending);
    }

    public static SortKey ascending(int channel, Type type)
    {
        return of(channel, type, true);
    }

    public static SortKey descending(int channel, Type type)
    {
        return of(channel, type, false);
    }

    public ValueKind kind()
    {
        return ValueKind.of(type);
    }

    @Override
    public String toString()
    {
        return "#" + channel + " " + type.getDisplayName() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
