package io.basin.execution.expression;

import io.airlift.slice.Slices;
import io.basin.plan.expr.FunctionNames;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static io.basin.execution.expression.TestingExpressions.argument;
import static io.basin.execution.expression.TestingExpressions.assertSqlError;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.CharType.createCharType;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

class TestStringFunctions
{
    private static Object text(String function, Object... arguments)
    {
        TestingExpressions.Argument[] typed = new TestingExpressions.Argument[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object value = arguments[i];
            typed[i] = argument(value instanceof Integer integer ? (Object) (long) integer : value, value instanceof Integer || value instanceof Long ? BIGINT : VARCHAR);
        }
        return evaluate(function, VARCHAR, typed);
    }

    private static Object number(String function, Object... arguments)
    {
        TestingExpressions.Argument[] typed = new TestingExpressions.Argument[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object value = arguments[i];
            typed[i] = argument(value instanceof Integer integer ? (Object) (long) integer : value, value instanceof Integer || value instanceof Long ? BIGINT : VARCHAR);
        }
        return evaluate(function, BIGINT, typed);
    }

    @Test
    void concat()
    {
        assertThat(text(FunctionNames.CONCAT, "ab", "cd")).isEqualTo("abcd");
        assertThat(text(FunctionNames.CONCAT, "", "é")).isEqualTo("é");
        assertThat(text(FunctionNames.CONCAT, "a", null)).isNull();
        assertThat(evaluate(FunctionNames.CONCAT, VARCHAR, argument("n=", VARCHAR), argument(42, INTEGER))).isEqualTo("n=42");
        assertThat(evaluate(FunctionNames.CONCAT, VARCHAR, argument("ab  ", createCharType(4)), argument("c", VARCHAR))).isEqualTo("abc");
        assertThat(evaluate(FunctionNames.CONCAT, VARCHAR, argument(new java.math.BigDecimal("1.50"), createDecimalType(3, 2)), argument("$", VARCHAR))).isEqualTo("1.50$");
        assertThat(evaluate(FunctionNames.CONCAT, VARBINARY, argument(Slices.wrappedBuffer(new byte[] {1}), VARBINARY), argument(Slices.wrappedBuffer(new byte[] {2}), VARBINARY)))
                .isEqualTo(Slices.wrappedBuffer(new byte[] {1, 2}));
    }

    @Test
    void substring()
    {
        assertThat(text(FunctionNames.SUBSTRING, "hello", 2)).isEqualTo("ello");
        assertThat(text(FunctionNames.SUBSTRING, "hello", 2, 3)).isEqualTo("ell");
        // PostgreSQL: characters start .. start + length - 1 that exist
        assertThat(text(FunctionNames.SUBSTRING, "hello", 0, 3)).isEqualTo("he");
        assertThat(text(FunctionNames.SUBSTRING, "hello", -5, 3)).isEqualTo("");
        assertThat(text(FunctionNames.SUBSTRING, "hello", -1)).isEqualTo("hello");
        assertThat(text(FunctionNames.SUBSTRING, "hello", 6)).isEqualTo("");
        assertThat(text(FunctionNames.SUBSTRING, "hello", 4, 100)).isEqualTo("lo");
        assertThat(text(FunctionNames.SUBSTRING, "héllo wörld", 2, 4)).isEqualTo("éllo");
        assertThat(text(FunctionNames.SUBSTRING, "日本語テキスト", 3, 2)).isEqualTo("語テ");
        assertThat(text(FunctionNames.SUBSTRING, "hello", 2, Long.MAX_VALUE)).isEqualTo("ello");
        assertSqlError(() -> text(FunctionNames.SUBSTRING, "hello", 1, -1), "22023", "negative substring length not allowed");
        assertThat(evaluate(FunctionNames.SUBSTRING, VARBINARY, argument(Slices.wrappedBuffer(new byte[] {1, 2, 3, 4}), VARBINARY), argument(2L, BIGINT), argument(2L, BIGINT)))
                .isEqualTo(Slices.wrappedBuffer(new byte[] {2, 3}));
        assertThat(evaluate(FunctionNames.SUBSTRING, VARCHAR, argument("hello", VARCHAR), argument(2, INTEGER), argument(2, INTEGER))).isEqualTo("el");
    }

    @Test
    void caseAndTrim()
    {
        assertThat(text(FunctionNames.UPPER, "héllo ß")).isEqualTo("HÉLLO ß");
        assertThat(text(FunctionNames.LOWER, "ÀBC")).isEqualTo("àbc");
        assertThat(text(FunctionNames.BTRIM, "  a b  ")).isEqualTo("a b");
        assertThat(text(FunctionNames.BTRIM, "\tx\t")).isEqualTo("\tx\t");
        assertThat(text(FunctionNames.BTRIM, "xxaxyx", "xy")).isEqualTo("a");
        assertThat(text(FunctionNames.LTRIM, "  a  ")).isEqualTo("a  ");
        assertThat(text(FunctionNames.RTRIM, "  a  ")).isEqualTo("  a");
        assertThat(text(FunctionNames.LTRIM, "ééa", "é")).isEqualTo("a");
        assertThat(text(FunctionNames.INITCAP, "hello wORLD-foo bar_baz 1st")).isEqualTo("Hello World-Foo Bar_Baz 1st");
        assertThat(text(FunctionNames.REVERSE, "añb")).isEqualTo("bña");
    }

