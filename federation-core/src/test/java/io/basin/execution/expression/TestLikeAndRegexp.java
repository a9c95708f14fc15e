package io.basin.execution.expression;

import io.airlift.slice.Slices;
import io.basin.execution.expression.function.LikeMatcher;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static io.basin.execution.expression.TestingExpressions.argument;
import static io.basin.execution.expression.TestingExpressions.assertSqlError;
import static io.basin.execution.expression.TestingExpressions.block;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.basin.execution.expression.TestingExpressions.page;
import static io.basin.execution.expression.TestingExpressions.project;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.CharType.createCharType;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestLikeAndRegexp
{
    private static boolean like(String value, String pattern)
    {
        return (Boolean) evaluate(FunctionNames.LIKE, BOOLEAN, argument(value, VARCHAR), argument(pattern, VARCHAR));
    }

    private static boolean like(String value, String pattern, String escape)
    {
        return (Boolean) evaluate(FunctionNames.LIKE, BOOLEAN, argument(value, VARCHAR), argument(pattern, VARCHAR), argument(escape, VARCHAR));
    }

    @Test
    void wildcards()
    {
        assertThat(like("abc", "abc")).isTrue();
        assertThat(like("abc", "ab")).isFalse();
        assertThat(like("abc", "a%")).isTrue();
        assertThat(like("abc", "%c")).isTrue();
        assertThat(like("abc", "%b%")).isTrue();
        assertThat(like("abc", "a_c")).isTrue();
        assertThat(like("abc", "a_")).isFalse();
        assertThat(like("abc", "___")).isTrue();
        assertThat(like("abc", "%")).isTrue();
        assertThat(like("", "%")).isTrue();
        assertThat(like("", "")).isTrue();
        assertThat(like("", "_")).isFalse();
        assertThat(like("abcabc", "%abc")).isTrue();
        assertThat(like("ab", "a%%b")).isTrue();
        assertThat(like("special requests pending", "%special%requests%")).isTrue();
        assertThat(like("requests special", "%special%requests%")).isFalse();
        assertThat(like("aXbXc", "a%b_c")).isTrue();
        assertThat(like("aXbc", "a%b_c")).isFalse();
        // _ is one character, not one byte
        assertThat(like("héllo", "h_llo")).isTrue();
        assertThat(like("日本", "__")).isTrue();
        assertThat(like("日本", "_")).isFalse();
        assertThat(like("日本語", "%_語")).isTrue();
    }

    @Test
    void regexCharactersAreLiteral()
    {
        assertThat(like("a.c", "a.c")).isTrue();
        assertThat(like("abc", "a.c")).isFalse();
        assertThat(like("a*c", "a*c")).isTrue();
        assertThat(like("a+(c)", "a+(c)")).isTrue();
        assertThat(like("[x]", "[x]")).isTrue();
        assertThat(like("x", "[x]")).isFalse();
        assertThat(like("a$^c", "a$^%")).isTrue();
        assertThat(like("a|b", "a|b")).isTrue();
        assertThat(like("a", "a|b")).isFalse();
    }

    @Test
    void escapes()
    {
        // backslash is the default escape
        assertThat(like("50%", "50\\%")).isTrue();
        assertThat(like("500", "50\\%")).isFalse();
        assertThat(like("a_b", "a\\_b")).isTrue();
        assertThat(like("axb", "a\\_b")).isFalse();
        assertThat(like("a\\b", "a\\\\b")).isTrue();
        assertThat(like("50%", "50!%", "!")).isTrue();
        assertThat(like("50!", "50!!", "!")).isTrue();
        assertThat(like("a\\b", "a\\b", "")).isTrue();
        assertThat(like("a%b", "a#%b", "#")).isTrue();
        assertSqlError(() -> like("a", "a\\"), "22025", "LIKE pattern must not end with escape character");
        assertSqlError(() -> like("a", "a", "ab"), "22025", "invalid escape string");
    }

    @Test
    void ilikeAndChar()
    {
        assertThat(evaluate(FunctionNames.ILIKE, BOOLEAN, argument("Hello WORLD", VARCHAR), argument("hello%world", VARCHAR))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.ILIKE, BOOLEAN, argument("ÉCOLE", VARCHAR), argument("é%", VARCHAR))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.LIKE, BOOLEAN, argument("Hello", VARCHAR), argument("hello", VARCHAR))).isEqualTo(false);
        assertThat(evaluate(FunctionNames.LIKE, BOOLEAN, argument("ab  ", createCharType(4)), argument("ab", VARCHAR))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.LIKE, BOOLEAN, argument(null, VARCHAR), argument("a", VARCHAR))).isNull();
    }

    @Test
    void patternFromColumnAndSharedShape()
    {
        Expression value = input(0, VARCHAR);
        Expression likeColumn = call(FunctionNames.LIKE, BOOLEAN, value, input(1, VARCHAR));
        assertThat(project(likeColumn, page(block(VARCHAR, "abc", "abc", "abc", "x"), block(VARCHAR, "a%", "a%", "%d", null))))
                .containsExactly(true, true, false, null);
        long misses = TestingExpressions.compiler().cache().misses();
        assertThat(project(call(FunctionNames.LIKE, BOOLEAN, value, constant("PROMO%", VARCHAR)), page(block(VARCHAR, "PROMO BRUSHED", "STANDARD")))).containsExactly(true, false);
        long afterFirst = TestingExpressions.compiler().cache().misses();
        assertThat(project(call(FunctionNames.LIKE, BOOLEAN, value, constant("%BRUSHED", VARCHAR)), page(block(VARCHAR, "PROMO BRUSHED", "STANDARD")))).containsExactly(true, false);
        // a different literal pattern reuses the compiled class
        assertThat(TestingExpressions.compiler().cache().misses()).isEqualTo(afterFirst);
        assertThat(afterFirst).isGreaterThanOrEqualTo(misses);
    }

    /** Random patterns over a small alphabet, checked against an equivalent java.util.regex. */
    @Test
    void randomPatternsMatchRegexTranslation()
    {
        Random random = new Random(7);
        String alphabet = "ab%_é";
        for (int i = 0; i < 3000; i++) {
            String pattern = randomString(random, alphabet, 6);
            String value = randomString(random, "abé", 7);
            StringBuilder regex = new StringBuilder();
            for (char character : pattern.toCharArray()) {
                regex.append(switch (character) {
                    case '%' -> ".*";
                    case '_' -> ".";
                    default -> Pattern.quote(String.valueOf(character));
                });
            }
            boolean expected = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
            assertThat(LikeMatcher.compile(Slices.utf8Slice(pattern), false).matches(Slices.utf8Slice(value)))
                    .as("'%s' LIKE '%s'", value, pattern)
                    .isEqualTo(expected);
        }
    }

    private static String randomString(Random random, String alphabet, int maxLength)
    {
        int length = random.nextInt(maxLength + 1);
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < length; i++) {
            builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return builder.toString();
    }

    @Test
    void regexpLike()
    {
        assertThat(evaluate(FunctionNames.REGEXP_LIKE, BOOLEAN, argument("abc123", VARCHAR), argument("[0-9]+$", VARCHAR))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.REGEXP_LIKE, BOOLEAN, argument("abc", VARCHAR), argument("^b", VARCHAR))).isEqualTo(false);
        assertThat(evaluate(FunctionNames.REGEXP_LIKE, BOOLEAN, argument("foo bar", VARCHAR), argument("o b", VARCHAR))).isEqualTo(true);
        assertSqlError(() -> evaluate(FunctionNames.REGEXP_LIKE, BOOLEAN, argument("abc", VARCHAR), argument("(", VARCHAR)), "2201B", "invalid regular expression");
        Expression regexColumn = call(FunctionNames.REGEXP_LIKE, BOOLEAN, input(0, VARCHAR), input(1, VARCHAR));
        assertThat(project(regexColumn, page(block(VARCHAR, "a1", "a1", "b"), block(VARCHAR, "\\d", "^a", "^a")))).containsExactly(true, true, false);
    }
}
