package io.basin.cli;

import io.basin.embedded.QueryResult;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * psql's expanded format ({@code \x}): one block per row, one line per column.
 * <pre>
 * -[ RECORD 1 ]------
 * n_nationkey | 0
 * n_name      | ALGERIA
 * </pre>
 * Suited to wide rows that an aligned table would wrap. Values spanning several lines continue
 * under the value column, with a {@code +} after the part that wraps.
 */
final class ExpandedFormatter
        implements ResultFormatter
{
    @Override
    public void format(QueryResult result, PrintWriter out)
    {
        List<QueryResult.Column> columns = result.columns();
        if (result.rows().isEmpty()) {
            out.append("(0 rows)\n\n");
            return;
        }
        int nameWidth = 0;
        for (QueryResult.Column column : columns) {
            nameWidth = Math.max(nameWidth, DisplayWidth.of(column.name()));
        }
        int valueWidth = 0;
        for (List<Object> row : result.rows()) {
            for (Object value : row) {
                for (String line : ValueRenderer.render(value).split("\n", -1)) {
                    valueWidth = Math.max(valueWidth, DisplayWidth.of(line));
                }
            }
        }

        StringBuilder line = new StringBuilder();
        int record = 0;
        for (List<Object> row : result.rows()) {
            record++;
            out.append(recordHeader(record, nameWidth, valueWidth)).append('\n');
            for (int column = 0; column < columns.size(); column++) {
                String name = columns.get(column).name();
                String[] lines = ValueRenderer.render(row.get(column)).split("\n", -1);
                for (int lineIndex = 0; lineIndex < lines.length; lineIndex++) {
                    String label = lineIndex == 0 ? name : "";
                    line.append(label).repeat(' ', nameWidth - DisplayWidth.of(label)).append(" | ").append(lines[lineIndex]);
                    if (lineIndex < lines.length - 1) {
                        line.repeat(' ', valueWidth - DisplayWidth.of(lines[lineIndex])).append('+');
                    }
                    writeLine(out, line);
                }
            }
        }
        out.append('\n');
    }

    /** {@code -[ RECORD n ]} drawn over a rule as wide as the block, with a {@code +} above the column separator when it shows. */
    private static String recordHeader(int record, int nameWidth, int valueWidth)
    {
        String label = "-[ RECORD " + record + " ]";
        int separator = nameWidth + 1;
        char[] rule = new char[Math.max(label.length(), nameWidth + 3 + valueWidth)];
        Arrays.fill(rule, '-');
        if (label.length() <= separator) {
            rule[separator] = '+';
        }
        label.getChars(0, label.length(), rule, 0);
        return new String(rule);
    }

    private static void writeLine(PrintWriter out, StringBuilder line)
    {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(line, 0, end).append('\n');
        line.setLength(0);
    }
}
