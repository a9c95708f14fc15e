package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.INVALID_DATETIME_FORMAT;
import static io.basin.execution.expression.function.DateTimeFunctions.MICROS_PER_DAY;
import static io.basin.execution.expression.function.DateTimeFunctions.MICROS_PER_HOUR;
import static io.basin.execution.expression.function.DateTimeFunctions.MICROS_PER_MINUTE;
import static io.basin.execution.expression.function.DateTimeFunctions.MICROS_PER_SECOND;

/**
 * Text forms of dates and timestamps in PostgreSQL's ISO style ({@code 1998-12-01},
 * {@code 1998-12-01 10:30:00.5}, {@code 0044-03-15 BC}). Input accepts ISO 8601 dates
 * ({@code YYYY-MM-DD}, {@code YYYYMMDD}), an optional time separated by a space or {@code T}, an
 * optional fraction (rounded to microseconds), and an optional zone offset, which a timestamp
 * without time zone ignores, as in PostgreSQL.
 */
public final class DateTimeText
{
    private DateTimeText() {}

    // formatting

    public static Slice formatDate(long days)
    {
        StringBuilder builder = new StringBuilder(13);
        appendDate(builder, days);
        return Slices.utf8Slice(builder.toString());
    }

    public static Slice formatTimestamp(long micros)
    {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long microOfDay = micros - days * MICROS_PER_DAY;
        StringBuilder builder = new StringBuilder(29);
        long packed = CivilDate.fromEpochDay(days);
        appendYearMonthDay(builder, packed);
        builder.append(' ');
        appendTime(builder, microOfDay);
        if (CivilDate.year(packed) <= 0) {
            builder.append(" BC");
        }
        return Slices.utf8Slice(builder.toString());
    }

    static void appendDate(StringBuilder builder, long days)
    {
        long packed = CivilDate.fromEpochDay(days);
        appendYearMonthDay(builder, packed);
        if (CivilDate.year(packed) <= 0) {
            builder.append(" BC");
        }
    }

    private static void appendYearMonthDay(StringBuilder builder, long packed)
    {
        long year = CivilDate.year(packed);
        // year 0 is 1 BC
        appendPadded(builder, year > 0 ? year : 1 - year, 4);
        builder.append('-');
        appendPadded(builder, CivilDate.month(packed), 2);
        builder.append('-');
        appendPadded(builder, CivilDate.day(packed), 2);
    }

    /** HH:MM:SS with the fraction of a second, trailing zeros removed. */
    static void appendTime(StringBuilder builder, long microOfDay)
    {
        appendPadded(builder, microOfDay / MICROS_PER_HOUR, 2);
        builder.append(':');
        appendPadded(builder, (microOfDay / MICROS_PER_MINUTE) % 60, 2);
        builder.append(':');
        appendPadded(builder, (microOfDay / MICROS_PER_SECOND) % 60, 2);
        appendFraction(builder, microOfDay % MICROS_PER_SECOND);
    }

