package io.basin.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * An expected TPC-H answer for scale factor 0.01 as shipped in {@code io.trino.tpch}
 * ({@code io/trino/tpch/queries/qN.result}).
 * <p>
 * Format: a header {@code -- delimiter: |; ignoreOrder: false; types: BIGINT|DECIMAL|...}
 * ({@code types} optional), then one row per line, fields separated by the delimiter, sometimes
 * with a trailing delimiter; {@code null} is SQL NULL.
 * <p>
 * The numbers are rounded for display (averages to two decimals, sums without trailing zeros,
 * doubles to about 15 significant digits), so a number matches when Basin's value, rounded half
 * away from zero to the number of decimals shown, equals it. A decimal Basin value with fewer
 * decimals than shown matches only in a {@code DOUBLE} column (there the expected text is a
 * double's digits, not an exact value; the expected value is rounded to Basin's scale instead);
 * in other columns Basin lost digits the answer has. A double Basin value also matches when it is
 * within half a unit of the last shown decimal (rounding at a .5 boundary may go either way in
 * binary). Integer values must equal the expected number exactly. Strings compare with trailing
 * spaces removed (TPC-H's fixed-width text), dates as ISO dates.
 */
public final class TpchResultFile
{
    private static final Pattern HEADER_FIELD = Pattern.compile("\\s*(\\w+)\\s*:\\s*(.*?)\\s*");

    private final String delimiter;
    private final boolean ignoreOrder;
    private final List<String> types;
    private final List<List<String>> rows;

    private TpchResultFile(String delimiter, boolean ignoreOrder, List<String> types, List<List<String>> rows)
    {
        this.delimiter = requireNonNull(delimiter, "delimiter is null");
        this.ignoreOrder = ignoreOrder;
        this.types = List.copyOf(types);
        // each row is an unmodifiable list that may hold nulls
        this.rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    /** The expected answer of TPC-H query {@code number} at scale factor 0.01. */
    public static TpchResultFile forQuery(int number)
    {
        checkArgument(number >= 1 && number <= TpchQueries.QUERY_COUNT, "TPC-H query number must be between 1 and 22: %s", number);
        return parse(TpchQueries.readResource("io/trino/tpch/queries/q%d.result".formatted(number)));
    }

    public static TpchResultFile parse(String text)
    {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\r?\\n")));
        checkArgument(!lines.isEmpty() && lines.getFirst().startsWith("--"), "Result file does not start with a '--' header: %s", text);
        Map<String, String> header = new HashMap<>();
        for (String field : lines.removeFirst().substring(2).split(";")) {
            var matcher = HEADER_FIELD.matcher(field);
            if (matcher.matches()) {
                header.put(matcher.group(1), matcher.group(2));
            }
            else {
                checkArgument(field.isBlank(), "Malformed result file header field: '%s'", field);
            }
        }
        String delimiter = header.getOrDefault("delimiter", "|");
        checkArgument(!delimiter.isEmpty(), "Empty delimiter in result file header");
        boolean ignoreOrder = Boolean.parseBoolean(header.getOrDefault("ignoreOrder", "false"));
        String typeList = header.getOrDefault("types", "").strip();
        List<String> types = typeList.isEmpty() ? List.of() : Arrays.stream(typeList.split(Pattern.quote(delimiter))).map(String::strip).toList();

        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>(Arrays.asList(line.split(Pattern.quote(delimiter), -1)));
            // a trailing delimiter ends some rows; without a types list the field count is unknown
            if (line.endsWith(delimiter) && (types.isEmpty() || fields.size() == types.size() + 1)) {
                fields.removeLast();
            }
            if (!types.isEmpty()) {
                checkArgument(fields.size() == types.size(), "Row has %s fields, header declares %s types: %s", fields.size(), types.size(), line);
            }
            rows.add(fields.stream().map(field -> field.equals("null") ? null : field).toList());
        }
        return new TpchResultFile(delimiter, ignoreOrder, types, rows);
    }

    public boolean ignoreOrder()
    {
        return ignoreOrder;
    }

    /** Declared column types ({@code BIGINT}, {@code DECIMAL}, {@code DOUBLE}, ...); empty when the file has none. */
    public List<String> types()
    {
        return types;
    }

    /** The expected rows as text; {@code null} for SQL NULL. */
    public List<List<String>> rows()
    {
        return rows;
    }

    /** Compares Basin's rows with this answer; returns the differences, or empty when they match. */
    public Optional<String> compare(List<? extends List<?>> actualRows)
    {
        requireNonNull(actualRows, "actualRows is null");
        StringBuilder message = new StringBuilder();
        if (!rows.isEmpty() && !actualRows.isEmpty() && rows.getFirst().size() != actualRows.getFirst().size()) {
            return Optional.of("Expected %s columns, actual %s: expected first row %s, actual first row %s"
                    .formatted(rows.getFirst().size(), actualRows.getFirst().size(), rows.getFirst(), ResultComparator.formatRow(actualRows.getFirst())));
        }
        if (ignoreOrder) {
            List<List<?>> unmatched = new ArrayList<>(actualRows);
            List<List<String>> missing = new ArrayList<>();
            for (List<String> expected : rows) {
                int match = -1;
                for (int i = 0; i < unmatched.size() && match < 0; i++) {
                    if (rowMatches(expected, unmatched.get(i))) {
                        match = i;
                    }
                }
                if (match >= 0) {
                    unmatched.remove(match);
                }
                else {
                    missing.add(expected);
                }
            }
            if (missing.isEmpty() && unmatched.isEmpty()) {
                return Optional.empty();
            }
            message.append("Results differ (ignoring order): expected %s rows, actual %s rows%n".formatted(rows.size(), actualRows.size()));
            missing.stream().limit(ResultComparator.MAX_REPORTED_ROWS).forEach(row -> message.append("  missing: ").append(String.join(delimiter, nullsAsText(row))).append(System.lineSeparator()));
            unmatched.stream().limit(ResultComparator.MAX_REPORTED_ROWS).forEach(row -> message.append("  extra:   ").append(ResultComparator.formatRow(row)).append(System.lineSeparator()));
            return Optional.of(message.toString());
        }

        int mismatches = 0;
        for (int i = 0; i < Math.max(rows.size(), actualRows.size()); i++) {
            List<String> expected = i < rows.size() ? rows.get(i) : null;
            List<?> actual = i < actualRows.size() ? actualRows.get(i) : null;
            if (expected != null && actual != null && rowMatches(expected, actual)) {
                continue;
            }
            mismatches++;
            if (mismatches <= ResultComparator.MAX_REPORTED_ROWS) {
                message.append("  row %s: expected %s%n         actual   %s%n".formatted(
                        i + 1,
                        expected == null ? "(no row)" : String.join(delimiter, nullsAsText(expected)),
                        actual == null ? "(no row)" : ResultComparator.formatRow(actual)));
            }
        }
        if (mismatches == 0) {
            return Optional.empty();
        }
        return Optional.of("Results differ (in order): expected %s rows, actual %s rows, %s differing positions%n%s"
                .formatted(rows.size(), actualRows.size(), mismatches, message));
    }

    private boolean rowMatches(List<String> expected, List<?> actual)
    {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            String type = i < types.size() ? types.get(i) : "";
            if (!valueMatches(expected.get(i), actual.get(i), type)) {
                return false;
            }
        }
        return true;
    }

    /** Whether Basin's value {@code actual} is shown as {@code expected} in a column of declared {@code type} (may be empty). */
    static boolean valueMatches(String expected, Object actual, String type)
    {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        try {
            return switch (actual) {
                case String string -> string.stripTrailing().equals(expected.stripTrailing());
                case Character character -> character.toString().equals(expected.stripTrailing());
                case Boolean bool -> expected.equalsIgnoreCase(bool.toString()) || expected.equalsIgnoreCase(bool ? "t" : "f");
                case LocalDate date -> date.equals(LocalDate.parse(expected.strip()));
                case LocalDateTime timestamp -> timestamp.equals(LocalDateTime.parse(expected.strip().replace(' ', 'T')));
                case BigDecimal decimal -> decimalMatches(new BigDecimal(expected.strip()), decimal, type);
                case Double number -> approximateMatches(new BigDecimal(expected.strip()), number);
                case Float number -> approximateMatches(new BigDecimal(expected.strip()), number.doubleValue());
                case Long number -> new BigDecimal(expected.strip()).compareTo(BigDecimal.valueOf(number)) == 0;
                case Integer number -> new BigDecimal(expected.strip()).compareTo(BigDecimal.valueOf(number)) == 0;
                case Short number -> new BigDecimal(expected.strip()).compareTo(BigDecimal.valueOf(number)) == 0;
                case Byte number -> new BigDecimal(expected.strip()).compareTo(BigDecimal.valueOf(number)) == 0;
                case BigInteger number -> new BigDecimal(expected.strip()).compareTo(new BigDecimal(number)) == 0;
                default -> expected.equals(actual.toString());
            };
        }
        catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    private static boolean decimalMatches(BigDecimal expected, BigDecimal actual, String type)
    {
        int shown = Math.max(expected.scale(), 0);
        if (actual.scale() >= shown) {
            return actual.setScale(shown, RoundingMode.HALF_UP).compareTo(expected) == 0;
        }
        if (actual.compareTo(expected) == 0) {
            return true;
        }
        // a double's digits in the answer; Basin computed the column as a decimal of smaller scale
        return type.equalsIgnoreCase("DOUBLE") && expected.setScale(actual.scale(), RoundingMode.HALF_UP).compareTo(actual) == 0;
    }

    private static boolean approximateMatches(BigDecimal expected, double actual)
    {
        if (Double.isNaN(actual) || Double.isInfinite(actual)) {
            return false;
        }
        BigDecimal value = new BigDecimal(actual);
        int shown = Math.max(expected.scale(), 0);
        if (value.setScale(shown, RoundingMode.HALF_UP).compareTo(expected) == 0) {
            return true;
        }
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(shown).divide(BigDecimal.TWO);
        BigDecimal slack = expected.abs().multiply(new BigDecimal("1e-12"));
        return value.subtract(expected).abs().compareTo(halfUnit.add(slack)) <= 0;
    }

    private static List<String> nullsAsText(List<String> row)
    {
        return row.stream().map(value -> value == null ? "null" : value).toList();
    }
}
