package io.basin.execution.expression.function;

/**
 * Allocation-free conversion between days since 1970-01-01 and proleptic Gregorian (year, month,
 * day), for the per-row date functions ({@code extract(year from l_shipdate)} runs once per row,
 * and {@code java.time.LocalDate} would allocate there). The algorithm counts in 400-year eras that
 * start on March 1st, so the leap day is the last day of the shifted year.
 */
public final class CivilDate
{
    private static final long DAYS_PER_ERA = 146_097;
    // days from 0000-03-01 to 1970-01-01
    private static final long EPOCH_SHIFT = 719_468;

    private CivilDate() {}

    /** Packs (year, month, day) of a day number as {@code year << 9 | month << 5 | day}. */
    public static long fromEpochDay(long epochDay)
    {
        long shifted = epochDay + EPOCH_SHIFT;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year << 9) | (month << 5) | day;
    }

    public static long year(long packed)
    {
        return packed >> 9;
    }

    public static int month(long packed)
    {
        return (int) ((packed >> 5) & 0xF);
    }

    public static int day(long packed)
    {
        return (int) (packed & 0x1F);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12, day 1-31, not validated). */
    public static long toEpochDay(long year, int month, int day)
    {
        long shiftedYear = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(shiftedYear, 400);
        long yearOfEra = shiftedYear - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
    }

    public static boolean isLeapYear(long year)
    {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int lengthOfMonth(long year, int month)
    {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** ISO day of week, Monday = 1 ... Sunday = 7. */
    public static int isoDayOfWeek(long epochDay)
    {
        // 1970-01-01 was a Thursday
        return (int) Math.floorMod(epochDay + 3, 7) + 1;
    }
}
