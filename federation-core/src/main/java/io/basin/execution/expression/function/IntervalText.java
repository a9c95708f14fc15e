package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.INVALID_DATETIME_FORMAT;
import static io.basin.execution.expression.function.DateTimeFunctions.MILLIS_PER_DAY;

/**
 * Text forms of Basin's two interval types in PostgreSQL's default ("postgres") style:
 * {@code 1 year 2 mons}, {@code 3 days 04:05:06.5}, {@code -1 days -02:00:00}, {@code 00:00:00}.
 * Input accepts a list of {@code <number> <unit>} pairs and an optional {@code [-]HH:MM[:SS[.f]]}
 * (a bare number is seconds), as PostgreSQL does; an interval day to second rejects months and
 * years, and an interval year to month rejects smaller units.
 */
public final class IntervalText
{
    private static final String DAY_TIME = "interval day to second";
    private static final String YEAR_MONTH = "interval year to month";

    private IntervalText() {}

    public static Slice formatDayTime(long millis)
    {
        long days = millis / MILLIS_PER_DAY;
        long time = millis % MILLIS_PER_DAY;
        StringBuilder builder = new StringBuilder(24);
        if (days != 0) {
            builder.append(days).append(days == 1 ? " day" : " days");
        }
        if (time != 0 || days == 0) {
            if (!builder.isEmpty()) {
                builder.append(' ');
            }
            if (time < 0) {
                builder.append('-');
                time = -time;
            }
            DateTimeText.appendTime(builder, time * 1_000);
        }
        return Slices.utf8Slice(builder.toString());
    }

    public static Slice formatYearMonth(long months)
    {
        long years = months / 12;
        long remainder = months % 12;
        StringBuilder builder = new StringBuilder(20);
        if (years != 0) {
            builder.append(years).append(years == 1 ? " year" : " years");
        }
        if (remainder != 0) {
            if (!builder.isEmpty()) {
                builder.append(' ');
            }
            builder.append(remainder).append(remainder == 1 ? " mon" : " mons");
        }
        if (builder.isEmpty()) {
            builder.append("00:00:00");
        }
        return Slices.utf8Slice(builder.toString());
    }

    public static long parseDayTime(Slice text)
    {
        Parsed parsed = parse(text.toStringUtf8(), DAY_TIME);
        if (parsed.months.signum() != 0) {
            throw new BasinException(INVALID_DATETIME_FORMAT, "invalid input syntax for type " + DAY_TIME + ": \"" + text.toStringUtf8() + "\"");
        }
        return toLongExact(parsed.millis.setScale(0, RoundingMode.HALF_UP), text);
    }

    public static long parseYearMonth(Slice text)
    {
        Parsed parsed = parse(text.toStringUtf8(), YEAR_MONTH);
        if (parsed.millis.signum() != 0) {
            throw new BasinException(INVALID_DATETIME_FORMAT, "invalid input syntax for type " + YEAR_MONTH + ": \"" + text.toStringUtf8() + "\"");
        }
        return toLongExact(parsed.months.setScale(0, RoundingMode.HALF_UP), text);
    }

    private static long toLongExact(BigDecimal value, Slice text)
    {
        try {
            return value.longValueExact();
        }
        catch (ArithmeticException e) {
            throw new BasinException(DATETIME_FIELD_OVERFLOW, "interval field value out of range: \"" + text.toStringUtf8() + "\"", e);
        }
    }

    private record Parsed(BigDecimal months, BigDecimal millis) {}

    private static Parsed parse(String text, String typeName)
    {
        String[] tokens = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal millis = BigDecimal.ZERO;
        boolean any = false;
        int index = 0;
        if (tokens.length > 0 && tokens[0].equals("@")) {
            index++;
        }
        while (index < tokens.length && !tokens[index].isEmpty()) {
            String token = tokens[index];
            if (token.indexOf(':') >= 0) {
                millis = millis.add(parseTime(token, text, typeName));
                index++;
                any = true;
                continue;
            }
            BigDecimal number = parseNumber(token, text, typeName);
            String unit = index + 1 < tokens.length ? tokens[index + 1] : null;
            if (unit == null) {
                // a bare number counts seconds
                millis = millis.add(number.multiply(BigDecimal.valueOf(1_000)));
                index++;
                any = true;
                continue;
            }
            switch (unit) {
                case "millennium", "millennia", "millenniums", "mil", "mils" -> months = months.add(number.multiply(BigDecimal.valueOf(12_000)));
                case "century", "centuries", "c", "cent" -> months = months.add(number.multiply(BigDecimal.valueOf(1_200)));
                case "decade", "decades", "dec", "decs" -> months = months.add(number.multiply(BigDecimal.valueOf(120)));
                case "year", "years", "y", "yr", "yrs" -> months = months.add(number.multiply(BigDecimal.valueOf(12)));
                case "month", "months", "mon", "mons" -> months = months.add(number);
                case "week", "weeks", "w" -> millis = millis.add(number.multiply(BigDecimal.valueOf(7 * MILLIS_PER_DAY)));
                case "day", "days", "d" -> millis = millis.add(number.multiply(BigDecimal.valueOf(MILLIS_PER_DAY)));
                case "hour", "hours", "h", "hr", "hrs" -> millis = millis.add(number.multiply(BigDecimal.valueOf(3_600_000)));
                case "minute", "minutes", "m", "min", "mins" -> millis = millis.add(number.multiply(BigDecimal.valueOf(60_000)));
                case "second", "seconds", "s", "sec", "secs" -> millis = millis.add(number.multiply(BigDecimal.valueOf(1_000)));
                case "millisecond", "milliseconds", "ms", "msec", "msecs" -> millis = millis.add(number);
                case "microsecond", "microseconds", "us", "usec", "usecs" -> millis = millis.add(number.movePointLeft(3));
                default -> throw syntaxError(text, typeName);
            }
            index += 2;
            any = true;
        }
        if (!any) {
            throw syntaxError(text, typeName);
        }
        if (index < tokens.length && tokens[index].equals("ago")) {
            months = months.negate();
            millis = millis.negate();
        }
        return new Parsed(months, millis);
    }

    /** [-]H:MM[:SS[.fraction]] in milliseconds. */
    private static BigDecimal parseTime(String token, String text, String typeName)
    {
        boolean negative = token.startsWith("-");
        String body = negative || token.startsWith("+") ? token.substring(1) : token;
        String[] parts = body.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw syntaxError(text, typeName);
        }
        BigDecimal hours = parseNumber(parts[0], text, typeName);
        BigDecimal minutes = parseNumber(parts[1], text, typeName);
        BigDecimal seconds = parts.length == 3 ? parseNumber(parts[2], text, typeName) : BigDecimal.ZERO;
        BigDecimal result = hours.multiply(BigDecimal.valueOf(3_600_000))
                .add(minutes.multiply(BigDecimal.valueOf(60_000)))
                .add(seconds.multiply(BigDecimal.valueOf(1_000)));
        return negative ? result.negate() : result;
    }

    private static BigDecimal parseNumber(String token, String text, String typeName)
    {
        if (token.isEmpty() || !token.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw syntaxError(text, typeName);
        }
        return new BigDecimal(token);
    }

    private static BasinException syntaxError(String text, String typeName)
    {
        return new BasinException(INVALID_DATETIME_FORMAT, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
}