    @Test
    void lengthsAndPositions()
    {
        assertThat(number(FunctionNames.LENGTH, "héllo")).isEqualTo(5L);
        assertThat(number(FunctionNames.OCTET_LENGTH, "héllo")).isEqualTo(6L);
        assertThat(evaluate(FunctionNames.LENGTH, INTEGER, argument("abc", createVarcharType(10)))).isEqualTo(3L);
        assertThat(evaluate(FunctionNames.LENGTH, BIGINT, argument(Slices.wrappedBuffer(new byte[] {1, 2}), VARBINARY))).isEqualTo(2L);
        assertThat(number(FunctionNames.STRPOS, "héllo", "llo")).isEqualTo(3L);
        assertThat(number(FunctionNames.STRPOS, "hello", "z")).isEqualTo(0L);
        assertThat(number(FunctionNames.STRPOS, "hello", "")).isEqualTo(1L);
        assertThat(number(FunctionNames.ASCII, "A")).isEqualTo(65L);
        assertThat(number(FunctionNames.ASCII, "é")).isEqualTo(233L);
        assertThat(number(FunctionNames.ASCII, "")).isEqualTo(0L);
        assertThat(evaluate(FunctionNames.STARTS_WITH, BOOLEAN, argument("hello", VARCHAR), argument("he", VARCHAR))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.STARTS_WITH, BOOLEAN, argument("hello", VARCHAR), argument("lo", VARCHAR))).isEqualTo(false);
    }

    @Test
    void replaceTranslatePad()
    {
        assertThat(text(FunctionNames.REPLACE, "abcabc", "b", "XY")).isEqualTo("aXYcaXYc");
        assertThat(text(FunctionNames.REPLACE, "abc", "", "X")).isEqualTo("abc");
        assertThat(text(FunctionNames.REPLACE, "aaa", "aa", "b")).isEqualTo("ba");
        assertThat(text(FunctionNames.TRANSLATE, "12345", "143", "ax")).isEqualTo("a2x5");
        assertThat(text(FunctionNames.LPAD, "hi", 5)).isEqualTo("   hi");
        assertThat(text(FunctionNames.LPAD, "hi", 5, "xy")).isEqualTo("xyxhi");
        assertThat(text(FunctionNames.LPAD, "hello", 2)).isEqualTo("he");
        assertThat(text(FunctionNames.RPAD, "hi", 5, "é")).isEqualTo("hiééé");
        assertThat(text(FunctionNames.RPAD, "hi", -1)).isEqualTo("");
        assertThat(text(FunctionNames.LPAD, "hi", 5, "")).isEqualTo("hi");
    }

    @Test
    void splitLeftRightRepeat()
    {
        assertThat(text(FunctionNames.SPLIT_PART, "a,b,,c", ",", 2)).isEqualTo("b");
        assertThat(text(FunctionNames.SPLIT_PART, "a,b,,c", ",", 3)).isEqualTo("");
        assertThat(text(FunctionNames.SPLIT_PART, "a,b,,c", ",", 9)).isEqualTo("");
        assertThat(text(FunctionNames.SPLIT_PART, "a,b,,c", ",", -1)).isEqualTo("c");
        assertThat(text(FunctionNames.SPLIT_PART, "a,b,,c", ",", -4)).isEqualTo("a");
        assertThat(text(FunctionNames.SPLIT_PART, "a::b", "::", 2)).isEqualTo("b");
        assertSqlError(() -> text(FunctionNames.SPLIT_PART, "a,b", ",", 0), "22023", "field position must not be zero");
        assertThat(text(FunctionNames.LEFT, "héllo", 2)).isEqualTo("hé");
        assertThat(text(FunctionNames.LEFT, "héllo", -2)).isEqualTo("hél");
        assertThat(text(FunctionNames.RIGHT, "héllo", 2)).isEqualTo("lo");
        assertThat(text(FunctionNames.RIGHT, "héllo", -2)).isEqualTo("llo");
        assertThat(text(FunctionNames.RIGHT, "ab", 5)).isEqualTo("ab");
        assertThat(text(FunctionNames.REPEAT, "ab", 3)).isEqualTo("ababab");
        assertThat(text(FunctionNames.REPEAT, "ab", -1)).isEqualTo("");
        assertSqlError(() -> text(FunctionNames.REPEAT, "ab", 1L << 40), "22023", "requested length too large");
    }

    @Test
    void md5AndChr() throws Exception
    {
        String expected = String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest("héllo".getBytes(StandardCharsets.UTF_8))));
        assertThat(text(FunctionNames.MD5, "héllo")).isEqualTo(expected);
        assertThat(text(FunctionNames.CHR, 65)).isEqualTo("A");
        assertThat(text(FunctionNames.CHR, 0x1F600)).isEqualTo("😀");
        assertSqlError(() -> text(FunctionNames.CHR, 0), "22023", "null character not permitted");
        assertSqlError(() -> text(FunctionNames.CHR, 0x110000), "22023", "requested character too large for encoding");
    }
}
