package io.basin.cli;

import io.basin.embedded.QueryResult;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestResultFormatters
{
    @Test
    void testAligned()
    {
        QueryResult result = result(
                List.of(column("id", BIGINT), column("name", VARCHAR), column("price", createDecimalType(10, 2))),
                row(1L, "apple", new BigDecimal("1.50")),
                row(22L, null, new BigDecimal("10.00")),
                row(333L, "kiwi\nfruit", null));
        // numbers right-aligned, text left-aligned, headers centered, NULL empty, a line break continued with '+'
        assertThat(format(new AlignedFormatter(), result)).isEqualTo("""
                 id  | name  | price
                -----+-------+-------
                   1 | apple |  1.50
                  22 |       | 10.00
                 333 | kiwi +|
                     | fruit |
                (3 rows)

                """);
    }

    @Test
    void testAlignedRowCounts()
    {
        assertThat(format(new AlignedFormatter(), result(List.of(column("count", BIGINT)), row(25L)))).isEqualTo("""
                 count
                -------
                    25
                (1 row)

                """);
        assertThat(format(new AlignedFormatter(), result(List.of(column("a", VARCHAR), column("b", VARCHAR))))).isEqualTo("""
                 a | b
                ---+---
                (0 rows)

                """);
    }

    @Test
    void testAlignedWidthsFollowTheWidestValue()
    {
        List<String> names = List.of("x", "a somewhat longer value", "", "mid");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(row((long) Math.pow(10, i), names.get(i)));
        }
        String output = format(new AlignedFormatter(), new QueryResult(List.of(column("n", BIGINT), column("name", VARCHAR)), rows, -1));
        List<String> lines = output.lines().toList();

        int numberWidth = String.valueOf((long) Math.pow(10, names.size() - 1)).length();
        int textWidth = names.stream().mapToInt(String::length).max().orElseThrow();
        assertThat(lines.get(1)).isEqualTo("-".repeat(numberWidth + 2) + "+" + "-".repeat(textWidth + 2));
        for (int i = 0; i < names.size(); i++) {
            String number = String.valueOf((long) Math.pow(10, i));
            String expected = " " + " ".repeat(numberWidth - number.length()) + number + " | " + names.get(i);
            assertThat(lines.get(i + 2)).isEqualTo(expected.stripTrailing());
        }
        assertThat(lines.get(names.size() + 2)).isEqualTo("(" + names.size() + " rows)");
    }

    @Test
    void testAlignedWideCharacters()
    {
        // CJK characters take two terminal columns each
        String output = format(new AlignedFormatter(), result(List.of(column("city", VARCHAR), column("n", BIGINT)), row("東京", 1L), row("Oslo", 2L)));
        assertThat(output).isEqualTo("""
                 city | n
                ------+---
                 東京 | 1
                 Oslo | 2
                (2 rows)

                """);
    }

    @Test
    void testExpanded()
    {
        QueryResult result = result(List.of(column("id", BIGINT), column("name", VARCHAR)), row(1L, "apple"), row(22L, null));
        assertThat(format(new ExpandedFormatter(), result)).isEqualTo("""
                -[ RECORD 1 ]
                id   | 1
                name | apple
                -[ RECORD 2 ]
                id   | 22
                name |

                """);
        // the record rule shows '+' above the separator when the label leaves room for it
        assertThat(format(new ExpandedFormatter(), result(List.of(column("a_long_column_name", VARCHAR)), row("v\nw"))))
                .isEqualTo("""
                        -[ RECORD 1 ]------+--
                        a_long_column_name | v+
                                           | w

                        """);
        assertThat(format(new ExpandedFormatter(), result(List.of(column("a", BIGINT))))).isEqualTo("(0 rows)\n\n");
    }

    @Test
    void testCsv()
    {
        QueryResult result = result(
                List.of(column("a", BIGINT), column("b", VARCHAR), column("c,d", VARCHAR)),
                row(1L, "plain", "with,comma"),
                row(null, "", "say \"hi\""),
                row(3L, "multi\nline", null));
        // NULL is an empty field, the empty string a quoted one
        assertThat(format(new CsvFormatter(), result)).isEqualTo("""
                a,b,"c,d"
                1,plain,"with,comma"
                ,"","say ""hi\"""
                3,"multi
                line",
                """);
    }

    @Test
    void testCsvFieldsBuiltFromTheInput()
    {
        List<String> values = List.of("simple", "a,b", "\"quoted\"", "cr\rlf", " spaces ", "ünïcödé");
        List<List<Object>> rows = values.stream().map(value -> row(value)).toList();
        String output = format(new CsvFormatter(), new QueryResult(List.of(column("v", VARCHAR)), rows, -1));

        StringBuilder expected = new StringBuilder("v\n");
        for (String value : values) {
            boolean quote = value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n");
            expected.append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value).append('\n');
        }
        assertThat(output).isEqualTo(expected.toString());
    }

    @Test
    void testTsv()
    {
        QueryResult result = result(
                List.of(column("a", BIGINT), column("b", VARCHAR), column("c", DOUBLE)),
                row(1L, "tab\there", 1.5),
                row(null, "back\\slash", null),
                row(3L, "multi\nline\r", 1e20));
        assertThat(format(new TsvFormatter(), result)).isEqualTo(
                "a\tb\tc\n"
                        + "1\ttab\\there\t1.5\n"
                        + "\tback\\\\slash\t\n"
                        + "3\tmulti\\nline\\r\t1e+20\n");
    }

    @Test
    void testOutputFormatNames()
    {
        assertThat(OutputFormat.fromName("CSV")).isEqualTo(OutputFormat.CSV);
        assertThat(OutputFormat.fromName("aligned")).isEqualTo(OutputFormat.ALIGNED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputFormat.fromName("json"))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unknown output format 'json'; expected one of aligned, csv, tsv");
    }

    private static String format(ResultFormatter formatter, QueryResult result)
    {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            formatter.format(result, out);
        }
        return text.toString();
    }

    private static QueryResult.Column column(String name, Type type)
    {
        return new QueryResult.Column(name, type);
    }

    @SafeVarargs
    private static QueryResult result(List<QueryResult.Column> columns, List<Object>... rows)
    {
        return new QueryResult(columns, Arrays.asList(rows), -1);
    }

    private static List<Object> row(Object... values)
    {
        // Arrays.asList keeps nulls, which List.of rejects
        return Arrays.asList(values);
    }
}
