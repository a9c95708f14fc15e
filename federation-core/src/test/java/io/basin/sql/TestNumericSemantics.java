package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/** Integer and decimal arithmetic, precision beyond 18 digits, rounding, overflow and division by zero. */
class TestNumericSemantics
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE nums (id integer, i integer, b bigint, s smallint, d decimal(12,2), w decimal(38,10), f double precision)");
        executeInBoth("""
                INSERT INTO nums VALUES
                    (1, 7, 9223372036854775807, 32767, 1234567890.12, 1234567890123456789012345678.0123456789, 0.5),
                    (2, -7, -9223372036854775808, -32768, -0.05, -0.0000000001, -2.5),
                    (3, 0, 0, 0, 0.00, 0, 0),
                    (4, 2147483647, 3037000499, 1, 99.99, 9999999999999999999999999999.9999999999, 1e300),
                    (5, NULL, NULL, NULL, NULL, NULL, NULL)""");
    }

    @Test
    void testIntegerArithmetic()
    {
        // integer division truncates toward zero; % takes the sign of the dividend
        assertQuery("SELECT 7 / 2, -7 / 2, 7 / -2, 7 % 3, -7 % 3, 7 % -3");
        assertQuery("SELECT id, i / 2, i % 4, i * 2::bigint, -i, abs(i) FROM nums");
        assertQuery("SELECT id, b / 3, b % 1000, s + 1, s * 2 FROM nums WHERE id IN (3, 4)");
        assertQuery("SELECT id, b - 1 FROM nums WHERE id = 1");
        assertQuery("SELECT sum(i), sum(b / 1000), avg(i), min(b), max(b) FROM nums");
        assertQuery("SELECT 3037000499 * 3037000499");
    }

    @Test
    void testIntegerOverflow()
    {
        assertBothFail("SELECT b * 2 FROM nums WHERE id = 1", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT b - 1 FROM nums WHERE id = 2", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT CAST(9223372036854775807 AS bigint) + 1", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT i + 1 FROM nums WHERE id = 4", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT -b FROM nums WHERE id = 2", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT CAST(100000 AS smallint)", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT CAST(b AS integer) FROM nums WHERE id = 1", "22003", "(?i)out of range|overflow");
    }

    @Test
    void testDivisionByZero()
    {
        assertBothFail("SELECT 1 / 0", "22012", "(?i)division by zero|divide by zero");
        assertBothFail("SELECT i / (id - 1) FROM nums WHERE id = 1", "22012", "(?i)division by zero|divide by zero");
        assertBothFail("SELECT b % 0 FROM nums WHERE id = 4", "22012", "(?i)division by zero|divide by zero");
        assertBothFail("SELECT d / 0 FROM nums WHERE id = 1", "22012", "(?i)division by zero|divide by zero");
        assertBothFail("SELECT 1.5 / 0.0", "22012", "(?i)division by zero|divide by zero");
        // no row reaches the division: no error
        assertQuery("SELECT i / 0 FROM nums WHERE id > 100");
        assertQuery("SELECT CASE WHEN i = 0 THEN NULL ELSE 100 / i END FROM nums");
        assertQuery("SELECT 100 / nullif(i, 0) FROM nums");
    }

    @Test
    void testDecimalArithmetic()
    {
        assertQuery("SELECT id, d + 1, d - 0.005, d * 3, d * d, -d FROM nums");
        assertQuery("SELECT sum(d), min(d), max(d), count(d) FROM nums");
        assertQuery("SELECT 0.1 + 0.2, 1.10 * 3, 10.00 - 0.01, 123456789.123 * 1000");
        assertQuery("SELECT CAST(0.1 AS decimal(10,1)) + CAST(0.2 AS decimal(10,1)) = 0.3");
        assertQuery("SELECT id, d / 4, d / 3 FROM nums");
        assertQuery("SELECT avg(d), sum(d) / count(d) FROM nums");
    }

    @Test
    void testDecimalBeyondEighteenDigits()
    {
        assertQuery("SELECT id, w, w - 0.0000000001, -w FROM nums");
        assertQuery("SELECT id, w + 1 FROM nums WHERE id IN (1, 2, 3)");
        assertQuery("SELECT id, w * 2, w / 10 FROM nums WHERE id IN (1, 2, 3)");
        assertQuery("SELECT sum(w), min(w), max(w) FROM nums WHERE id IN (1, 2, 3)");
        assertQuery("SELECT CAST('12345678901234567890.1234567890' AS decimal(38,10)) * 2");
        assertQuery("SELECT CAST('1234567.1234567890' AS decimal(38,10)) * CAST('1234567.1234567890' AS decimal(38,10))");
        assertQuery("SELECT CAST('99999999999999999999.99' AS decimal(22,2)) + CAST('0.01' AS decimal(22,2))");
        assertQuery("SELECT w > 1e27, w = CAST('1234567890123456789012345678.0123456789' AS decimal(38,10)) FROM nums WHERE id = 1");
        assertQuery("SELECT id FROM nums WHERE w < 0");
        assertQuery("SELECT id, w FROM nums ORDER BY w DESC NULLS LAST, id");
    }

    @Test
    void testDecimalOverflow()
    {
        assertBothFail("SELECT CAST(1000 AS decimal(3,0))", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT CAST(d AS decimal(5,2)) FROM nums WHERE id = 1", "22003", "(?i)out of range|overflow");
        assertBothFail("SELECT CAST(w AS decimal(20,2)) FROM nums WHERE id = 1", "22003", "(?i)out of range|overflow");
    }

    @Test
    void testRounding()
    {
        // numeric rounding is half away from zero
        assertQuery("SELECT round(2.5), round(-2.5), round(0.5), round(1.5), round(-0.5)");
        assertQuery("SELECT round(2.345, 2), round(-2.345, 2), round(2.344, 2), round(1234.5678, -2), round(99.995, 2)");
        assertQuery("SELECT id, round(d, 1), round(d) FROM nums");
        assertQuery("SELECT id, round(w, 3), round(w) FROM nums WHERE id IN (1, 2, 3)");
        assertQuery("SELECT trunc(2.789, 1), trunc(-2.789, 1), floor(-2.5), ceil(-2.5), floor(2.5), ceil(2.5)");
        assertQuery("SELECT id, floor(d), ceil(d), sign(d), abs(d) FROM nums");
    }

    @Test
    void testCastRounding()
    {
        // decimal to decimal and decimal to integer casts round half away from zero
        assertQuery("SELECT CAST(2.345 AS decimal(5,2)), CAST(-2.345 AS decimal(5,2)), CAST(2.344 AS decimal(5,2)), CAST(0.005 AS decimal(4,2))");
        assertQuery("SELECT CAST(2.5 AS integer), CAST(-2.5 AS integer), CAST(3.49 AS integer), CAST(-3.5 AS bigint), CAST(0.5 AS smallint)");
        assertQuery("SELECT id, CAST(d AS integer), CAST(d AS decimal(12,1)), CAST(w AS decimal(38,2)) FROM nums WHERE id IN (1, 2, 3)");
        assertQuery("SELECT '42.50'::decimal(6,2), '-0.125'::decimal(6,2), 12::decimal(6,2), '1e3'::decimal(10,2)");
        assertQuery("SELECT id, CAST(i AS decimal(12,2)) / 3 FROM nums");
    }

    @Test
    void testDoubleArithmetic()
    {
        assertQuery("SELECT id, f, f * 2, f / 3, f + 0.1 FROM nums");
        assertQuery("SELECT sqrt(2.0::double precision), power(2.0::double precision, 10), exp(1.0::double precision), ln(10.0::double precision)");
        assertQuery("SELECT sum(f), min(f), max(f) FROM nums WHERE id < 4");
        assertQuery("SELECT CAST(i AS double precision) / 3 FROM nums");
        assertQuery("SELECT 1e0 / 3");
    }

    @Test
    void testComparisonsAcrossNumericTypes()
    {
        assertQuery("SELECT id FROM nums WHERE i = d");
        assertQuery("SELECT id FROM nums WHERE b > i");
        assertQuery("SELECT id FROM nums WHERE d BETWEEN -1 AND 100");
        assertQuery("SELECT id FROM nums WHERE f < d");
        assertQuery("SELECT 1 = 1.0, 2 > 1.99, 0.1::double precision = 0.1");
    }

    @Test
    void testInvalidNumberText()
    {
        assertBothFail("SELECT CAST('abc' AS integer)", "22P02", "(?i)invalid|cannot|abc");
        assertBothFail("SELECT CAST('1.5x' AS decimal(10,2))", "22P02", "(?i)invalid|cannot|1\\.5x");
    }
}
