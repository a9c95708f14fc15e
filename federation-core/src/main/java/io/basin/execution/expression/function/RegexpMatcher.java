package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.basin.error.BasinException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.basin.error.BasinErrorCode.INVALID_REGULAR_EXPRESSION;
import static java.util.Objects.requireNonNull;

/**
 * A compiled regular expression for the {@code ~} operator (regexp_like): true when the pattern
 * matches anywhere in the value. Java's regex dialect covers the POSIX extended syntax that
 * queries use (classes, anchors, alternation, quantifiers, bracket expressions). Immutable.
 */
public final class RegexpMatcher
{
    private final Pattern pattern;

    private RegexpMatcher(Pattern pattern)
    {
        this.pattern = requireNonNull(pattern, "pattern is null");
    }

    public static RegexpMatcher compile(Slice pattern)
    {
        try {
            return new RegexpMatcher(Pattern.compile(pattern.toStringUtf8()));
        }
        catch (PatternSyntaxException e) {
            throw new BasinException(INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription(), e);
        }
    }

    public boolean matches(Slice value)
    {
        return pattern.matcher(value.toStringUtf8()).find();
    }
}
