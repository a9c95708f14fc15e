package io.basin.execution.expression.function;

import io.basin.error.BasinException;

import java.util.Locale;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;

/**
 * extract, date_trunc, date_add (Redshift DATEADD), date_diff (Redshift DATEDIFF), last_day and
 * the date/timestamp arithmetic behind {@code +} and {@code -}. Timestamps are microseconds since
 * the epoch and dates days since the epoch, both without time zone; a date argument is widened to
 * the timestamp at its midnight by the caller.
 */
public final class DateTimeFunctions
{
    public static final long MICROS_PER_MILLI = 1_000;
    public static final long MICROS_PER_SECOND = 1_000_000;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    public static final long MILLIS_PER_DAY = 86_400_000;

    private DateTimeFunctions() {}

    // conversions

    public static long dateToTimestamp(long days)
    {
        return multiplyExact(days, MICROS_PER_DAY);
    }

    public static long timestampToDate(long micros)
    {
        return Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** Rounds a timestamp to {@code precision} fractional digits (0-6), half away from zero as PostgreSQL. */
    public static long roundTimestamp(long micros, int precision)
    {
        if (precision >= 6) {
            return micros;
        }
        long unit = Int128Arithmetic.longPowerOfTen(6 - precision);
        return DecimalArithmetic.divideRoundedByPowerOfTen(micros, unit) * unit;
    }

    // extract

    /**
     * The integer value of {@code field} ({@code second} without its fraction, {@code epoch} in
     * whole seconds, both rounded down).
     */
    public static long extract(DateTimeUnit field, long micros)
    {
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        long microOfDay = micros - day * MICROS_PER_DAY;
        return switch (field) {
            case MICROSECOND -> microOfDay % MICROS_PER_MINUTE;
            case MILLISECOND -> (microOfDay % MICROS_PER_MINUTE) / MICROS_PER_MILLI;
            case SECOND -> (microOfDay % MICROS_PER_MINUTE) / MICROS_PER_SECOND;
            case MINUTE -> (microOfDay % MICROS_PER_HOUR) / MICROS_PER_MINUTE;
            case HOUR -> microOfDay / MICROS_PER_HOUR;
            case DAY -> CivilDate.day(CivilDate.fromEpochDay(day));
            case WEEK -> isoWeek(day);
            case MONTH -> CivilDate.month(CivilDate.fromEpochDay(day));
            case QUARTER -> (CivilDate.month(CivilDate.fromEpochDay(day)) - 1) / 3 + 1;
            case YEAR -> sqlYear(CivilDate.year(CivilDate.fromEpochDay(day)));
            case DECADE -> decadeOf(CivilDate.year(CivilDate.fromEpochDay(day)));
            case CENTURY -> centuryOf(CivilDate.year(CivilDate.fromEpochDay(day)), 100);
            case MILLENNIUM -> centuryOf(CivilDate.year(CivilDate.fromEpochDay(day)), 1000);
            case DAY_OF_WEEK -> CivilDate.isoDayOfWeek(day) % 7;
            case ISO_DAY_OF_WEEK -> CivilDate.isoDayOfWeek(day);
            case DAY_OF_YEAR -> day - firstDayOfYear(day) + 1;
            case EPOCH -> Math.floorDiv(micros, MICROS_PER_SECOND);
            case ISO_YEAR -> sqlYear(CivilDate.year(CivilDate.fromEpochDay(isoWeekThursday(day))));
        };
    }

    /**
     * The value of {@code field} times 10^6: exact for the fields with a fraction ({@code second},
     * {@code millisecond}, {@code microsecond}, {@code epoch}); a decimal with scale 6.
     */
    public static long extractMicroScaled(DateTimeUnit field, long micros)
    {
        long microOfMinute = Math.floorMod(micros, MICROS_PER_MINUTE);
        return switch (field) {
            case SECOND -> microOfMinute;
            case MILLISECOND -> microOfMinute * 1_000;
            case MICROSECOND -> microOfMinute * MICROS_PER_SECOND;
            case EPOCH -> micros;
            default -> multiplyExact(extract(field, micros), MICROS_PER_SECOND);
        };
    }

    /** extract from an interval day to second (milliseconds), integer value. */
    public static long extractFromDayTimeInterval(DateTimeUnit field, long millis)
    {
        return switch (field) {
            case MICROSECOND -> (millis % 60_000) * 1_000;
            case MILLISECOND -> millis % 60_000;
            case SECOND -> (millis % 60_000) / 1_000;
            case MINUTE -> (millis % 3_600_000) / 60_000;
            case HOUR -> (millis % MILLIS_PER_DAY) / 3_600_000;
            case DAY -> millis / MILLIS_PER_DAY;
            case EPOCH -> millis / 1_000;
            case YEAR, MONTH, QUARTER, DECADE, CENTURY, MILLENNIUM -> 0;
            default -> throw unsupportedIntervalField(field);
        };
    }

    /** extract from an interval day to second times 10^6 (seconds and epoch keep their fraction). */
    public static long extractMicroScaledFromDayTimeInterval(DateTimeUnit field, long millis)
    {
        return switch (field) {
            case SECOND -> (millis % 60_000) * 1_000;
            case MILLISECOND -> (millis % 60_000) * 1_000_000;
            case MICROSECOND -> (millis % 60_000) * 1_000_000_000L;
            case EPOCH -> multiplyExact(millis, 1_000);
            default -> multiplyExact(extractFromDayTimeInterval(field, millis), MICROS_PER_SECOND);
        };
    }

    /** extract from an interval year to month (months). */
    public static long extractFromYearMonthInterval(DateTimeUnit field, long months)
    {
        return switch (field) {
            case YEAR -> months / 12;
            case MONTH -> months % 12;
            case QUARTER -> (months % 12) / 3 + 1;
            case DECADE -> months / 120;
            case CENTURY -> months / 1_200;
            case MILLENNIUM -> months / 12_000;
            // PostgreSQL counts a year as 365.25 days and a month as 30 days in epoch
            case EPOCH -> (months / 12) * 31_557_600L + (months % 12) * 2_592_000L;
            case MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY -> 0;
            default -> throw unsupportedIntervalField(field);
        };
    }

    private static BasinException unsupportedIntervalField(DateTimeUnit field)
    {
        return new BasinException(INVALID_PARAMETER_VALUE, "unit \"" + field.name().toLowerCase(Locale.ROOT) + "\" not supported for type interval");
    }

    /** PostgreSQL numbers the year before 1 AD as -1 (there is no year 0). */
    private static long sqlYear(long prolepticYear)
    {
        return prolepticYear > 0 ? prolepticYear : prolepticYear - 1;
    }

    /** Centuries and millennia start at years ...01; before Christ they count backwards (year 0 is 1 BC). */
    private static long centuryOf(long prolepticYear, int length)
    {
        return prolepticYear > 0 ? (prolepticYear + length - 1) / length : -((length - 1 - (prolepticYear - 1)) / length);
    }

    private static long decadeOf(long prolepticYear)
    {
        return prolepticYear >= 0 ? prolepticYear / 10 : -((8 - (prolepticYear - 1)) / 10);
    }

    private static long firstDayOfYear(long day)
    {
        return CivilDate.toEpochDay(CivilDate.year(CivilDate.fromEpochDay(day)), 1, 1);
    }

    private static long isoWeekThursday(long day)
    {
        return day - CivilDate.isoDayOfWeek(day) + 4;
    }

    private static long isoWeek(long day)
    {
        long thursday = isoWeekThursday(day);
        return (thursday - firstDayOfYear(thursday)) / 7 + 1;
    }

    // date_trunc

    public static long truncate(DateTimeUnit unit, long micros)
    {
        return switch (unit) {
            case MICROSECOND -> micros;
            case MILLISECOND -> floorToMultiple(micros, MICROS_PER_MILLI);
            case SECOND -> floorToMultiple(micros, MICROS_PER_SECOND);
            case MINUTE -> floorToMultiple(micros, MICROS_PER_MINUTE);
            case HOUR -> floorToMultiple(micros, MICROS_PER_HOUR);
            case DAY -> floorToMultiple(micros, MICROS_PER_DAY);
            case WEEK -> {
                long day = Math.floorDiv(micros, MICROS_PER_DAY);
                yield (day - CivilDate.isoDayOfWeek(day) + 1) * MICROS_PER_DAY;
            }
            case MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM -> truncateDate(unit, Math.floorDiv(micros, MICROS_PER_DAY)) * MICROS_PER_DAY;
            default -> throw new BasinException(INVALID_PARAMETER_VALUE, "unit \"" + unit.name().toLowerCase(Locale.ROOT) + "\" not supported for date_trunc");
        };
    }

    private static long truncateDate(DateTimeUnit unit, long day)
    {
        long packed = CivilDate.fromEpochDay(day);
        long year = CivilDate.year(packed);
        return switch (unit) {
            case MONTH -> CivilDate.toEpochDay(year, CivilDate.month(packed), 1);
            case QUARTER -> CivilDate.toEpochDay(year, ((CivilDate.month(packed) - 1) / 3) * 3 + 1, 1);
            case YEAR -> CivilDate.toEpochDay(year, 1, 1);
            case DECADE -> CivilDate.toEpochDay(Math.floorDiv(year, 10) * 10, 1, 1);
            case CENTURY -> CivilDate.toEpochDay(Math.floorDiv(year - 1, 100) * 100 + 1, 1, 1);
            case MILLENNIUM -> CivilDate.toEpochDay(Math.floorDiv(year - 1, 1000) * 1000 + 1, 1, 1);
            default -> throw new IllegalArgumentException("not a calendar unit: " + unit);
        };
    }

    private static long floorToMultiple(long value, long unit)
    {
        return Math.floorDiv(value, unit) * unit;
    }

    // date_add

    /**
     * Redshift DATEADD: {@code amount} units added to a timestamp. Months, quarters and years keep
     * the day of month, clamped to the length of the resulting month (Jan 31 + 1 month = Feb 28/29).
     */
    public static long add(DateTimeUnit unit, long amount, long micros)
    {
        return switch (unit) {
            case MICROSECOND -> addExact(micros, amount);
            case MILLISECOND -> addExact(micros, multiplyExact(amount, MICROS_PER_MILLI));
            case SECOND -> addExact(micros, multiplyExact(amount, MICROS_PER_SECOND));
            case MINUTE -> addExact(micros, multiplyExact(amount, MICROS_PER_MINUTE));
            case HOUR -> addExact(micros, multiplyExact(amount, MICROS_PER_HOUR));
            case DAY -> addExact(micros, multiplyExact(amount, MICROS_PER_DAY));
            case WEEK -> addExact(micros, multiplyExact(amount, 7 * MICROS_PER_DAY));
            case MONTH -> addMonths(micros, amount);
            case QUARTER -> addMonths(micros, multiplyExact(amount, 3));
            case YEAR -> addMonths(micros, multiplyExact(amount, 12));
            case DECADE -> addMonths(micros, multiplyExact(amount, 120));
            case CENTURY -> addMonths(micros, multiplyExact(amount, 1_200));
            case MILLENNIUM -> addMonths(micros, multiplyExact(amount, 12_000));
            default -> throw new BasinException(INVALID_PARAMETER_VALUE, "unit \"" + unit.name().toLowerCase(Locale.ROOT) + "\" not supported for date_add");
        };
    }

    /** timestamp + months, clamping the day of month. */
    public static long addMonths(long micros, long months)
    {
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        long microOfDay = micros - day * MICROS_PER_DAY;
        return addExact(multiplyExact(addMonthsToDate(day, months), MICROS_PER_DAY), microOfDay);
    }

    /** date + months, clamping the day of month. */
    public static long addMonthsToDate(long days, long months)
    {
        long packed = CivilDate.fromEpochDay(days);
        long monthIndex = addExact(CivilDate.year(packed) * 12 + CivilDate.month(packed) - 1, months);
        long year = Math.floorDiv(monthIndex, 12);
        int month = (int) Math.floorMod(monthIndex, 12) + 1;
        if (Math.abs(year) > 5_000_000) {
            throw timestampOutOfRange();
        }
        int dayOfMonth = Math.min(CivilDate.day(packed), CivilDate.lengthOfMonth(year, month));
        return CivilDate.toEpochDay(year, month, dayOfMonth);
    }

    /** timestamp + interval day to second (milliseconds). */
    public static long addMillis(long micros, long millis)
    {
        return addExact(micros, multiplyExact(millis, MICROS_PER_MILLI));
    }

    /** date + interval day to second, when the planner types the result as a date: whole days only. */
    public static long addMillisToDate(long days, long millis)
    {
        return Math.floorDiv(addMillis(dateToTimestamp(days), millis), MICROS_PER_DAY);
    }

    /** timestamp - timestamp as an interval day to second (milliseconds, truncated). */
    public static long subtractTimestamps(long left, long right)
    {
        return subtractExact(left, right) / MICROS_PER_MILLI;
    }

    public static long addDays(long days, long amount)
    {
        return addExact(days, amount);
    }

    public static long subtractDays(long days, long amount)
    {
        return subtractExact(days, amount);
    }

    // interval arithmetic (milliseconds or months); overflow is "interval out of range"

    public static long addIntervals(long left, long right)
    {
        long result = left + right;
        if (((left ^ result) & (right ^ result)) < 0) {
            throw intervalOutOfRange();
        }
        return result;
    }

    public static long subtractIntervals(long left, long right)
    {
        long result = left - right;
        if (((left ^ right) & (left ^ result)) < 0) {
            throw intervalOutOfRange();
        }
        return result;
    }

    public static long negateInterval(long value)
    {
        if (value == Long.MIN_VALUE) {
            throw intervalOutOfRange();
        }
        return -value;
    }

    public static long multiplyInterval(long interval, long factor)
    {
        long high = Math.multiplyHigh(interval, factor);
        long low = interval * factor;
        if (high != (low >> 63)) {
            throw intervalOutOfRange();
        }
        return low;
    }

    /** interval * double, rounded to the interval's unit (milliseconds or months). */
    public static long multiplyInterval(long interval, double factor)
    {
        return roundInterval(interval * factor);
    }

    public static long divideInterval(long interval, double divisor)
    {
        if (divisor == 0) {
            throw ExpressionErrors.divisionByZero();
        }
        return roundInterval(interval / divisor);
    }

    private static long roundInterval(double value)
    {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            throw intervalOutOfRange();
        }
        return Math.round(value);
    }

