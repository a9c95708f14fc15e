package io.basin.pgwire;

import io.basin.embedded.QueryResult;
import io.basin.pgwire.type.PgFormat;
import io.basin.pgwire.type.PgValueWriter;
import io.basin.pgwire.type.WireBuffer;
import io.basin.sql.parser.Statement;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes result rows: RowDescription and DataRow messages, or COPY's CopyData rows. */
final class PgResultWriter
{
    private PgResultWriter() {}

    static void writeRowDescription(PgOutput out, List<QueryResult.Column> columns, List<ColumnEncoder> encoders)
            throws IOException
    {
        out.beginMessage('T');
        out.writeInt16(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnEncoder encoder = encoders.get(i);
            out.writeCString(columns.get(i).name());
            out.writeInt32(0);
            out.writeInt16(0);
            out.writeInt32(encoder.typeOid());
            out.writeInt16(encoder.typeSize());
            out.writeInt32(encoder.typeModifier());
            out.writeInt16(encoder.format());
        }
        out.endMessage();
    }

    /** One DataRow per position of {@code page} from {@code from} (inclusive) to {@code to} (exclusive). */
    static void writeDataRows(PgOutput out, Page page, int from, int to, List<ColumnEncoder> encoders)
            throws IOException
    {
        int channels = encoders.size();
        Block[] blocks = new Block[channels];
        for (int channel = 0; channel < channels; channel++) {
            blocks[channel] = page.getBlock(channel);
        }
        for (int position = from; position < to; position++) {
            out.beginMessage('D');
            out.writeInt16(channels);
            for (int channel = 0; channel < channels; channel++) {
                encoders.get(channel).write(blocks[channel], position, out);
            }
            out.endMessage();
        }
    }

    static void writeCopyOutResponse(PgOutput out, int columns)
            throws IOException
    {
        out.beginMessage('H');
        out.writeByte(0);
        out.writeInt16(columns);
        for (int i = 0; i < columns; i++) {
            out.writeInt16(0);
        }
        out.endMessage();
    }

    /** The header line of COPY ... HEADER: the column names, quoted as values are. */
    static void writeCopyHeader(PgOutput out, List<QueryResult.Column> columns, Statement.CopyFormat format)
            throws IOException
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(format.delimiter());
            }
            appendCopyValue(line, columns.get(i).name(), format);
        }
        line.append('\n');
        writeCopyData(out, line.toString());
    }

    /**
     * Rows as COPY text or CSV lines. Values use the text output format of their type (the text
     * encoders), then COPY's quoting rules are applied to that text.
     */
    static void writeCopyRows(PgOutput out, Page page, List<Type> types, List<TextValueFormatter> formatters, Statement.CopyFormat format)
            throws IOException
    {
        StringBuilder line = new StringBuilder();
        for (int position = 0; position < page.getPositionCount(); position++) {
            line.setLength(0);
            for (int channel = 0; channel < types.size(); channel++) {
                if (channel > 0) {
                    line.append(format.delimiter());
                }
                Block block = page.getBlock(channel);
                if (block.isNull(position)) {
                    line.append(format.nullString());
                    continue;
                }
                appendCopyValue(line, formatters.get(channel).format(block, position), format);
            }
            line.append('\n');
            writeCopyData(out, line.toString());
        }
    }

    private static void writeCopyData(PgOutput out, String line)
            throws IOException
    {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        out.beginMessage('d');
        out.writeBytes(bytes);
        out.endMessage();
    }

    private static void appendCopyValue(StringBuilder line, String value, Statement.CopyFormat format)
    {
        if (format.csv()) {
            boolean quote = value.isEmpty() && format.nullString().isEmpty()
                    || value.equals(format.nullString())
                    || value.indexOf(format.delimiter()) >= 0 || value.indexOf(format.quote()) >= 0
                    || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                    || value.equals("\\.");
            if (!quote) {
                line.append(value);
                return;
            }
            line.append(format.quote());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == format.quote() || c == format.escape()) {
                    line.append(format.escape());
                }
                line.append(c);
            }
            line.append(format.quote());
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case '\b' -> line.append("\\b");
                case '\f' -> line.append("\\f");
                case 0x0B -> line.append("\\v");
                default -> {
                    if (c == format.delimiter()) {
                        line.append('\\');
                    }
                    line.append(c);
                }
            }
        }
    }

    /** A value's PostgreSQL text output, as a string (for COPY). */
    interface TextValueFormatter
    {
        String format(Block block, int position);
    }

    /** A value's text output through the codec's text writer, as a string (for COPY). */
    static TextValueFormatter textFormatter(Type type)
    {
        PgValueWriter writer = PgValueWriter.forType(type, PgFormat.TEXT);
        WireBuffer scratch = new WireBuffer(64);
        return (block, position) -> {
            scratch.reset();
            writer.write(block, position, scratch);
            // skip the int32 length the writer puts before the value
            return scratch.toUtf8String(4);
        };
    }
}
