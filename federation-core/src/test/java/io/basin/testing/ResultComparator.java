package io.basin.testing;

import org.postgresql.util.PGInterval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

import static java.util.Objects.requireNonNull;

/**
 * Compares query results row by row: an oracle's rows ({@code expected}) with Basin's
 * ({@code actual}), as multisets or in order.
 * <p>
 * Values match when they are the same SQL value, whatever Java class each side used:
 * <ul>
 * <li>exact numbers (integer types, {@link BigDecimal}) compare numerically, so {@code 2.50}
 * matches {@code 2.5}. {@code avg} and numeric division legitimately differ in scale between
 * engines (PostgreSQL keeps at least 16 significant digits, Basin its declared result scale), so
 * when Basin's value is a decimal they are compared at the smaller of the two scales, rounding
 * half away from zero: the oracle's value is rounded to Basin's scale when it has more digits;
 * Basin's value is rounded to the oracle's scale only when the oracle's value has at least 16
 * significant digits (a rounded quotient), never for the oracle's exact sums and products. An
 * integer-typed Basin value must match exactly;</li>
 * <li>approximate numbers ({@code double}, {@code real}) on either side compare with a relative
 * tolerance of 1e-9 (1e-5 when either is a {@code real}), or an absolute one of 1e-12 near zero;
 * NaN matches NaN;</li>
 * <li>{@code java.sql.Date}/{@code Timestamp} match the {@code java.time} types; intervals
 * ({@link Period}, {@link Duration}, PostgreSQL's {@link PGInterval}) compare as months plus
 * microseconds, a day being 24 hours; {@code byte[]} by content; {@code NULL} matches only
 * {@code NULL}; everything else by {@code equals} — so a string never matches a number.</li>
 * </ul>
 */
public final class ResultComparator
{
    static final int MAX_REPORTED_ROWS = 10;
    private static final long MAX_PAIRWISE_COMPARISONS = 20_000_000;

    private static final int POSTGRESQL_QUOTIENT_DIGITS = 16;
    private static final double DOUBLE_TOLERANCE = 1e-9;
    private static final double REAL_TOLERANCE = 1e-5;
    private static final double ABSOLUTE_TOLERANCE = 1e-12;

    private ResultComparator() {}

    /**
     * Compares two results; returns a readable description of the differences, or empty when they
     * match.
     *
     * @param ordered compare row {@code i} with row {@code i}; otherwise compare as multisets
     */
    public static Optional<String> compare(List<? extends List<?>> expected, List<? extends List<?>> actual, boolean ordered)
    {
        requireNonNull(expected, "expected is null");
        requireNonNull(actual, "actual is null");
        Optional<String> widthMismatch = checkWidths(expected, actual);
        if (widthMismatch.isPresent()) {
            return widthMismatch;
        }
        return ordered ? compareOrdered(expected, actual) : compareUnordered(expected, actual);
    }

