package io.basin.execution.expression.function;

import io.basin.error.BasinException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;

/**
 * The units and fields named by extract, date_trunc, date_add and date_diff, with the spellings
 * PostgreSQL and Redshift accept ({@code 'yr'}, {@code 'mons'}, {@code 'qtr'}, ...).
 */
public enum DateTimeUnit
{
    MICROSECOND,
    MILLISECOND,
    SECOND,
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    DECADE,
    CENTURY,
    MILLENNIUM,
    // fields that are only extracted
    DAY_OF_WEEK,
    ISO_DAY_OF_WEEK,
    DAY_OF_YEAR,
    EPOCH,
    ISO_YEAR,
    /**/;

    private static final Map<String, DateTimeUnit> NAMES = Map.ofEntries(
            Map.entry("microsecond", MICROSECOND), Map.entry("microseconds", MICROSECOND), Map.entry("us", MICROSECOND),
            Map.entry("usec", MICROSECOND), Map.entry("usecs", MICROSECOND), Map.entry("microsec", MICROSECOND), Map.entry("microsecs", MICROSECOND),
            Map.entry("millisecond", MILLISECOND), Map.entry("milliseconds", MILLISECOND), Map.entry("ms", MILLISECOND),
            Map.entry("msec", MILLISECOND), Map.entry("msecs", MILLISECOND), Map.entry("millisec", MILLISECOND), Map.entry("millisecs", MILLISECOND),
            Map.entry("second", SECOND), Map.entry("seconds", SECOND), Map.entry("sec", SECOND), Map.entry("secs", SECOND), Map.entry("s", SECOND),
            Map.entry("minute", MINUTE), Map.entry("minutes", MINUTE), Map.entry("min", MINUTE), Map.entry("mins", MINUTE), Map.entry("m", MINUTE),
            Map.entry("hour", HOUR), Map.entry("hours", HOUR), Map.entry("hr", HOUR), Map.entry("hrs", HOUR), Map.entry("h", HOUR),
            Map.entry("day", DAY), Map.entry("days", DAY), Map.entry("d", DAY),
            Map.entry("week", WEEK), Map.entry("weeks", WEEK), Map.entry("w", WEEK),
            Map.entry("month", MONTH), Map.entry("months", MONTH), Map.entry("mon", MONTH), Map.entry("mons", MONTH),
            Map.entry("quarter", QUARTER), Map.entry("quarters", QUARTER), Map.entry("qtr", QUARTER), Map.entry("qtrs", QUARTER),
            Map.entry("year", YEAR), Map.entry("years", YEAR), Map.entry("y", YEAR), Map.entry("yr", YEAR), Map.entry("yrs", YEAR),
            Map.entry("decade", DECADE), Map.entry("decades", DECADE), Map.entry("dec", DECADE), Map.entry("decs", DECADE),
            Map.entry("century", CENTURY), Map.entry("centuries", CENTURY), Map.entry("c", CENTURY), Map.entry("cent", CENTURY), Map.entry("cents", CENTURY),
            Map.entry("millennium", MILLENNIUM), Map.entry("millennia", MILLENNIUM), Map.entry("millenniums", MILLENNIUM),
            Map.entry("mil", MILLENNIUM), Map.entry("mils", MILLENNIUM),
            Map.entry("dow", DAY_OF_WEEK), Map.entry("dayofweek", DAY_OF_WEEK), Map.entry("dw", DAY_OF_WEEK), Map.entry("weekday", DAY_OF_WEEK),
            Map.entry("isodow", ISO_DAY_OF_WEEK),
            Map.entry("doy", DAY_OF_YEAR), Map.entry("dayofyear", DAY_OF_YEAR),
            Map.entry("epoch", EPOCH),
            Map.entry("isoyear", ISO_YEAR));

    public static Optional<DateTimeUnit> fromName(String name)
    {
        return Optional.ofNullable(NAMES.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The unit named {@code name}, or an error naming the function that was given it. */
    public static DateTimeUnit parse(String name, String function)
    {
        return fromName(name).orElseThrow(() -> new BasinException(INVALID_PARAMETER_VALUE, "unit \"" + name + "\" not recognized for " + function));
    }

    /** Units that date_trunc, date_add and date_diff accept (extract also takes the fields). */
    public boolean isCalendarUnit()
    {
        return ordinal() <= MILLENNIUM.ordinal();
    }
}