    static void appendFraction(StringBuilder builder, long micros)
    {
        if (micros == 0) {
            return;
        }
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            digits--;
        }
        builder.append('.');
        appendPadded(builder, micros, digits);
    }

    static void appendPadded(StringBuilder builder, long value, int width)
    {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            builder.append('0');
        }
        builder.append(digits);
    }

    // parsing

    public static long parseDate(Slice text)
    {
        String value = text.toStringUtf8();
        Cursor cursor = new Cursor(value, "date");
        cursor.skipSpaces();
        if (cursor.matchWordIgnoreCase("epoch")) {
            cursor.skipSpaces();
            cursor.expectEnd();
            return 0;
        }
        long days = cursor.readDate();
        if (cursor.atTimeSeparator()) {
            // a time part is accepted and ignored, as PostgreSQL does for date input
            cursor.advance();
            cursor.skipSpaces();
            cursor.readTimeOfDay();
            cursor.skipZone();
        }
        days = cursor.readEra(days);
        cursor.skipSpaces();
        cursor.expectEnd();
        return days;
    }

    public static long parseTimestamp(Slice text)
    {
        String value = text.toStringUtf8();
        Cursor cursor = new Cursor(value, "timestamp");
        cursor.skipSpaces();
        if (cursor.matchWordIgnoreCase("epoch")) {
            cursor.skipSpaces();
            cursor.expectEnd();
            return 0;
        }
        long days = cursor.readDate();
        long microOfDay = 0;
        if (cursor.atTimeSeparator()) {
            cursor.advance();
            cursor.skipSpaces();
            microOfDay = cursor.readTimeOfDay();
            cursor.skipZone();
        }
        days = cursor.readEra(days);
        cursor.skipSpaces();
        cursor.expectEnd();
        return DateTimeFunctions.dateToTimestamp(days) + microOfDay;
    }

    /** A small hand-written scanner; errors quote the whole input, as PostgreSQL does. */
    private static final class Cursor
    {
        private final String text;
        private final String typeName;
        private int position;
        private long year;

        Cursor(String text, String typeName)
        {
            this.text = text;
            this.typeName = typeName;
        }

        void skipSpaces()
        {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        void advance()
        {
            position++;
        }

        boolean matchWordIgnoreCase(String word)
        {
            if (text.regionMatches(true, position, word, 0, word.length())) {
                position += word.length();
                return true;
            }
            return false;
        }

        boolean atTimeSeparator()
        {
            if (position >= text.length()) {
                return false;
            }
            char character = text.charAt(position);
            if (character == 'T' || character == 't') {
                return true;
            }
            if (character != ' ') {
                return false;
            }
            // a space followed by a digit starts the time; "BC"/"AD" is the era
            int next = position;
            while (next < text.length() && text.charAt(next) == ' ') {
                next++;
            }
            return next < text.length() && isDigit(text.charAt(next));
        }

        long readDate()
        {
            int start = position;
            int digits = countDigits();
            if (digits == 8 && (position + 8 == text.length() || !isDigitOrDash(text.charAt(position + 8)))) {
                // YYYYMMDD
                long packedYear = Long.parseLong(text.substring(start, start + 4));
                int month = Integer.parseInt(text.substring(start + 4, start + 6));
                int day = Integer.parseInt(text.substring(start + 6, start + 8));
                position += 8;
                return toDays(packedYear, month, day);
            }
            year = readNumber(1, 9);
            expect('-');
            int month = (int) readNumber(1, 2);
            expect('-');
            int day = (int) readNumber(1, 2);
            return toDays(year, month, day);
        }

        private long toDays(long year, int month, int day)
        {
            this.year = year;
            if (month < 1 || month > 12 || day < 1 || day > CivilDate.lengthOfMonth(year, month)) {
                throw fieldOutOfRange();
            }
            return CivilDate.toEpochDay(year, month, day);
        }

        /** An optional "BC" (the year counted backwards, 1 BC being year 0) or "AD". */
        long readEra(long days)
        {
            int saved = position;
            skipSpaces();
            if (matchWordIgnoreCase("BC")) {
                if (year <= 0) {
                    throw syntaxError();
                }
                long packed = CivilDate.fromEpochDay(days);
                return CivilDate.toEpochDay(1 - year, CivilDate.month(packed), CivilDate.day(packed));
            }
            if (matchWordIgnoreCase("AD")) {
                return days;
            }
            position = saved;
            return days;
        }

        long readTimeOfDay()
        {
            long hour = readNumber(1, 2);
            expect(':');
            long minute = readNumber(2, 2);
            long second = 0;
            long micros = 0;
            if (position < text.length() && text.charAt(position) == ':') {
                position++;
                second = readNumber(2, 2);
                if (position < text.length() && text.charAt(position) == '.') {
                    position++;
                    micros = readFractionMicros();
                }
            }
            if (minute > 59 || second > 60 || hour > 24 || (hour == 24 && (minute > 0 || second > 0 || micros > 0))) {
                throw fieldOutOfRange();
            }
            // PostgreSQL accepts a leap second 60 and carries it into the next minute
            return hour * MICROS_PER_HOUR + minute * MICROS_PER_MINUTE + second * MICROS_PER_SECOND + micros;
        }

        /** Digits after the decimal point, rounded half up to microseconds. */
        private long readFractionMicros()
        {
            int start = position;
            while (position < text.length() && isDigit(text.charAt(position))) {
                position++;
            }
            if (position == start) {
                throw syntaxError();
            }
            String digits = text.substring(start, position);
            long micros = 0;
            for (int i = 0; i < 6; i++) {
                micros = micros * 10 + (i < digits.length() ? digits.charAt(i) - '0' : 0);
            }
            if (digits.length() > 6 && digits.charAt(6) >= '5') {
                micros++;
            }
            return micros;
        }

        /** A zone ("Z", "UTC", "+05", "-03:30", "+0530") is accepted and ignored. */
        void skipZone()
        {
            int saved = position;
            skipSpaces();
            if (position < text.length()) {
                char character = text.charAt(position);
                if (character == 'Z' || character == 'z') {
                    position++;
                    return;
                }
                if (matchWordIgnoreCase("UTC") || matchWordIgnoreCase("GMT")) {
                    return;
                }
                if (character == '+' || character == '-') {
                    position++;
                    readNumber(1, 4);
                    if (position < text.length() && text.charAt(position) == ':') {
                        position++;
                        readNumber(2, 2);
                    }
                    return;
                }
            }
            position = saved;
        }

        void expectEnd()
        {
            if (position != text.length()) {
                throw syntaxError();
            }
        }

        private void expect(char character)
        {
            if (position >= text.length() || text.charAt(position) != character) {
                throw syntaxError();
            }
            position++;
        }

        private int countDigits()
        {
            int end = position;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            return end - position;
        }

        private long readNumber(int minDigits, int maxDigits)
        {
            int digits = countDigits();
            if (digits < minDigits || digits > maxDigits) {
                throw syntaxError();
            }
            long value = Long.parseLong(text.substring(position, position + digits));
            position += digits;
            return value;
        }

        private static boolean isDigit(char character)
        {
            return character >= '0' && character <= '9';
        }

        private static boolean isDigitOrDash(char character)
        {
            return isDigit(character) || character == '-';
        }

        private BasinException syntaxError()
        {
            return new BasinException(INVALID_DATETIME_FORMAT, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
        }

        private BasinException fieldOutOfRange()
        {
            return new BasinException(DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }
}
