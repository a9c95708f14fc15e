package io.basin.pgwire.type;

import io.basin.execution.expression.function.CivilDate;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * PostgreSQL's text output of dates, times and intervals with {@code DateStyle = ISO} and
 * {@code IntervalStyle = postgres}, written as ASCII bytes into an array:
 * {@code 2024-01-02}, {@code 0044-03-15 BC}, {@code 12345-01-02},
 * {@code 2024-01-02 03:04:05.5} (fraction without trailing zeros), {@code ...+00} for
 * {@code timestamptz} (always UTC), {@code 1 year 2 mons -3 days +04:05:06.5}.
 */
final class PgDateTimeText
{
    /** Upper bound of a date's text (years of Trino's int day range have at most 7 digits). */
    static final int MAX_DATE_LENGTH = 20;
    /** Upper bound of a timestamp's or timestamptz's text. */
    static final int MAX_TIMESTAMP_LENGTH = 44;
    /** Upper bound of a time of day's text. */
    static final int MAX_TIME_LENGTH = 15;
    /** Upper bound of an interval's text. */
    static final int MAX_INTERVAL_LENGTH = 128;

    static final long MICROS_PER_SECOND = 1_000_000;
    static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private static final byte[] BC = {' ', 'B', 'C'};
    private static final byte[] YEAR = {' ', 'y', 'e', 'a', 'r'};
    private static final byte[] MONTH = {' ', 'm', 'o', 'n'};
    private static final byte[] DAY = {' ', 'd', 'a', 'y'};

    private PgDateTimeText() {}

    /** Writes a date given as days since 1970-01-01; returns the end. */
    static int writeDate(byte[] target, int position, long epochDay)
    {
        long packed = CivilDate.fromEpochDay(epochDay);
        position = writeYearMonthDay(target, position, packed);
        return CivilDate.year(packed) <= 0 ? copy(BC, target, position) : position;
    }

    /**
     * Writes a timestamp given as microseconds since 1970-01-01 00:00:00; with {@code utcOffset}
     * as a {@code timestamptz} in time zone UTC. Returns the end.
     */
    static int writeTimestamp(byte[] target, int position, long epochMicros, boolean utcOffset)
    {
        long epochDay = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        long packed = CivilDate.fromEpochDay(epochDay);
        position = writeYearMonthDay(target, position, packed);
        target[position++] = ' ';
        position = writeTime(target, position, epochMicros - epochDay * MICROS_PER_DAY);
        if (utcOffset) {
            target[position++] = '+';
            target[position++] = '0';
            target[position++] = '0';
        }
        return CivilDate.year(packed) <= 0 ? copy(BC, target, position) : position;
    }

    /** Writes {@code HH:MM:SS[.ffffff]} of a non-negative number of microseconds; returns the end. */
    static int writeTime(byte[] target, int position, long micros)
    {
        position = AsciiDigits.writePadded(target, position, micros / MICROS_PER_HOUR, 2);
        target[position++] = ':';
        position = AsciiDigits.writePadded(target, position, (micros / MICROS_PER_MINUTE) % 60, 2);
        target[position++] = ':';
        position = AsciiDigits.writePadded(target, position, (micros / MICROS_PER_SECOND) % 60, 2);
        return writeFraction(target, position, micros % MICROS_PER_SECOND);
    }

    /**
     * Writes an interval of {@code months}, {@code days} and {@code micros} (each with its own
     * sign, as PostgreSQL keeps them) the way PostgreSQL's {@code interval_out} does with
     * {@code IntervalStyle = postgres}: nonzero years, months and days, then the time when it is
     * nonzero or nothing else was written; a field after a negative one gets an explicit
     * {@code +} when positive. Returns the end.
     */
    static int writeInterval(byte[] target, int position, long months, long days, long micros)
    {
        long years = months / 12;
        long monthsOfYear = months % 12;
        int start = position;
        // each nonzero field decides whether a positive field after it gets a '+'
        position = writeIntervalField(target, position, start, years, false, YEAR);
        boolean afterNegative = afterNegative(years, false);
        position = writeIntervalField(target, position, start, monthsOfYear, afterNegative, MONTH);
        afterNegative = afterNegative(monthsOfYear, afterNegative);
        position = writeIntervalField(target, position, start, days, afterNegative, DAY);
        afterNegative = afterNegative(days, afterNegative);
        if (position == start || micros != 0) {
            if (position != start) {
                target[position++] = ' ';
            }
            if (micros < 0) {
                target[position++] = '-';
            }
            else if (afterNegative) {
                target[position++] = '+';
            }
            // the magnitude of Long.MIN_VALUE micros does not fit a long: split off the hours first
            long hours = Math.abs(micros / MICROS_PER_HOUR);
            long rest = Math.abs(micros % MICROS_PER_HOUR);
            position = AsciiDigits.writePadded(target, position, hours, 2);
            target[position++] = ':';
            position = AsciiDigits.writePadded(target, position, rest / MICROS_PER_MINUTE, 2);
            target[position++] = ':';
            position = AsciiDigits.writePadded(target, position, (rest / MICROS_PER_SECOND) % 60, 2);
            position = writeFraction(target, position, rest % MICROS_PER_SECOND);
        }
        return position;
    }

    /** Whether the field after one of {@code value} is preceded by a negative field: a zero field passes the state on. */
    private static boolean afterNegative(long value, boolean before)
    {
        return value == 0 ? before : value < 0;
    }

    /** {@code [ ][+]N unit[s]} for a nonzero field; {@code start} is where the interval's text began. */
    private static int writeIntervalField(byte[] target, int position, int start, long value, boolean afterNegative, byte[] unit)
    {
        if (value == 0) {
            return position;
        }
        if (position != start) {
            target[position++] = ' ';
        }
        if (afterNegative && value > 0) {
            target[position++] = '+';
        }
        position = AsciiDigits.write(target, position, value);
        System.arraycopy(unit, 0, target, position, unit.length);
        position += unit.length;
        if (value != 1) {
            target[position++] = 's';
        }
        return position;
    }

    /** {@code .ffffff} without trailing zeros, nothing for 0. */
    private static int writeFraction(byte[] target, int position, long micros)
    {
        if (micros == 0) {
            return position;
        }
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            digits--;
        }
        target[position++] = '.';
        return AsciiDigits.writePadded(target, position, micros, digits);
    }

    private static int writeYearMonthDay(byte[] target, int position, long packed)
    {
        long year = CivilDate.year(packed);
        // year 0 is 1 BC
        position = AsciiDigits.writePadded(target, position, year > 0 ? year : 1 - year, 4);
        target[position++] = '-';
        position = AsciiDigits.writePadded(target, position, CivilDate.month(packed), 2);
        target[position++] = '-';
        return AsciiDigits.writePadded(target, position, CivilDate.day(packed), 2);
    }

    private static int copy(byte[] text, byte[] target, int position)
    {
        System.arraycopy(text, 0, target, position, text.length);
        return position + text.length;
    }

    // String forms, for literals and tests

    static String dateToString(long epochDay)
    {
        byte[] text = new byte[MAX_DATE_LENGTH];
        return new String(text, 0, writeDate(text, 0, epochDay), US_ASCII);
    }

    static String timestampToString(long epochMicros)
    {
        byte[] text = new byte[MAX_TIMESTAMP_LENGTH];
        return new String(text, 0, writeTimestamp(text, 0, epochMicros, false), US_ASCII);
    }

    static String intervalToString(long months, long days, long micros)
    {
        byte[] text = new byte[MAX_INTERVAL_LENGTH];
        return new String(text, 0, writeInterval(text, 0, months, days, micros), US_ASCII);
    }
}
