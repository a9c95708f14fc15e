package io.basin.cli;

import io.basin.embedded.QueryResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * Tab-separated values with a header row, one line per row: tab, newline, carriage return and
 * backslash inside a value are written as {@code \t}, {@code \n}, {@code \r} and {@code \\}
 * (PostgreSQL's COPY text escapes), so every row stays on one line. SQL NULL is an empty field.
 */
final class TsvFormatter
        implements ResultFormatter
{
    @Override
    public void format(QueryResult result, PrintWriter out)
    {
        StringBuilder line = new StringBuilder();
        List<QueryResult.Column> columns = result.columns();
        for (int column = 0; column < columns.size(); column++) {
            if (column > 0) {
                line.append('\t');
            }
            appendEscaped(line, columns.get(column).name());
        }
        out.append(line).append('\n');
        for (List<Object> row : result.rows()) {
            line.setLength(0);
            for (int column = 0; column < row.size(); column++) {
                if (column > 0) {
                    line.append('\t');
                }
                appendEscaped(line, ValueRenderer.render(row.get(column)));
            }
            out.append(line).append('\n');
        }
    }

    private static void appendEscaped(StringBuilder line, String text)
    {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\\' -> line.append("\\\\");
                default -> line.append(c);
            }
        }
    }
}
