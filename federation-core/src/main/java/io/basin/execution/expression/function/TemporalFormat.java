package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.INVALID_DATETIME_FORMAT;
import static java.util.Objects.requireNonNull;

/**
 * A compiled PostgreSQL date/time template for to_char and to_date: {@code YYYY-MM-DD},
 * {@code Dy, DD Mon YYYY HH24:MI:SS}, {@code FMMonth DDth}. Supports the year, month, day, week,
 * hour, minute, second and fraction fields, month and day names (upper, capitalized and lower
 * case), AM/PM, quarter, century, Julian day, the FM (fill mode) prefix, TH/th ordinal suffixes,
 * quoted literal text and backslash escapes. Immutable.
 */
public final class TemporalFormat
{
    private enum Field
    {
        // longest names first: the template is scanned greedily
        YEAR_COMMA("Y,YYY", 5), YEAR4("YYYY", 4), YEAR3("YYY", 3), YEAR2("YY", 2), YEAR1("Y", 1),
        ISO_YEAR4("IYYY", 4), ISO_YEAR3("IYY", 3), ISO_YEAR2("IY", 2),
        HOUR24("HH24", 2), HOUR12("HH12", 2), HOUR("HH", 2), MINUTE("MI", 2), SECONDS_OF_DAY("SSSSS", 0), SECONDS_OF_DAY_SHORT("SSSS", 0), SECOND("SS", 2),
        MILLISECOND("MS", 3), MICROSECOND("US", 6),
        AM_DOTS("A.M.", 0), PM_DOTS("P.M.", 0), AM("AM", 0), PM("PM", 0),
        BC_DOTS("B.C.", 0), AD_DOTS("A.D.", 0), BC("BC", 0), AD("AD", 0),
        MONTH_NAME("MONTH", 9), MONTH_ABBREVIATION("MON", 3), MONTH("MM", 2),
        DAY_NAME("DAY", 9), DAY_ABBREVIATION("DY", 3), DAY_OF_YEAR("DDD", 3), ISO_DAY_OF_YEAR("IDDD", 3), DAY("DD", 2),
        ISO_DAY_OF_WEEK("ID", 1), DAY_OF_WEEK("D", 1),
        WEEK_OF_YEAR("WW", 2), ISO_WEEK("IW", 2), WEEK_OF_MONTH("W", 1),
        CENTURY("CC", 2), JULIAN_DAY("J", 0), QUARTER("Q", 1), ROMAN_MONTH("RM", 4),
        TIME_ZONE("TZ", 0), TIME_ZONE_OFFSET("OF", 0);

        private final String pattern;
        private final int width;

        Field(String pattern, int width)
        {
            this.pattern = pattern;
            this.width = width;
        }
    }

    private static final Field[] BY_LENGTH;
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    static {
        List<Field> fields = new ArrayList<>(List.of(Field.values()));
        fields.sort((left, right) -> right.pattern.length() - left.pattern.length());
        BY_LENGTH = fields.toArray(new Field[0]);
    }

    private enum Case
    {
        UPPER, CAPITALIZED, LOWER
    }

    private record Element(Field field, String literal, boolean fillMode, Case letterCase, String ordinalSuffix) {}

    private final String template;
    private final List<Element> elements;

    private TemporalFormat(String template, List<Element> elements)
    {
        this.template = requireNonNull(template, "template is null");
        this.elements = List.copyOf(elements);
    }

    public static TemporalFormat compile(Slice template)
    {
        return compile(template.toStringUtf8());
    }

    public static TemporalFormat compile(String template)
    {
        List<Element> elements = new ArrayList<>();
        int position = 0;
        while (position < template.length()) {
            char character = template.charAt(position);
            if (character == '"') {
                int end = template.indexOf('"', position + 1);
                if (end < 0) {
                    end = template.length();
                }
                elements.add(literal(template.substring(position + 1, end)));
                position = end + 1;
                continue;
            }
            if (character == '\\' && position + 1 < template.length()) {
                elements.add(literal(String.valueOf(template.charAt(position + 1))));
                position += 2;
                continue;
            }
            boolean fillMode = false;
            int start = position;
            if (template.regionMatches(true, position, "FM", 0, 2)) {
                fillMode = true;
                position += 2;
            }
            else if (template.regionMatches(true, position, "FX", 0, 2)) {
                position += 2;
                continue;
            }
            Field field = match(template, position);
            if (field == null) {
                if (fillMode) {
                    elements.add(literal(template.substring(start, position)));
                    continue;
                }
                elements.add(literal(String.valueOf(character)));
                position++;
                continue;
            }
            Case letterCase = letterCase(template, position, field);
            position += field.pattern.length();
            String suffix = null;
            if (template.startsWith("TH", position) || template.startsWith("th", position)) {
                suffix = template.substring(position, position + 2);
                position += 2;
            }
            elements.add(new Element(field, null, fillMode, letterCase, suffix));
        }
        return new TemporalFormat(template, elements);
    }

