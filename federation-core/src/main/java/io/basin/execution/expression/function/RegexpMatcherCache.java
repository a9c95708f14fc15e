package io.basin.execution.expression.function;

import io.airlift.slice.Slice;

/**
 * regexp_like with a pattern that is not a literal: recompiles only when the pattern changes from
 * one row to the next. Owned by one kernel instance, so not thread-safe.
 */
public final class RegexpMatcherCache
{
    private Slice lastPattern;
    private RegexpMatcher lastMatcher;

    public boolean matches(Slice value, Slice pattern)
    {
        if (lastMatcher == null || !pattern.equals(lastPattern)) {
            lastMatcher = RegexpMatcher.compile(pattern);
            lastPattern = pattern.copy();
        }
        return lastMatcher.matches(value);
    }
}
