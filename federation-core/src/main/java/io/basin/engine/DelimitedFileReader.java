package io.basin.engine;

import io.airlift.slice.Slices;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.sql.parser.Statement.CopyFormat;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Reads a delimited text file (Redshift's pipe-delimited text or CSV with quotes) into pages of
 * a table's column types, for {@code COPY table FROM 'file'}. A value that does not fit its
 * column, or a line with the wrong number of fields, fails the whole load with a
 * {@link BasinErrorCode#BAD_COPY_FILE_FORMAT} error naming the line (1-based, counting skipped
 * header lines) and the column; the caller writes nothing in that case.
 */
final class DelimitedFileReader
{
    private static final int PAGE_ROWS = 8192;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss[.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S]");

    private final CopyFormat format;
    private final int skipLines;
    private final List<String> columnNames;
    private final List<Type> types;

    DelimitedFileReader(CopyFormat format, int skipLines, List<String> columnNames, List<Type> types)
    {
        this.format = requireNonNull(format, "format is null");
        this.skipLines = skipLines;
        this.columnNames = List.copyOf(columnNames);
        this.types = List.copyOf(types);
    }

    /** The local file a location names: a {@code file:} URI or a plain path. */
    static Path localPath(String location)
    {
        if (location.startsWith("file://")) {
            return Path.of(location.substring("file://".length()));
        }
        if (location.startsWith("file:")) {
            return Path.of(location.substring("file:".length()));
        }
        if (location.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "COPY and UNLOAD take local files (file:...) and S3 objects (s3://bucket/key, s3a://bucket/key), not \"" + location.replaceAll("//[^/@]*@", "//") + "\"");
        }
        return Path.of(location);
    }

    /** Reads every row of {@code file}, handing full pages to {@code pages}. */
    void read(Path file, Consumer<Page> pages)
    {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(reader, pages);
        }
        catch (NoSuchFileException e) {
            throw new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not open file \"" + file + "\" for reading: no such file", e);
        }
        catch (IOException e) {
            throw new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not read file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /** Reads every row of UTF-8 {@code input}, handing full pages to {@code pages}; a failure to read is the {@link IOException}. */
    void read(InputStream input, Consumer<Page> pages)
            throws IOException
    {
        read(new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)), pages);
    }

    private void read(BufferedReader reader, Consumer<Page> pages)
            throws IOException
    {
        LineSource lines = new LineSource(reader);
        for (int i = 0; i < skipLines; i++) {
            if (lines.next() == null) {
                return;
            }
        }
        PageBuilder page = new PageBuilder(types);
        List<String> fields = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        while (true) {
            int line = lines.number + 1;
            String text = lines.next();
            if (text == null) {
                break;
            }
            if (text.isEmpty() && !format.csv()) {
                continue;
            }
            fields.clear();
            quoted.clear();
            split(text, lines, line, fields, quoted);
            if (fields.size() != types.size()) {
                throw new BasinException(BasinErrorCode.BAD_COPY_FILE_FORMAT, "line %d: %d fields, but the table has %d columns (%s)".formatted(line, fields.size(), types.size(), String.join(", ", columnNames)));
            }
            page.declarePosition();
            for (int column = 0; column < types.size(); column++) {
                String value = fields.get(column);
                BlockBuilder block = page.getBlockBuilder(column);
                if (value.equals(format.nullString()) && !quoted.get(column)) {
                    block.appendNull();
                    continue;
                }
                try {
                    write(types.get(column), value, block);
                }
                catch (RuntimeException e) {
                    throw new BasinException(BasinErrorCode.BAD_COPY_FILE_FORMAT,
                            "line %d, column %s (%d): invalid %s value \"%s\"".formatted(line, columnNames.get(column), column + 1, types.get(column).getDisplayName(), shorten(value)), e);
                }
            }
            if (page.getPositionCount() >= PAGE_ROWS) {
                pages.accept(page.build());
                page.reset();
            }
        }
        if (!page.isEmpty()) {
            pages.accept(page.build());
        }
    }

    /** Splits one record; a quoted CSV field may run over several lines, which it takes from {@code lines}. */
    private void split(String first, LineSource lines, int line, List<String> fields, List<Boolean> quoted)
        throws IOException
    {
        char delimiter = format.delimiter();
        if (!format.csv()) {
            int start = 0;
            for (int i = 0; i <= first.length(); i++) {
                if (i == first.length() || first.charAt(i) == delimiter) {
                    fields.add(first.substring(start, i));
                    quoted.add(false);
                    start = i + 1;
                }
            }
            return;
        }
        char quote = format.quote();
        StringBuilder field = new StringBuilder();
        String text = first;
        int i = 0;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        while (true) {
            if (i == text.length()) {
                if (inQuotes) {
                    String more = lines.next();
                    if (more == null) {
                        throw new BasinException(BasinErrorCode.BAD_COPY_FILE_FORMAT, "line %d, column %s (%d): unterminated quoted field".formatted(line, columnName(fields.size()), fields.size() + 1));
                    }
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                fields.add(field.toString());
                quoted.add(wasQuoted);
                return;
            }
            char c = text.charAt(i++);
            if (inQuotes) {
                if (c == quote) {
                    if (i < text.length() && text.charAt(i) == quote) {
                        field.append(quote);
                        i++;
                    }
                    else {
                        inQuotes = false;
                    }
                }
                else {
                    field.append(c);
                }
            }
            else if (c == delimiter) {
                fields.add(field.toString());
                quoted.add(wasQuoted);
                field.setLength(0);
                wasQuoted = false;
            }
            else if (c == quote) {
                inQuotes = true;
                wasQuoted = true;
            }
            else {
                field.append(c);
            }
        }
    }

    private String columnName(int index)
    {
        return index < columnNames.size() ? columnNames.get(index) : "?";
    }

    private static String shorten(String value)
    {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private static void write(Type type, String value, BlockBuilder block)
    {
        switch (type) {
            case BigintType _ -> type.writeLong(block, Long.parseLong(value.strip()));
            case IntegerType _ -> type.writeLong(block, Integer.parseInt(value.strip()));
            case SmallintType _ -> type.writeLong(block, Short.parseShort(value.strip()));
            case TinyintType _ -> type.writeLong(block, Byte.parseByte(value.strip()));
            case DoubleType _ -> type.writeDouble(block, Double.parseDouble(value.strip()));
            case RealType _ -> type.writeLong(block, Float.floatToIntBits(Float.parseFloat(value.strip())));
            case BooleanType _ -> type.writeBoolean(block, switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "t", "true", "1", "y", "yes", "on" -> true;
                case "f", "false", "0", "n", "no", "off" -> false;
                default -> throw new IllegalArgumentException("not a boolean");
            });
            case DecimalType decimal -> {
                BigDecimal number = new BigDecimal(value.strip()).setScale(decimal.getScale(), RoundingMode.HALF_UP);
                if (number.precision() > decimal.getPrecision()) {
                    throw new IllegalArgumentException("numeric field overflow");
                }
                if (decimal.isShort()) {
                    type.writeLong(block, number.unscaledValue().longValueExact());
                }
                else {
                    type.writeObject(block, Int128.valueOf(number.unscaledValue()));
                }
            }
            case VarcharType varchar -> {
                if (!varchar.isUnbounded() && value.codePointCount(0, value.length()) > varchar.getBoundedLength()) {
                    throw new IllegalArgumentException("value too long");
                }
                type.writeSlice(block, Slices.utf8Slice(value));
            }
            case CharType charType -> {
                String trimmed = value.stripTrailing();
                if (trimmed.codePointCount(0, trimmed.length()) > charType.getLength()) {
                    throw new IllegalArgumentException("value too long");
                }
                type.writeSlice(block, Slices.utf8Slice(trimmed));
            }
            case DateType _ -> type.writeLong(block, LocalDate.parse(value.strip()).toEpochDay());
            case TimestampType timestamp when timestamp.isShort() -> {
                LocalDateTime time = LocalDateTime.parse(value.strip(), TIMESTAMP);
                long micros = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + time.getNano() / 1_000;
                long unit = (long) Math.pow(10, 6 - timestamp.getPrecision());
                type.writeLong(block, Math.floorDiv(micros, unit) * unit);
            }
            default -> throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "COPY FROM cannot load columns of type " + type.getDisplayName() + " yet");
        }
    }

    /** Lines of the file with the number of the last one read. */
    private static final class LineSource
    {
        private final BufferedReader reader;
        private int number;

        LineSource(BufferedReader reader)
        {
            this.reader = reader;
        }

        String next()
            throws IOException
        {
            String line = reader.readLine();
            if (line != null) {
                number++;
            }
            return line;
        }
    }
}
