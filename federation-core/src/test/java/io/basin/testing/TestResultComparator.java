package io.basin.testing;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.basin.testing.ResultComparator.compare;
import static io.basin.testing.ResultComparator.valuesMatch;
import static org.assertj.core.api.Assertions.assertThat;

class TestResultComparator
{
    @Test
    void testExactNumbersCompareByValueAcrossJavaTypes()
    {
        assertThat(valuesMatch(new BigDecimal("2.50"), new BigDecimal("2.5"))).isTrue();
        assertThat(valuesMatch(5L, 5)).isTrue();
        assertThat(valuesMatch(new BigDecimal("380456.00"), 380456L)).isTrue();
        assertThat(valuesMatch((short) 7, new BigDecimal("7"))).isTrue();
        assertThat(valuesMatch(5L, 6L)).isFalse();
        assertThat(valuesMatch(new BigDecimal("0.01"), new BigDecimal("0.02"))).isFalse();
    }

    @Test
    void testDecimalsAreExactAtTheSameScale()
    {
        assertThat(valuesMatch(new BigDecimal("532348211.65"), new BigDecimal("532348211.65"))).isTrue();
        assertThat(valuesMatch(new BigDecimal("532348211.65"), new BigDecimal("532348211.66"))).isFalse();
        // Basin carrying more digits than the oracle must still be exact
        assertThat(valuesMatch(new BigDecimal("1.5"), new BigDecimal("1.5000000001"))).isFalse();
        // 38 digits
        assertThat(valuesMatch(new BigDecimal("1234567890123456789012345678.0123456789"), new BigDecimal("1234567890123456789012345678.0123456789"))).isTrue();
        assertThat(valuesMatch(new BigDecimal("1234567890123456789012345678.0123456789"), new BigDecimal("1234567890123456789012345678.0123456788"))).isFalse();
    }

    @Test
    void testOracleDecimalWithMoreDigitsIsRoundedToBasinScale()
    {
        // PostgreSQL's avg(numeric(12,2)) vs a decimal(12,2)-typed average
        assertThat(valuesMatch(new BigDecimal("25.5797565591307037"), new BigDecimal("25.58"))).isTrue();
        assertThat(valuesMatch(new BigDecimal("25.5797565591307037"), new BigDecimal("25.57"))).isFalse();
        // half away from zero
        assertThat(valuesMatch(new BigDecimal("2.345"), new BigDecimal("2.35"))).isTrue();
        assertThat(valuesMatch(new BigDecimal("-2.345"), new BigDecimal("-2.35"))).isTrue();
        assertThat(valuesMatch(new BigDecimal("-2.3450"), new BigDecimal("-2.35"))).isTrue();
        assertThat(valuesMatch(new BigDecimal("-2.345"), new BigDecimal("-2.34"))).isFalse();
    }

    @Test
    void testBasinDecimalWithMoreDigitsThanRoundedOracleQuotient()
    {
        // PostgreSQL rounds 1/3 to 20 digits; Basin's decimal(38,25) quotient has more
        assertThat(valuesMatch(new BigDecimal("0.33333333333333333333"), new BigDecimal("0.3333333333333333333333333"))).isTrue();
        assertThat(valuesMatch(new BigDecimal("0.33333333333333333333"), new BigDecimal("0.3333333333333333333433333"))).isFalse();
        assertThat(valuesMatch(new BigDecimal("25.5797565591307037"), new BigDecimal("25.579756559130703712"))).isTrue();
        // an exact oracle value (a sum) is not rounded into: Basin's extra digits are wrong
        assertThat(valuesMatch(new BigDecimal("5.40"), new BigDecimal("5.4000000001"))).isFalse();
        assertThat(valuesMatch(new BigDecimal("526165934.000839"), new BigDecimal("526165934.0008390000001"))).isFalse();
    }

    @Test
    void testIntegerTypedValueGetsNoRounding()
    {
        // a sum that Basin returned as an integer type must not be "rounded into" matching
        assertThat(valuesMatch(new BigDecimal("532348211.65"), 532348212L)).isFalse();
        assertThat(valuesMatch(new BigDecimal("2.50"), 3)).isFalse();
        assertThat(valuesMatch(new BigDecimal("2.00"), 2)).isTrue();
    }

