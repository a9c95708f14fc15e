package io.basin.pgwire.type;

import io.basin.error.BasinException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_DATETIME_FORMAT;
import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_DAY;
import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_HOUR;
import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_MINUTE;
import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_SECOND;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds, each with its own sign, as
 * PostgreSQL stores it (a day is not always 24 hours there, nor a month 30 days).
 * <p>
 * {@link #parse} reads the text forms clients send: PostgreSQL's own output
 * ({@code 1 year 2 mons -3 days +04:05:06.5}), the verbose form ({@code @ 1 hour ago}), units
 * written out or abbreviated with fractions ({@code 1.5 days}, {@code 3 weeks}, {@code 90 min}),
 * SQL-standard {@code 1-2} (years-months) and {@code 3 4:05:06} (days and time), and ISO 8601
 * designators ({@code P1Y2M3DT4H5M6.5S}). Fractions carry into smaller units as PostgreSQL
 * carries them: a fractional month is 30 days, a fractional day 24 hours, a fractional year whole
 * months.
 */
public record PgInterval(int months, int days, long micros)
{
    private static final String TYPE_NAME = "interval";

    /**
     * Basin's value of this interval: {@code INTERVAL YEAR TO MONTH} when it has only months,
     * else {@code INTERVAL DAY TO SECOND} with days of 24 hours and microseconds rounded to
     * milliseconds (half away from zero), as Basin's own cast from text rounds.
     *
     * @throws BasinException (0A000) when it has both months and days or time, which no Basin
     *         interval type holds
     */
    public SqlLiteral toLiteral()
    {
        if (months != 0) {
            if (days != 0 || micros != 0) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "Interval '%s' has both months and days or time: Basin's intervals are either year-month or day-time"
                        .formatted(PgDateTimeText.intervalToString(months, days, micros)));
            }
            return SqlLiteral.ofIntervalYearMonth(months);
        }
        long millis = micros / 1_000;
        long remainder = micros % 1_000;
        if (Math.abs(remainder) >= 500) {
            millis += Long.signum(remainder);
        }
        return SqlLiteral.ofIntervalDayTime(Math.addExact(Math.multiplyExact((long) days, MICROS_PER_DAY / 1_000), millis));
    }

    /**
     * Reads an interval's text.
     *
     * @throws BasinException 22007 for text that is not an interval, 22008 for one out of range
     */
    public static PgInterval parse(String text)
    {
        return new Parser(text).parse();
    }

    /** Accumulates fields exactly, then checks them against PostgreSQL's ranges. */
    private static final class Parser
    {
        private static final BigDecimal MICROS_PER_DAY_DECIMAL = BigDecimal.valueOf(MICROS_PER_DAY);

        private final String original;
        private final String text;
        private int position;
        private BigInteger months = BigInteger.ZERO;
        private BigInteger days = BigInteger.ZERO;
        private BigInteger micros = BigInteger.ZERO;

        Parser(String text)
        {
            this.original = text;
            this.text = text.strip().toLowerCase(Locale.ROOT);
        }

        PgInterval parse()
        {
            if (text.startsWith("p")) {
                parseIso8601();
            }
            else {
                parsePostgres();
            }
            return build();
        }

        private void parsePostgres()
        {
            skipSpaces();
            if (position < text.length() && text.charAt(position) == '@') {
                position++;
            }
            boolean any = false;
            boolean ago = false;
            while (true) {
                skipSpaces();
                if (position >= text.length()) {
                    break;
                }
                if (ago) {
                    // "ago" only at the end
                    throw syntaxError();
                }
                if (matchWord("ago")) {
                    if (!any) {
                        throw syntaxError();
                    }
                    ago = true;
                    continue;
                }
                int tokenEnd = tokenEnd();
                String token = text.substring(position, tokenEnd);
                if (token.indexOf(':') >= 0) {
                    addTime(token);
                    position = tokenEnd;
                    any = true;
                    continue;
                }
                if (token.matches("[+-]?\\d+-\\d+")) {
                    // SQL standard years-months; the sign applies to both
                    boolean negative = token.startsWith("-");
                    String body = token.charAt(0) == '+' || negative ? token.substring(1) : token;
                    int dash = body.indexOf('-');
                    BigInteger total = new BigInteger(body.substring(0, dash)).multiply(BigInteger.valueOf(12)).add(new BigInteger(body.substring(dash + 1)));
                    months = months.add(negative ? total.negate() : total);
                    position = tokenEnd;
                    any = true;
                    continue;
                }
                BigDecimal number = readNumber();
                skipSpaces();
                String unit = readLetters();
                if (unit.isEmpty()) {
                    // a bare number is days before a time ("3 04:05:06"), otherwise seconds
                    skipSpaces();
                    if (position < text.length() && tokenEnd() > position && text.substring(position, tokenEnd()).indexOf(':') >= 0) {
                        addScaled(number, Unit.DAY);
                    }
                    else {
                        addScaled(number, Unit.SECOND);
                    }
                }
                else {
                    addScaled(number, Unit.of(unit).orElseThrow(this::syntaxError));
                }
                any = true;
            }
            if (!any) {
                throw syntaxError();
            }
            if (ago) {
                months = months.negate();
                days = days.negate();
                micros = micros.negate();
            }
        }

        /** {@code P[nY][nM][nW][nD][T[nH][nM][nS]]} with optionally signed, fractional numbers. */
        private void parseIso8601()
        {
            position = 1;
            boolean time = false;
            boolean any = false;
            while (position < text.length()) {
                if (text.charAt(position) == 't') {
                    if (time) {
                        throw syntaxError();
                    }
                    time = true;
                    position++;
                    continue;
                }
                BigDecimal number = readNumber();
                if (position >= text.length()) {
                    throw syntaxError();
                }
                char designator = text.charAt(position++);
                Unit unit = switch (designator) {
                    case 'y' -> time ? null : Unit.YEAR;
                    case 'm' -> time ? Unit.MINUTE : Unit.MONTH;
                    case 'w' -> time ? null : Unit.WEEK;
                    case 'd' -> time ? null : Unit.DAY;
                    case 'h' -> time ? Unit.HOUR : null;
                    case 's' -> time ? Unit.SECOND : null;
                    default -> null;
                };
                if (unit == null) {
                    throw syntaxError();
                }
                addScaled(number, unit);
                any = true;
            }
            if (!any) {
                throw syntaxError();
            }
        }

        /** {@code [+-]H:MM[:SS[.f]]}, or {@code [+-]MM:SS.f} (two fields with a fraction are minutes and seconds). */
        private void addTime(String token)
        {
            boolean negative = token.startsWith("-");
            String body = negative || token.startsWith("+") ? token.substring(1) : token;
            String[] parts = body.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw syntaxError();
            }
            for (int i = 0; i < parts.length; i++) {
                boolean last = i == parts.length - 1;
                if (!parts[i].matches(last ? "\\d+(\\.\\d*)?" : "\\d+")) {
                    throw syntaxError();
                }
            }
            BigDecimal total;
            if (parts.length == 2 && parts[1].indexOf('.') >= 0) {
                total = new BigDecimal(parts[0]).multiply(BigDecimal.valueOf(MICROS_PER_MINUTE))
                        .add(new BigDecimal(parts[1]).multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
            }
            else {
                if (parts[1].indexOf('.') >= 0) {
                    throw syntaxError();
                }
                total = new BigDecimal(parts[0]).multiply(BigDecimal.valueOf(MICROS_PER_HOUR))
                        .add(new BigDecimal(parts[1]).multiply(BigDecimal.valueOf(MICROS_PER_MINUTE)));
                if (parts.length == 3) {
                    total = total.add(new BigDecimal(parts[2]).multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
                }
            }
            BigInteger rounded = total.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            micros = micros.add(negative ? rounded.negate() : rounded);
        }

        /** Adds {@code number} of {@code unit}, carrying a fraction into smaller units as PostgreSQL does. */
        private void addScaled(BigDecimal number, Unit unit)
        {
            BigInteger whole = number.toBigInteger();
            BigDecimal fraction = number.subtract(new BigDecimal(whole));
            switch (unit.field) {
                case MONTHS -> {
                    months = months.add(whole.multiply(BigInteger.valueOf(unit.size)));
                    if (unit.size == 1) {
                        // a fractional month is 30 days, and what is left of those, time
                        addFractionOfDays(fraction.multiply(BigDecimal.valueOf(30)));
                    }
                    else {
                        months = months.add(fraction.multiply(BigDecimal.valueOf(unit.size)).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
                    }
                }
                case DAYS -> {
                    days = days.add(whole.multiply(BigInteger.valueOf(unit.size)));
                    addFractionOfDays(fraction.multiply(BigDecimal.valueOf(unit.size)));
                }
                case MICROS -> micros = micros.add(number.multiply(BigDecimal.valueOf(unit.size)).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
            }
        }

        private void addFractionOfDays(BigDecimal fractionOfDays)
        {
            BigInteger wholeDays = fractionOfDays.toBigInteger();
            days = days.add(wholeDays);
            BigDecimal rest = fractionOfDays.subtract(new BigDecimal(wholeDays));
            micros = micros.add(rest.multiply(MICROS_PER_DAY_DECIMAL).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
        }

        private PgInterval build()
        {
            if (months.bitLength() > 31 || days.bitLength() > 31 || micros.bitLength() > 63) {
                throw WireErrors.intervalFieldOverflow("interval field value out of range: \"" + original + "\"");
            }
            return new PgInterval(months.intValueExact(), days.intValueExact(), micros.longValueExact());
        }

        /** {@code [+-]digits[.digits]} or {@code [+-].digits}. */
        private BigDecimal readNumber()
        {
            int start = position;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            int digitsStart = position;
            while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
                position++;
            }
            String number = text.substring(digitsStart, position);
            if (!number.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
                throw syntaxError();
            }
            BigDecimal value = new BigDecimal(number.endsWith(".") ? number.substring(0, number.length() - 1) : number);
            return text.charAt(start) == '-' ? value.negate() : value;
        }

        private String readLetters()
        {
            int start = position;
            while (position < text.length() && Character.isLetter(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        private int tokenEnd()
        {
            int end = position;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return end;
        }

        private boolean matchWord(String word)
        {
            if (text.startsWith(word, position) && (position + word.length() == text.length() || Character.isWhitespace(text.charAt(position + word.length())))) {
                position += word.length();
                return true;
            }
            return false;
        }

        private void skipSpaces()
        {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private BasinException syntaxError()
        {
            return new BasinException(INVALID_DATETIME_FORMAT, "invalid input syntax for type " + TYPE_NAME + ": \"" + original + "\"");
        }
    }

    private enum Field
    {
        MONTHS, DAYS, MICROS
    }

    /** The units of PostgreSQL's interval input, with the spellings it accepts. */
    private enum Unit
    {
        MILLENNIUM(Field.MONTHS, 12_000, "millennium", "millennia", "millenniums", "mil", "mils"),
        CENTURY(Field.MONTHS, 1_200, "century", "centuries", "cent", "c"),
        DECADE(Field.MONTHS, 120, "decade", "decades", "dec", "decs"),
        YEAR(Field.MONTHS, 12, "year", "years", "yr", "yrs", "y"),
        MONTH(Field.MONTHS, 1, "month", "months", "mon", "mons"),
        WEEK(Field.DAYS, 7, "week", "weeks", "w"),
        DAY(Field.DAYS, 1, "day", "days", "d"),
        HOUR(Field.MICROS, MICROS_PER_HOUR, "hour", "hours", "hr", "hrs", "h"),
        MINUTE(Field.MICROS, MICROS_PER_MINUTE, "minute", "minutes", "min", "mins", "m"),
        SECOND(Field.MICROS, MICROS_PER_SECOND, "second", "seconds", "sec", "secs", "s"),
        MILLISECOND(Field.MICROS, 1_000, "millisecond", "milliseconds", "millisecon", "msec", "msecs", "ms"),
        MICROSECOND(Field.MICROS, 1, "microsecond", "microseconds", "microsecon", "usec", "usecs", "us");

        private final Field field;
        private final long size;
        private final String[] spellings;

        Unit(Field field, long size, String... spellings)
        {
            this.field = field;
            this.size = size;
            this.spellings = spellings;
        }

        static Optional<Unit> of(String spelling)
        {
            for (Unit unit : values()) {
                for (String candidate : unit.spellings) {
                    if (candidate.equals(spelling)) {
                        return Optional.of(unit);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
