package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.basin.error.BasinErrorCode.INVALID_REGULAR_EXPRESSION;

/**
 * regexp_replace(s, pattern) (Redshift's two-argument form: every match removed),
 * regexp_replace(s, pattern, replacement) (PostgreSQL's: the first match replaced; {@code \1} to
 * {@code \9} stand for the groups, {@code \&} for the match, {@code \\} for a backslash) and
 * regexp_substr(s, pattern) (the first match; the planner tests that there is one, since
 * PostgreSQL gives NULL when there is none). Patterns are usually constants, so compiled ones are
 * kept (a bounded number, cleared when full).
 */
public final class RegexpFunctions
{
    private static final int MAX_PATTERNS = 256;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private RegexpFunctions() {}

    public static Slice regexpRemove(Slice value, Slice pattern)
    {
        return Slices.utf8Slice(pattern(pattern).matcher(value.toStringUtf8()).replaceAll(""));
    }

    public static Slice regexpReplaceFirst(Slice value, Slice pattern, Slice replacement)
    {
        String text = value.toStringUtf8();
        Matcher matcher = pattern(pattern).matcher(text);
        if (!matcher.find()) {
            return value;
        }
        StringBuilder result = new StringBuilder(text.length()).append(text, 0, matcher.start());
        String substitute = replacement.toStringUtf8();
        for (int i = 0; i < substitute.length(); i++) {
            char c = substitute.charAt(i);
            if (c == '\\' && i + 1 < substitute.length()) {
                char next = substitute.charAt(i + 1);
                if (next >= '1' && next <= '9') {
                    int group = next - '0';
                    if (group <= matcher.groupCount() && matcher.group(group) != null) {
                        result.append(matcher.group(group));
                    }
                    i++;
                    continue;
                }
                if (next == '&') {
                    result.append(matcher.group());
                    i++;
                    continue;
                }
                if (next == '\\') {
                    result.append('\\');
                    i++;
                    continue;
                }
            }
            result.append(c);
        }
        result.append(text, matcher.end(), text.length());
        return Slices.utf8Slice(result.toString());
    }

    public static Slice regexpFirstMatch(Slice value, Slice pattern)
    {
        Matcher matcher = pattern(pattern).matcher(value.toStringUtf8());
        return matcher.find() ? Slices.utf8Slice(matcher.group()) : Slices.EMPTY_SLICE;
    }

    private static Pattern pattern(Slice pattern)
    {
        String text = pattern.toStringUtf8();
        Pattern compiled = PATTERNS.get(text);
        if (compiled != null) {
            return compiled;
        }
        try {
            compiled = Pattern.compile(text);
        }
        catch (PatternSyntaxException e) {
            throw new BasinException(INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription(), e);
        }
        if (PATTERNS.size() >= MAX_PATTERNS) {
            PATTERNS.clear();
        }
        PATTERNS.put(text, compiled);
        return compiled;
    }
}