    @Test
    void testApproximateNumbers()
    {
        assertThat(valuesMatch(0.1 + 0.2, 0.3)).isTrue();
        assertThat(valuesMatch(1.0e15, 1.0e15 + 0.5)).isTrue();
        assertThat(valuesMatch(1.0, 1.0 + 1e-6)).isFalse();
        assertThat(valuesMatch(new BigDecimal("15.4865458122840916"), 15.486545812284092)).isTrue();
        assertThat(valuesMatch(15.486545812284092, new BigDecimal("15.4865458122840916"))).isTrue();
        assertThat(valuesMatch(15.48, new BigDecimal("15.4865458122840916"))).isFalse();
        assertThat(valuesMatch(0.0, 1e-15)).isTrue();
        assertThat(valuesMatch(0.0, 1e-6)).isFalse();
        assertThat(valuesMatch(Double.NaN, Double.NaN)).isTrue();
        assertThat(valuesMatch(Double.NaN, 1.0)).isFalse();
        assertThat(valuesMatch(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(valuesMatch(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isFalse();
        assertThat(valuesMatch(1.1f, 1.1)).isTrue();
        assertThat(valuesMatch(1.1f, 1.2f)).isFalse();
    }

    @Test
    void testNullsStringsAndTypes()
    {
        assertThat(valuesMatch(null, null)).isTrue();
        assertThat(valuesMatch(null, 0)).isFalse();
        assertThat(valuesMatch("", null)).isFalse();
        assertThat(valuesMatch("abc", "abc")).isTrue();
        assertThat(valuesMatch("abc", "abc ")).isFalse();
        assertThat(valuesMatch("abc", "ABC")).isFalse();
        assertThat(valuesMatch("1", 1)).isFalse();
        assertThat(valuesMatch(true, true)).isTrue();
        assertThat(valuesMatch(true, false)).isFalse();
        assertThat(valuesMatch('x', "x")).isTrue();
        assertThat(valuesMatch(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(valuesMatch(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
    }

    @Test
    void testDatesTimestampsAndIntervals()
            throws SQLException
    {
        assertThat(valuesMatch(java.sql.Date.valueOf("1995-03-15"), LocalDate.of(1995, 3, 15))).isTrue();
        assertThat(valuesMatch(LocalDate.of(1995, 3, 15), LocalDate.of(1995, 3, 16))).isFalse();
        assertThat(valuesMatch(LocalDate.of(1995, 3, 15), LocalDateTime.of(1995, 3, 15, 0, 0))).isFalse();
        assertThat(valuesMatch(java.sql.Timestamp.valueOf("2020-01-02 03:04:05.123456"), LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_000))).isTrue();
        assertThat(valuesMatch(new PGInterval("1 year 2 mons"), Period.ofMonths(14))).isTrue();
        assertThat(valuesMatch(new PGInterval("3 days 04:00:00"), Duration.ofHours(76))).isTrue();
        assertThat(valuesMatch(new PGInterval("3 days"), Period.ofDays(3))).isTrue();
        assertThat(valuesMatch(new PGInterval("1 mon"), Duration.ofDays(30))).isFalse();
    }

    @Test
    void testMultisetComparisonIgnoresOrder()
    {
        List<List<Object>> expected = rows(row(1, "a"), row(2, "b"), row(2, "b"), row(null, "c"));
        List<List<Object>> actual = rows(row(null, "c"), row(2L, "b"), row(1L, "a"), row(2L, "b"));
        assertThat(compare(expected, actual, false)).isEmpty();
        assertThat(compare(expected, actual, true)).isPresent();
    }

    @Test
    void testMultisetComparisonCountsDuplicates()
    {
        List<List<Object>> expected = rows(row(1, "a"), row(1, "a"), row(2, "b"));
        List<List<Object>> actual = rows(row(1, "a"), row(2, "b"), row(2, "b"));
        Optional<String> difference = compare(expected, actual, false);
        assertThat(difference).isPresent();
        assertThat(difference.get())
                .contains("expected 3 rows, actual 3 rows")
                .contains("1 missing (expected, not in actual) rows:\n    [1, 'a']")
                .contains("1 extra (in actual, not expected) rows:\n    [2, 'b']");
    }

    @Test
    void testMultisetComparisonWithToleranceAcrossSortPositions()
    {
        // the doubles sort differently on each side but match within the tolerance
        List<List<Object>> expected = rows(row(1.0000000000001, "b"), row(1.0, "a"));
        List<List<Object>> actual = rows(row(1.0, "b"), row(1.0000000000001, "a"));
        assertThat(compare(expected, actual, false)).isEmpty();
    }

    @Test
    void testWrongResultIsRejected()
    {
        List<List<Object>> expected = new ArrayList<>();
        List<List<Object>> actual = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(row((long) i, new BigDecimal(i).movePointLeft(2), "name" + i));
            actual.add(row((long) i, new BigDecimal(i).movePointLeft(2), "name" + i));
        }
        Collections.reverse(actual);
        assertThat(compare(expected, actual, false)).isEmpty();

        // after the reversal, position 499 holds row 500
        actual.set(499, row(499L, new BigDecimal("4.99"), "name499"));
        Optional<String> difference = compare(expected, actual, false);
        assertThat(difference).isPresent();
        assertThat(difference.get())
                .contains("[500, 5.00, 'name500']")
                .contains("[499, 4.99, 'name499']");

        actual.removeLast();
        assertThat(compare(expected, actual, false)).isPresent();
    }

    @Test
    void testOrderedComparisonReportsPositions()
    {
        List<List<Object>> expected = rows(row(1, "a"), row(2, "b"), row(3, "c"));
        List<List<Object>> actual = rows(row(1, "a"), row(3, "c"), row(2, "b"), row(4, "d"));
        Optional<String> difference = compare(expected, actual, true);
        assertThat(difference).isPresent();
        assertThat(difference.get())
                .contains("expected 3 rows, actual 4 rows, 2 differing positions")
                .contains("row 2: expected [2, 'b']")
                .contains("actual only (rows 4 to 4)")
                .contains("[4, 'd']");
        assertThat(compare(expected, rows(row(1L, "a"), row(2L, "b"), row(3L, "c")), true)).isEmpty();
    }

    @Test
    void testDiffIsLimited()
    {
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(row(i));
        }
        String difference = compare(expected, List.of(), false).orElseThrow();
        assertThat(difference).contains("100 missing").contains("... 90 more");
        assertThat(difference.lines().count()).isLessThan(20);
    }

    @Test
    void testEmptyResults()
    {
        assertThat(compare(List.of(), List.of(), false)).isEmpty();
        assertThat(compare(List.of(), List.of(), true)).isEmpty();
        assertThat(compare(rows(row((Object) null)), List.of(), false)).isPresent();
    }

    @Test
    void testDifferentWidthsAreReported()
    {
        assertThat(compare(rows(row(1, 2)), rows(row(1)), false)).hasValueSatisfying(message -> assertThat(message).contains("different numbers of columns"));
    }

    private static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }

    @SafeVarargs
    private static List<List<Object>> rows(List<Object>... rows)
    {
        return new ArrayList<>(Arrays.asList(rows));
    }
}
