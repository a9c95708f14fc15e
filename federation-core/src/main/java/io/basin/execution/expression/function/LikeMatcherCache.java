package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;

/**
 * LIKE with a pattern that is not a literal (a column or expression): recompiles only when the
 * pattern changes from one row to the next. Owned by one kernel instance, so not thread-safe.
 */
public final class LikeMatcherCache
{
    private static final Slice DEFAULT_ESCAPE = Slices.utf8Slice("\\");

    private final boolean caseInsensitive;
    private Slice lastPattern;
    private Slice lastEscape;
    private LikeMatcher lastMatcher;

    public LikeMatcherCache(boolean caseInsensitive)
    {
        this.caseInsensitive = caseInsensitive;
    }

    public boolean matches(Slice value, Slice pattern)
    {
        return matches(value, pattern, DEFAULT_ESCAPE);
    }

    public boolean matches(Slice value, Slice pattern, Slice escape)
    {
        if (lastMatcher == null || !pattern.equals(lastPattern) || !escape.equals(lastEscape)) {
            // copy: the slices may be views into a block that is reused
            lastMatcher = LikeMatcher.compile(pattern, escape, caseInsensitive);
            lastPattern = pattern.copy();
            lastEscape = escape.copy();
        }
        return lastMatcher.matches(value);
    }
}
