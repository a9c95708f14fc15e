package io.basin.cli;

import io.basin.embedded.QueryResult;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's aligned format:
 * <pre>
 *  n_nationkey |  n_name
 * -------------+---------
 *            0 | ALGERIA
 * (1 row)
 * </pre>
 * Column headers are centered, numbers right-aligned and everything else left-aligned; a value
 * spanning several lines continues on the next output line with a {@code +} after the part that
 * wraps. Trailing spaces are not written.
 */
final class AlignedFormatter
        implements ResultFormatter
{
    @Override
    public void format(QueryResult result, PrintWriter out)
    {
        List<QueryResult.Column> columns = result.columns();
        int columnCount = columns.size();
        int[] widths = new int[columnCount];
        boolean[] rightAligned = new boolean[columnCount];
        for (int column = 0; column < columnCount; column++) {
            widths[column] = DisplayWidth.of(columns.get(column).name());
            rightAligned[column] = isNumeric(columns.get(column).type());
        }
        List<String[][]> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            String[][] cells = new String[columnCount][];
            for (int column = 0; column < columnCount; column++) {
                cells[column] = ValueRenderer.render(row.get(column)).split("\n", -1);
                for (String line : cells[column]) {
                    widths[column] = Math.max(widths[column], DisplayWidth.of(line));
                }
            }
            rows.add(cells);
        }

        StringBuilder line = new StringBuilder();
        for (int column = 0; column < columnCount; column++) {
            String name = columns.get(column).name();
            int padding = widths[column] - DisplayWidth.of(name);
            line.append(column == 0 ? " " : "| ")
                    .repeat(' ', padding / 2)
                    .append(name)
                    .repeat(' ', padding - padding / 2)
                    .append(' ');
        }
        writeLine(out, line);
        for (int column = 0; column < columnCount; column++) {
            line.append(column == 0 ? "" : "+").repeat('-', widths[column] + 2);
        }
        writeLine(out, line);
        for (String[][] cells : rows) {
            writeRow(out, cells, widths, rightAligned, line);
        }
        out.append(result.rows().size() == 1 ? "(1 row)" : "(" + result.rows().size() + " rows)").append("\n\n");
    }

    private static void writeRow(PrintWriter out, String[][] cells, int[] widths, boolean[] rightAligned, StringBuilder line)
    {
        int height = 1;
        for (String[] cell : cells) {
            height = Math.max(height, cell.length);
        }
        for (int lineIndex = 0; lineIndex < height; lineIndex++) {
            for (int column = 0; column < cells.length; column++) {
                String[] cell = cells[column];
                String text = lineIndex < cell.length ? cell[lineIndex] : "";
                int padding = widths[column] - DisplayWidth.of(text);
                line.append(column == 0 ? " " : "| ");
                if (rightAligned[column]) {
                    line.repeat(' ', padding).append(text);
                }
                else {
                    line.append(text).repeat(' ', padding);
                }
                line.append(lineIndex < cell.length - 1 ? '+' : ' ');
            }
            writeLine(out, line);
        }
    }

    /** Writes the line without trailing spaces and clears it for reuse. */
    private static void writeLine(PrintWriter out, StringBuilder line)
    {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(line, 0, end).append('\n');
        line.setLength(0);
    }

    private static boolean isNumeric(Type type)
    {
        return type instanceof BigintType
                || type instanceof IntegerType
                || type instanceof SmallintType
                || type instanceof TinyintType
                || type instanceof RealType
                || type instanceof DoubleType
                || type instanceof DecimalType;
    }
}
