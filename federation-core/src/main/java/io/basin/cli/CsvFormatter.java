package io.basin.cli;

import io.basin.embedded.QueryResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * CSV (RFC 4180) with a header row. A field is quoted when it holds a comma, a quote or a line
 * break, with quotes doubled. SQL NULL is an empty field and the empty string a quoted empty
 * field ({@code ""}), as PostgreSQL's {@code COPY ... CSV} writes them, so the two stay apart.
 */
final class CsvFormatter
        implements ResultFormatter
{
    @Override
    public void format(QueryResult result, PrintWriter out)
    {
        StringBuilder line = new StringBuilder();
        List<QueryResult.Column> columns = result.columns();
        for (int column = 0; column < columns.size(); column++) {
            if (column > 0) {
                line.append(',');
            }
            appendField(line, columns.get(column).name());
        }
        out.append(line).append('\n');
        for (List<Object> row : result.rows()) {
            line.setLength(0);
            for (int column = 0; column < row.size(); column++) {
                if (column > 0) {
                    line.append(',');
                }
                Object value = row.get(column);
                if (value != null) {
                    appendField(line, ValueRenderer.render(value));
                }
            }
            out.append(line).append('\n');
        }
    }

    private static void appendField(StringBuilder line, String text)
    {
        if (!needsQuotes(text)) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String text)
    {
        if (text.isEmpty()) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