    private static BasinException intervalOutOfRange()
    {
        return new BasinException(DATETIME_FIELD_OVERFLOW, "interval out of range");
    }

    // date_diff

    /** Redshift DATEDIFF: the number of {@code unit} boundaries crossed going from {@code start} to {@code end}. */
    public static long diff(DateTimeUnit unit, long start, long end)
    {
        return switch (unit) {
            case MICROSECOND -> subtractExact(end, start);
            case MILLISECOND -> Math.floorDiv(end, MICROS_PER_MILLI) - Math.floorDiv(start, MICROS_PER_MILLI);
            case SECOND -> Math.floorDiv(end, MICROS_PER_SECOND) - Math.floorDiv(start, MICROS_PER_SECOND);
            case MINUTE -> Math.floorDiv(end, MICROS_PER_MINUTE) - Math.floorDiv(start, MICROS_PER_MINUTE);
            case HOUR -> Math.floorDiv(end, MICROS_PER_HOUR) - Math.floorDiv(start, MICROS_PER_HOUR);
            case DAY -> Math.floorDiv(end, MICROS_PER_DAY) - Math.floorDiv(start, MICROS_PER_DAY);
            // weeks start on Monday, as date_trunc('week'); day -3 (1969-12-29) was a Monday
            case WEEK -> Math.floorDiv(Math.floorDiv(end, MICROS_PER_DAY) + 3, 7) - Math.floorDiv(Math.floorDiv(start, MICROS_PER_DAY) + 3, 7);
            case MONTH -> monthIndex(end) - monthIndex(start);
            case QUARTER -> Math.floorDiv(monthIndex(end), 3) - Math.floorDiv(monthIndex(start), 3);
            case YEAR -> yearOf(end) - yearOf(start);
            case DECADE -> Math.floorDiv(yearOf(end), 10) - Math.floorDiv(yearOf(start), 10);
            case CENTURY -> Math.floorDiv(yearOf(end) - 1, 100) - Math.floorDiv(yearOf(start) - 1, 100);
            case MILLENNIUM -> Math.floorDiv(yearOf(end) - 1, 1000) - Math.floorDiv(yearOf(start) - 1, 1000);
            default -> throw new BasinException(INVALID_PARAMETER_VALUE, "unit \"" + unit.name().toLowerCase(Locale.ROOT) + "\" not supported for date_diff");
        };
    }

