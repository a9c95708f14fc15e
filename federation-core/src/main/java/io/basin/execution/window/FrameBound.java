package io.basin.execution.window;

import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static java.util.Objects.requireNonNull;

/** One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}, ... */
public record FrameBound(Kind kind, long offset)
{
    /** In the order the bounds appear along a partition. */
    public enum Kind
    {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING;

        boolean hasOffset()
        {
            return this == PRECEDING || this == FOLLOWING;
        }
    }

    public FrameBound
    {
        requireNonNull(kind, "kind is null");
        if (kind.hasOffset()) {
            if (offset < 0) {
                // PostgreSQL: "frame starting offset must not be negative"
                throw new BasinException(INVALID_PARAMETER_VALUE, "Frame offset must not be negative: " + offset);
            }
        }
        else if (offset != 0) {
            throw new IllegalArgumentException(kind + " takes no offset");
        }
    }

    public static FrameBound unboundedPreceding()
    {
        return new FrameBound(Kind.UNBOUNDED_PRECEDING, 0);
    }

    public static FrameBound preceding(long offset)
    {
        return new FrameBound(Kind.PRECEDING, offset);
    }

    public static FrameBound currentRow()
    {
        return new FrameBound(Kind.CURRENT_ROW, 0);
    }

    public static FrameBound following(long offset)
    {
        return new FrameBound(Kind.FOLLOWING, offset);
    }

    public static FrameBound unboundedFollowing()
    {
        return new FrameBound(Kind.UNBOUNDED_FOLLOWING, 0);
    }

    @Override
    public String toString()
    {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> offset + " PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> offset + " FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        };
    }
}
