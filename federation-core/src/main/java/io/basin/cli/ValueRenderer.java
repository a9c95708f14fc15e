package io.basin.cli;

import io.airlift.slice.Slices;
import io.basin.execution.expression.function.BinaryText;
import io.basin.execution.expression.function.DateTimeText;
import io.basin.execution.expression.function.IntervalText;
import io.basin.execution.expression.function.NumberText;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Renders the Java values of a {@link io.basin.embedded.QueryResult} as PostgreSQL's text output
 * writes them, which is what psql users expect to read: booleans as {@code t}/{@code f}, floating
 * point in shortest round-trip form, decimals with their scale, {@code 2024-01-31 12:00:00},
 * {@code 1 day 02:00:00}, {@code \x0aff}. The engine's casts to varchar use the same text forms.
 */
final class ValueRenderer
{
    private ValueRenderer() {}

    /** The text of a value; SQL NULL is the empty string, as in psql's default display. */
    static String render(Object value)
    {
        return switch (value) {
            case null -> "";
            case Boolean bool -> bool ? "t" : "f";
            case Double number -> NumberText.doubleToString(number);
            case Float number -> NumberText.realToString(number);
            case BigDecimal number -> number.toPlainString();
            case LocalDate date -> DateTimeText.formatDate(date.toEpochDay()).toStringUtf8();
            case LocalDateTime timestamp -> DateTimeText.formatTimestamp(epochMicros(timestamp)).toStringUtf8();
            case Duration interval -> IntervalText.formatDayTime(interval.toMillis()).toStringUtf8();
            case Period interval -> IntervalText.formatYearMonth(interval.toTotalMonths()).toStringUtf8();
            case byte[] bytes -> BinaryText.format(Slices.wrappedBuffer(bytes)).toStringUtf8();
            default -> value.toString();
        };
    }

    private static long epochMicros(LocalDateTime timestamp)
    {
        return Math.addExact(Math.multiplyExact(timestamp.toEpochSecond(ZoneOffset.UTC), 1_000_000L), timestamp.getNano() / 1_000);
    }
}