    private static long monthIndex(long micros)
    {
        long packed = CivilDate.fromEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
        return CivilDate.year(packed) * 12 + CivilDate.month(packed) - 1;
    }

    private static long yearOf(long micros)
    {
        return CivilDate.year(CivilDate.fromEpochDay(Math.floorDiv(micros, MICROS_PER_DAY)));
    }

    // last_day

    public static long lastDay(long days)
    {
        long packed = CivilDate.fromEpochDay(days);
        long year = CivilDate.year(packed);
        int month = CivilDate.month(packed);
        return CivilDate.toEpochDay(year, month, CivilDate.lengthOfMonth(year, month));
    }

    // checked arithmetic reported as a date/time overflow

    private static long addExact(long left, long right)
    {
        long result = left + right;
        if (((left ^ result) & (right ^ result)) < 0) {
            throw timestampOutOfRange();
        }
        return result;
    }

    private static long subtractExact(long left, long right)
    {
        long result = left - right;
        if (((left ^ right) & (left ^ result)) < 0) {
            throw timestampOutOfRange();
        }
        return result;
    }

    private static long multiplyExact(long left, long right)
    {
        long high = Math.multiplyHigh(left, right);
        long low = left * right;
        if (high != (low >> 63)) {
            throw timestampOutOfRange();
        }
        return low;
    }

    public static BasinException timestampOutOfRange()
    {
        return new BasinException(DATETIME_FIELD_OVERFLOW, "timestamp out of range");
    }
}
