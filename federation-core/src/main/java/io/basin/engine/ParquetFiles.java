package io.basin.engine;

import io.airlift.slice.Slices;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.spectrum.IcebergTypes;
import io.basin.spectrum.IcebergValueReader;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.Block;
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
import org.apache.iceberg.Files;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Plain Parquet files for {@code COPY ... FORMAT PARQUET} and {@code UNLOAD ... FORMAT PARQUET},
 * through Iceberg's generic Parquet reader and writer (the lake tier's libraries; no table
 * metadata is involved). Columns are matched by name when reading, so files written by other
 * tools (DuckDB, Spark) load as long as their column names are the table's.
 */
final class ParquetFiles
{
    private static final int PAGE_ROWS = 8192;

    private ParquetFiles() {}

    private static Schema schema(List<String> names, List<Type> types)
    {
        List<Types.NestedField> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(Types.NestedField.optional(i + 1, names.get(i), IcebergTypes.toIceberg(types.get(i))));
        }
        return new Schema(fields);
    }

    /**
     * Writes the pages {@code pages} supplies (until null) to zstd-compressed Parquet files: the
     * first at {@code parts.apply(0)}, the next at {@code parts.apply(1)} once the current one
     * holds {@code maxFileBytes} (checked after each page), and so on; at least one file even
     * when there are no rows. Returns the row count.
     */
    static long write(IntFunction<Path> parts, List<String> names, List<Type> types, Supplier<Page> pages, long maxFileBytes)
            throws IOException
    {
        Schema schema = schema(names, types);
        List<IcebergValueReader> readers = types.stream().map(IcebergValueReader::forType).toList();
        long rows = 0;
        int part = 0;
        FileAppender<Record> appender = open(parts.apply(part), schema);
        try {
            GenericRecord record = GenericRecord.create(schema);
            Page page;
            while ((page = pages.get()) != null) {
                if (page.getPositionCount() == 0) {
                    continue;
                }
                if (appender.length() >= maxFileBytes) {
                    appender.close();
                    appender = open(parts.apply(++part), schema);
                }
                for (int position = 0; position < page.getPositionCount(); position++) {
                    for (int channel = 0; channel < readers.size(); channel++) {
                        Block block = page.getBlock(channel);
                        record.set(channel, block.isNull(position) ? null : readers.get(channel).read(block, position));
                    }
                    appender.add(record);
                    rows++;
                }
            }
        }
        catch (UncheckedIOException e) {
            throw closing(appender, e.getCause());
        }
        catch (IOException e) {
            throw closing(appender, e);
        }
        catch (RuntimeException e) {
            throw closing(appender, e);
        }
        appender.close();
        return rows;
    }

    private static <E extends Exception> E closing(FileAppender<Record> appender, E failure)
    {
        try {
            appender.close();
        }
        catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static FileAppender<Record> open(Path file, Schema schema)
            throws IOException
    {
        return Parquet.write(Files.localOutput(file.toFile()))
                .schema(schema)
                .createWriterFunc(GenericParquetWriter::create)
                .set("write.parquet.compression-codec", "zstd")
                .build();
    }

    /** Reads the columns {@code names} (by name; absent ones are NULL) of a local Parquet file as pages of {@code types}. */
    static void read(Path file, List<String> names, List<Type> types, Consumer<Page> pages)
    {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not open file \"" + file + "\" for reading: no such file");
        }
        try {
            read(Files.localInput(file.toFile()), file.toString(), names, types, pages);
        }
        catch (IOException e) {
            throw new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not read Parquet file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the columns {@code names} (by name; absent ones are NULL) of the Parquet file
     * {@code input} (called {@code name} in messages) as pages of {@code types}. A value that does
     * not fit fails with {@link BasinErrorCode#BAD_COPY_FILE_FORMAT}; a failure to read the file
     * is the {@link IOException}.
     */
    static void read(InputFile input, String name, List<String> names, List<Type> types, Consumer<Page> pages)
            throws IOException
    {
        Schema schema = schema(names, types);
        PageBuilder page = new PageBuilder(types);
        long row = 0;
        try (CloseableIterable<Record> records = Parquet.read(input)
                .project(schema)
                .withNameMapping(MappingUtil.create(schema))
                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema))
                .build()) {
            for (Record record : records) {
                row++;
                page.declarePosition();
                for (int channel = 0; channel < types.size(); channel++) {
                    Object value = record.get(channel);
                    BlockBuilder block = page.getBlockBuilder(channel);
                    if (value == null) {
                        block.appendNull();
                        continue;
                    }
                    try {
                        write(types.get(channel), value, block);
                    }
                    catch (RuntimeException e) {
                        throw new BasinException(BasinErrorCode.BAD_COPY_FILE_FORMAT, "row %d, column %s (%d): cannot load %s value \"%s\" into %s"
                                .formatted(row, names.get(channel), channel + 1, value.getClass().getSimpleName(), value, types.get(channel).getDisplayName()), e);
                    }
                }
                if (page.getPositionCount() >= PAGE_ROWS) {
                    pages.accept(page.build());
                    page.reset();
                }
            }
        }
        catch (UncheckedIOException e) {
            // Iceberg's RuntimeIOException among them: the file could not be read
            throw e.getCause();
        }
        catch (BasinException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new BasinException(BasinErrorCode.BAD_COPY_FILE_FORMAT, "Parquet file \"" + name + "\" does not fit the table: " + e.getMessage(), e);
        }
        if (!page.isEmpty()) {
            pages.accept(page.build());
        }
    }

    private static void write(Type type, Object value, BlockBuilder block)
    {
        switch (type) {
            case BigintType _, IntegerType _, SmallintType _, TinyintType _ -> {
                long number = ((Number) value).longValue();
                if ((type instanceof IntegerType && number != (int) number) || (type instanceof SmallintType && number != (short) number) || (type instanceof TinyintType && number != (byte) number)) {
                    throw new IllegalArgumentException("out of range");
                }
                type.writeLong(block, number);
            }
            case DoubleType _ -> type.writeDouble(block, ((Number) value).doubleValue());
            case RealType _ -> type.writeLong(block, Float.floatToIntBits(((Number) value).floatValue()));
            case BooleanType _ -> type.writeBoolean(block, (Boolean) value);
            case DecimalType decimal -> {
                BigDecimal number = (value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString())).setScale(decimal.getScale(), RoundingMode.HALF_UP);
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
                String text = value.toString();
                if (!varchar.isUnbounded() && text.codePointCount(0, text.length()) > varchar.getBoundedLength()) {
                    throw new IllegalArgumentException("value too long");
                }
                type.writeSlice(block, Slices.utf8Slice(text));
            }
            case CharType _ -> type.writeSlice(block, Slices.utf8Slice(value.toString().stripTrailing()));
            case DateType _ -> type.writeLong(block, ((LocalDate) value).toEpochDay());
            case TimestampType timestamp when timestamp.isShort() -> {
                LocalDateTime time = (LocalDateTime) value;
                type.writeLong(block, time.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + time.getNano() / 1_000);
            }
            default -> throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "COPY FROM Parquet cannot load columns of type " + type.getDisplayName() + " yet");
        }
    }
}