    private static Optional<String> checkWidths(List<? extends List<?>> expected, List<? extends List<?>> actual)
    {
        int width = -1;
        for (List<? extends List<?>> rows : List.of(expected, actual)) {
            for (List<?> row : rows) {
                if (width == -1) {
                    width = row.size();
                }
                else if (row.size() != width) {
                    return Optional.of("Rows have different numbers of columns: %s has %s, another row has %s"
                            .formatted(formatRow(row), row.size(), width));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compareOrdered(List<? extends List<?>> expected, List<? extends List<?>> actual)
    {
        List<String> differences = new ArrayList<>();
        int mismatches = 0;
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!rowsMatch(expected.get(i), actual.get(i))) {
                mismatches++;
                if (differences.size() < MAX_REPORTED_ROWS) {
                    differences.add("  row %s: expected %s%n         actual   %s".formatted(i + 1, formatRow(expected.get(i)), formatRow(actual.get(i))));
                }
            }
        }
        if (mismatches == 0 && expected.size() == actual.size()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder();
        message.append("Results differ (compared in order): expected %s rows, actual %s rows, %s differing positions%n"
                .formatted(expected.size(), actual.size(), mismatches));
        differences.forEach(line -> message.append(line).append(System.lineSeparator()));
        if (mismatches > differences.size()) {
            message.append("  ... %s more%n".formatted(mismatches - differences.size()));
        }
        appendTail(message, "expected", expected, actual.size());
        appendTail(message, "actual", actual, expected.size());
        return Optional.of(message.toString());
    }

    private static void appendTail(StringBuilder message, String side, List<? extends List<?>> rows, int from)
    {
        if (rows.size() > from) {
            message.append("  %s only (rows %s to %s):%n".formatted(side, from + 1, rows.size()));
            rows.subList(from, Math.min(rows.size(), from + MAX_REPORTED_ROWS))
                    .forEach(row -> message.append("    ").append(formatRow(row)).append(System.lineSeparator()));
        }
    }

    private static Optional<String> compareUnordered(List<? extends List<?>> expected, List<? extends List<?>> actual)
    {
        List<List<?>> sortedExpected = new ArrayList<>(expected);
        List<List<?>> sortedActual = new ArrayList<>(actual);
        sortedExpected.sort(ROW_ORDER);
        sortedActual.sort(ROW_ORDER);

        // a merge walk finds the matches of equal rows; values equal within a tolerance may sort
        // apart, so what is left over is matched pairwise afterwards
        List<List<?>> missing = new ArrayList<>();
        List<List<?>> extra = new ArrayList<>();
        int e = 0;
        int a = 0;
        while (e < sortedExpected.size() && a < sortedActual.size()) {
            List<?> expectedRow = sortedExpected.get(e);
            List<?> actualRow = sortedActual.get(a);
            if (rowsMatch(expectedRow, actualRow)) {
                e++;
                a++;
            }
            else if (ROW_ORDER.compare(expectedRow, actualRow) <= 0) {
                missing.add(expectedRow);
                e++;
            }
            else {
                extra.add(actualRow);
                a++;
            }
        }
        missing.addAll(sortedExpected.subList(e, sortedExpected.size()));
        extra.addAll(sortedActual.subList(a, sortedActual.size()));

        if ((long) missing.size() * extra.size() <= MAX_PAIRWISE_COMPARISONS) {
            for (var missingRows = missing.iterator(); missingRows.hasNext(); ) {
                List<?> expectedRow = missingRows.next();
                for (var extraRows = extra.iterator(); extraRows.hasNext(); ) {
                    if (rowsMatch(expectedRow, extraRows.next())) {
                        extraRows.remove();
                        missingRows.remove();
                        break;
                    }
                }
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder();
        message.append("Results differ (compared as multisets): expected %s rows, actual %s rows%n".formatted(expected.size(), actual.size()));
        appendRows(message, "missing (expected, not in actual)", missing);
        appendRows(message, "extra (in actual, not expected)", extra);
        return Optional.of(message.toString());
    }

    private static void appendRows(StringBuilder message, String title, List<List<?>> rows)
    {
        if (rows.isEmpty()) {
            return;
        }
        message.append("  %s %s rows:%n".formatted(rows.size(), title));
        rows.subList(0, Math.min(rows.size(), MAX_REPORTED_ROWS))
                .forEach(row -> message.append("    ").append(formatRow(row)).append(System.lineSeparator()));
        if (rows.size() > MAX_REPORTED_ROWS) {
            message.append("    ... %s more%n".formatted(rows.size() - MAX_REPORTED_ROWS));
        }
    }

    public static boolean rowsMatch(List<?> expected, List<?> actual)
    {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!valuesMatch(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether Basin's {@code actual} value is the oracle's {@code expected} value (see the class comment). */
    public static boolean valuesMatch(Object expected, Object actual)
    {
        Object e = canonical(expected);
        Object a = canonical(actual);
        if (e == null || a == null) {
            return e == null && a == null;
        }
        if (e instanceof Number expectedNumber && a instanceof Number actualNumber) {
            return numbersMatch(expectedNumber, actualNumber, actual instanceof BigDecimal);
        }
        if (e instanceof byte[] expectedBytes && a instanceof byte[] actualBytes) {
            return Arrays.equals(expectedBytes, actualBytes);
        }
        return e.equals(a);
    }

    private static boolean numbersMatch(Number expected, Number actual, boolean actualIsDecimal)
    {
        if (isApproximate(expected) || isApproximate(actual)) {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e) || Double.isInfinite(a)) {
                return Double.compare(e, a) == 0;
            }
            double tolerance = (expected instanceof Float || actual instanceof Float) ? REAL_TOLERANCE : DOUBLE_TOLERANCE;
            double difference = Math.abs(e - a);
            return difference <= tolerance * Math.max(Math.abs(e), Math.abs(a)) || difference <= ABSOLUTE_TOLERANCE;
        }
        BigDecimal e = (BigDecimal) expected;
        BigDecimal a = (BigDecimal) actual;
        if (e.compareTo(a) == 0) {
            return true;
        }
        if (!actualIsDecimal) {
            return false;
        }
        if (e.scale() > a.scale()) {
            // the oracle kept more fractional digits than Basin's decimal type has: compare at Basin's scale
            return e.setScale(a.scale(), RoundingMode.HALF_UP).compareTo(a) == 0;
        }
        // Basin kept more digits than the oracle, whose value is a quotient rounded to PostgreSQL's
        // minimum of 16 significant digits: compare at the oracle's scale. Exact oracle values
        // (sums, products) have fewer digits, so extra digits from Basin there still fail.
        return e.precision() >= POSTGRESQL_QUOTIENT_DIGITS && a.setScale(e.scale(), RoundingMode.HALF_UP).compareTo(e) == 0;
    }

    private static boolean isApproximate(Number number)
    {
        return number instanceof Double || number instanceof Float;
    }

    /**
     * Maps equivalent Java representations of one SQL value to one: exact numbers to
     * {@link BigDecimal}, JDBC
     * dates and timestamps to {@code java.time}, characters to strings, intervals to
     * {@link Interval}.
     */
    static Object canonical(Object value)
    {
        return switch (value) {
            case null -> null;
            case Long number -> BigDecimal.valueOf(number);
            case Integer number -> BigDecimal.valueOf(number);
            case Short number -> BigDecimal.valueOf(number);
            case Byte number -> BigDecimal.valueOf(number);
            case BigInteger number -> new BigDecimal(number);
            case Character character -> character.toString();
            case java.sql.Date date -> date.toLocalDate();
            case java.sql.Timestamp timestamp -> timestamp.toLocalDateTime();
            case java.sql.Time time -> time.toLocalTime();
            case Period period -> new Interval(period.toTotalMonths(), period.getDays() * Interval.MICROS_PER_DAY);
            case Duration duration -> new Interval(0, duration.toNanos() / 1000);
            case PGInterval interval -> new Interval(
                    interval.getYears() * 12L + interval.getMonths(),
                    interval.getDays() * Interval.MICROS_PER_DAY
                            + interval.getHours() * 3_600_000_000L
                            + interval.getMinutes() * 60_000_000L
                            + Math.round(interval.getSeconds() * 1_000_000));
            default -> value;
        };
    }

    /** An interval as months plus microseconds. */
    record Interval(long months, long micros)
    {
        static final long MICROS_PER_DAY = 86_400_000_000L;
    }

    /** A total order on rows used to line up multisets; numbers sort by value across Java classes. */
    static final Comparator<List<?>> ROW_ORDER = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int result = compareValues(canonical(left.get(i)), canonical(right.get(i)));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object left, Object right)
    {
        if (left == null || right == null) {
            return (left == null ? 1 : 0) - (right == null ? 1 : 0);
        }
        int leftKind = kind(left);
        int rightKind = kind(right);
        if (leftKind != rightKind) {
            return Integer.compare(leftKind, rightKind);
        }
        return switch (left) {
            case Number number -> compareNumbers(number, (Number) right);
            case byte[] bytes -> Arrays.compare(bytes, (byte[]) right);
            case Interval interval -> Comparator.comparingLong(Interval::months).thenComparingLong(Interval::micros).compare(interval, (Interval) right);
            case Comparable comparable when left.getClass() == right.getClass() -> comparable.compareTo(right);
            default -> left.toString().compareTo(right.toString());
        };
    }

    private static int compareNumbers(Number left, Number right)
    {
        double leftDouble = left.doubleValue();
        double rightDouble = right.doubleValue();
        if (isApproximate(left) || isApproximate(right) || Double.isInfinite(leftDouble) || Double.isInfinite(rightDouble)) {
            return Double.compare(leftDouble, rightDouble);
        }
        return ((BigDecimal) left).compareTo((BigDecimal) right);
    }

    private static int kind(Object value)
    {
        return switch (value) {
            case Number _ -> 0;
            case String _ -> 1;
            case Boolean _ -> 2;
            case LocalDate _ -> 3;
            case LocalDateTime _ -> 4;
            case LocalTime _ -> 5;
            case Interval _ -> 6;
            case byte[] _ -> 7;
            default -> 8;
        };
    }

    /** A row as text for failure messages: strings quoted, NULL spelled out, numbers as they are. */
    public static String formatRow(List<?> row)
    {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (Object value : row) {
            joiner.add(formatValue(value));
        }
        return joiner.toString();
    }

    static String formatValue(Object value)
    {
        return switch (value) {
            case null -> "NULL";
            case String string -> "'" + string.replace("'", "''") + "'";
            case BigDecimal decimal -> decimal.toPlainString();
            case byte[] bytes -> "X'" + HexFormat.of().formatHex(bytes) + "'";
            case Float real -> real + " (real)";
            case Double number -> number + " (double)";
            default -> Objects.toString(value);
        };
    }
}