    private static Element literal(String text)
    {
        return new Element(null, text, false, Case.UPPER, null);
    }

    private static Field match(String template, int position)
    {
        for (Field field : BY_LENGTH) {
            if (template.regionMatches(true, position, field.pattern, 0, field.pattern.length())) {
                return field;
            }
        }
        return null;
    }

    /** MONTH / Month / month: the case of the first two letters decides. */
    private static Case letterCase(String template, int position, Field field)
    {
        char first = template.charAt(position);
        if (Character.isLowerCase(first)) {
            return Case.LOWER;
        }
        if (field.pattern.length() > 1 && Character.isLowerCase(template.charAt(position + 1))) {
            return Case.CAPITALIZED;
        }
        return Case.UPPER;
    }

    /** to_char of a timestamp (microseconds since the epoch; dates at midnight). */
    public Slice format(long micros)
    {
        long days = Math.floorDiv(micros, DateTimeFunctions.MICROS_PER_DAY);
        long microOfDay = micros - days * DateTimeFunctions.MICROS_PER_DAY;
        LocalDateTime dateTime = LocalDate.ofEpochDay(days).atStartOfDay().plusNanos(microOfDay * 1_000);
        StringBuilder builder = new StringBuilder(template.length() + 16);
        for (Element element : elements) {
            if (element.literal() != null) {
                builder.append(element.literal());
                continue;
            }
            appendField(builder, element, dateTime, microOfDay);
        }
        return Slices.utf8Slice(builder.toString());
    }

    private static void appendField(StringBuilder builder, Element element, LocalDateTime dateTime, long microOfDay)
    {
        int year = dateTime.getYear();
        // years before 1 AD print as positive with BC
        long displayYear = year > 0 ? year : 1 - year;
        int hour = dateTime.getHour();
        switch (element.field()) {
            case YEAR_COMMA -> {
                String digits = String.format(Locale.ROOT, "%04d", displayYear);
                builder.append(digits, 0, digits.length() - 3).append(',').append(digits, digits.length() - 3, digits.length());
            }
            case YEAR4 -> number(builder, element, displayYear, 4);
            case YEAR3 -> number(builder, element, displayYear % 1000, 3);
            case YEAR2 -> number(builder, element, displayYear % 100, 2);
            case YEAR1 -> number(builder, element, displayYear % 10, 1);
            case ISO_YEAR4 -> number(builder, element, dateTime.get(IsoFields.WEEK_BASED_YEAR), 4);
            case ISO_YEAR3 -> number(builder, element, dateTime.get(IsoFields.WEEK_BASED_YEAR) % 1000, 3);
            case ISO_YEAR2 -> number(builder, element, dateTime.get(IsoFields.WEEK_BASED_YEAR) % 100, 2);
            case HOUR24 -> number(builder, element, hour, 2);
            case HOUR12, HOUR -> number(builder, element, hour % 12 == 0 ? 12 : hour % 12, 2);
            case MINUTE -> number(builder, element, dateTime.getMinute(), 2);
            case SECOND -> number(builder, element, dateTime.getSecond(), 2);
            case SECONDS_OF_DAY, SECONDS_OF_DAY_SHORT -> number(builder, element, microOfDay / 1_000_000, 0);
            case MILLISECOND -> number(builder, element, (microOfDay / 1_000) % 1_000, 3);
            case MICROSECOND -> number(builder, element, microOfDay % 1_000_000, 6);
            case AM, PM -> builder.append(cased(hour < 12 ? "AM" : "PM", element.letterCase()));
            case AM_DOTS, PM_DOTS -> builder.append(cased(hour < 12 ? "A.M." : "P.M.", element.letterCase()));
            case BC, AD -> builder.append(cased(year > 0 ? "AD" : "BC", element.letterCase()));
            case BC_DOTS, AD_DOTS -> builder.append(cased(year > 0 ? "A.D." : "B.C.", element.letterCase()));
            case MONTH_NAME -> name(builder, element, dateTime.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), 9);
            case MONTH_ABBREVIATION -> name(builder, element, dateTime.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), 3);
            case MONTH -> number(builder, element, dateTime.getMonthValue(), 2);
            case DAY_NAME -> name(builder, element, dateTime.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), 9);
            case DAY_ABBREVIATION -> name(builder, element, dateTime.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), 3);
            case DAY_OF_YEAR -> number(builder, element, dateTime.getDayOfYear(), 3);
            case ISO_DAY_OF_YEAR -> number(builder, element, (dateTime.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7 + dateTime.getDayOfWeek().getValue(), 3);
            case DAY -> number(builder, element, dateTime.getDayOfMonth(), 2);
            case ISO_DAY_OF_WEEK -> number(builder, element, dateTime.getDayOfWeek().getValue(), 1);
            case DAY_OF_WEEK -> number(builder, element, dateTime.getDayOfWeek().getValue() % 7 + 1, 1);
            case WEEK_OF_YEAR -> number(builder, element, (dateTime.getDayOfYear() - 1) / 7 + 1, 2);
            case ISO_WEEK -> number(builder, element, dateTime.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
            case WEEK_OF_MONTH -> number(builder, element, (dateTime.getDayOfMonth() - 1) / 7 + 1, 1);
            case CENTURY -> number(builder, element, year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100), 2);
            case JULIAN_DAY -> number(builder, element, dateTime.getLong(ChronoField.EPOCH_DAY) + 2_440_588, 0);
            case QUARTER -> number(builder, element, (dateTime.getMonthValue() - 1) / 3 + 1, 1);
            case ROMAN_MONTH -> name(builder, element, ROMAN[dateTime.getMonthValue() - 1], 4);
            case TIME_ZONE, TIME_ZONE_OFFSET -> {
                // a timestamp without time zone has no zone to print, as in PostgreSQL
            }
        }
    }

    private static void number(StringBuilder builder, Element element, long value, int width)
    {
        String digits = Long.toString(Math.abs(value));
        if (value < 0) {
            builder.append('-');
        }
        if (!element.fillMode()) {
            builder.repeat('0', Math.max(0, width - digits.length()));
        }
        builder.append(digits);
        if (element.ordinalSuffix() != null) {
            String suffix = ordinalSuffix(value);
            builder.append(element.ordinalSuffix().equals("th") ? suffix : suffix.toUpperCase(Locale.ROOT));
        }
    }

    private static String ordinalSuffix(long value)
    {
        long lastTwo = Math.abs(value) % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch ((int) (lastTwo % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static void name(StringBuilder builder, Element element, String name, int width)
    {
        String text = cased(name, element.letterCase());
        builder.append(text);
        if (!element.fillMode()) {
            // PostgreSQL pads names to the longest name's width
            builder.repeat(' ', Math.max(0, width - text.length()));
        }
    }

    private static String cased(String text, Case letterCase)
    {
        return switch (letterCase) {
            case UPPER -> text.toUpperCase(Locale.ROOT);
            case LOWER -> text.toLowerCase(Locale.ROOT);
            case CAPITALIZED -> text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** to_date: reads the fields of the template from {@code text}; missing fields default to 1 (year 1). */
    public long parseDate(Slice text)
    {
        String input = text.toStringUtf8();
        Parser parser = new Parser(input);
        long year = 1;
        int month = 1;
        int day = 1;
        int dayOfYear = -1;
        boolean beforeChrist = false;
        boolean twoDigitYear = false;
        for (int index = 0; index < elements.size(); index++) {
            Element element = elements.get(index);
            if (element.literal() != null) {
                parser.skipLiteral(element.literal());
                continue;
            }
            // a year directly followed by another field (YYYYMMDD) takes exactly its digits
            boolean followedByField = index + 1 < elements.size() && elements.get(index + 1).field() != null;
            switch (element.field()) {
                case YEAR4, ISO_YEAR4 -> year = parser.number(followedByField ? 4 : 9, true);
                case YEAR_COMMA -> year = parser.number(6, true);
                case YEAR3, ISO_YEAR3 -> year = 1000 + parser.number(3, false);
                case YEAR2, ISO_YEAR2 -> {
                    year = parser.number(2, false);
                    twoDigitYear = true;
                }
                case YEAR1 -> year = 2000 + parser.number(1, false);
                case MONTH -> month = (int) parser.number(2, false);
                case MONTH_NAME, MONTH_ABBREVIATION -> month = parser.monthName(element.field() == Field.MONTH_ABBREVIATION);
                case ROMAN_MONTH -> month = parser.romanMonth();
                case DAY -> day = (int) parser.number(2, false);
                case DAY_OF_YEAR -> dayOfYear = (int) parser.number(3, false);
                case DAY_NAME, DAY_ABBREVIATION -> parser.dayName(element.field() == Field.DAY_ABBREVIATION);
                case JULIAN_DAY -> {
                    return parser.number(9, false) - 2_440_588;
                }
                case BC, BC_DOTS, AD, AD_DOTS -> beforeChrist = parser.era();
                case HOUR24, HOUR12, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, DAY_OF_WEEK, ISO_DAY_OF_WEEK, QUARTER, CENTURY,
                     WEEK_OF_YEAR, ISO_WEEK, WEEK_OF_MONTH, ISO_DAY_OF_YEAR, SECONDS_OF_DAY, SECONDS_OF_DAY_SHORT -> parser.number(element.field().width == 0 ? 9 : element.field().width, false);
                case AM, PM, AM_DOTS, PM_DOTS -> parser.meridiem();
                case TIME_ZONE, TIME_ZONE_OFFSET -> {
                }
            }
            if (element.ordinalSuffix() != null) {
                parser.skipLetters(2);
            }
        }
        if (twoDigitYear) {
            // PostgreSQL maps two-digit years to the one nearest 2020
            year += year < 70 ? 2000 : 1900;
        }
        if (beforeChrist) {
            year = 1 - year;
        }
        if (dayOfYear > 0) {
            if (dayOfYear > (CivilDate.isLeapYear(year) ? 366 : 365)) {
                throw fieldOutOfRange(input);
            }
            return CivilDate.toEpochDay(year, 1, 1) + dayOfYear - 1;
        }
        if (month < 1 || month > 12 || day < 1 || day > CivilDate.lengthOfMonth(year, month)) {
            throw fieldOutOfRange(input);
        }
        return CivilDate.toEpochDay(year, month, day);
    }

    private static BasinException fieldOutOfRange(String input)
    {
        return new BasinException(DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + input + "\"");
    }

    private static final class Parser
    {
        private final String input;
        private int position;

        Parser(String input)
        {
            this.input = input;
        }

        void skipLiteral(String literal)
        {
            // like PostgreSQL outside FX mode: a template separator skips one input character, spaces skip all spaces
            for (int i = 0; i < literal.length() && position < input.length(); i++) {
                if (literal.charAt(i) == ' ') {
                    while (position < input.length() && input.charAt(position) == ' ') {
                        position++;
                    }
                }
                else if (!Character.isLetterOrDigit(input.charAt(position))) {
                    position++;
                }
            }
        }

        long number(int maxDigits, boolean allowSign)
        {
            while (position < input.length() && input.charAt(position) == ' ') {
                position++;
            }
            boolean negative = false;
            if (allowSign && position < input.length() && input.charAt(position) == '-') {
                negative = true;
                position++;
            }
            int start = position;
            long value = 0;
            while (position < input.length() && position - start < maxDigits && (Character.isDigit(input.charAt(position)) || input.charAt(position) == ',')) {
                if (input.charAt(position) != ',') {
                    value = value * 10 + (input.charAt(position) - '0');
                }
                position++;
            }
            if (position == start) {
                throw syntaxError();
            }
            return negative ? -value : value;
        }

        int monthName(boolean abbreviation)
        {
            for (Month month : Month.values()) {
                String name = month.getDisplayName(abbreviation ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH);
                if (input.regionMatches(true, position, name, 0, name.length())) {
                    position += name.length();
                    return month.getValue();
                }
            }
            throw syntaxError();
        }

        int romanMonth()
        {
            for (int i = ROMAN.length - 1; i >= 0; i--) {
                if (input.regionMatches(true, position, ROMAN[i], 0, ROMAN[i].length())) {
                    position += ROMAN[i].length();
                    return i + 1;
                }
            }
            throw syntaxError();
        }

        void dayName(boolean abbreviation)
        {
            for (DayOfWeek day : DayOfWeek.values()) {
                String name = day.getDisplayName(abbreviation ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH);
                if (input.regionMatches(true, position, name, 0, name.length())) {
                    position += name.length();
                    return;
                }
            }
            throw syntaxError();
        }

        boolean era()
        {
            for (String era : List.of("B.C.", "BC", "A.D.", "AD")) {
                if (input.regionMatches(true, position, era, 0, era.length())) {
                    position += era.length();
                    return era.startsWith("B");
                }
            }
            throw syntaxError();
        }

        void meridiem()
        {
            for (String meridiem : List.of("A.M.", "P.M.", "AM", "PM")) {
                if (input.regionMatches(true, position, meridiem, 0, meridiem.length())) {
                    position += meridiem.length();
                    return;
                }
            }
            throw syntaxError();
        }

        void skipLetters(int count)
        {
            for (int i = 0; i < count && position < input.length() && Character.isLetter(input.charAt(position)); i++) {
                position++;
            }
        }

        private BasinException syntaxError()
        {
            return new BasinException(INVALID_DATETIME_FORMAT, "invalid value \"" + input.substring(Math.min(position, input.length())) + "\" for date format");
        }
    }
}
