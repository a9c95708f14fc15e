package io.basin.connector.iceberg;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorPageSink;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.orc.GenericOrcWriter;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.orc.ORC;
import org.apache.iceberg.parquet.Parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.basin.spectrum.SpectrumErrorCode.describe;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_IO_ERROR;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.CompletableFuture.completedFuture;

/**
 * Writes one writer's rows into data files of the table's format (Parquet or ORC), a new file
 * every {@value #TARGET_FILE_ROWS} rows. The files become part of the table only when the
 * statement commits; {@link #abort()} deletes them.
 */
final class IcebergPageSink
        implements ConnectorPageSink
{
    private static final long TARGET_FILE_ROWS = 4_000_000;

    private final IcebergWriteHandle handle;
    private final FileIO fileIO;
    private final DataFileCodec codec;
    private final Schema schema;
    private final PageRecordConverter converter;
    private final List<DataFile> written = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private DataWriter<Record> writer;
    private long rowsInFile;
    private long completedBytes;

    IcebergPageSink(IcebergWriteHandle handle, FileIO fileIO, DataFileCodec codec)
    {
        this.handle = requireNonNull(handle, "handle is null");
        this.fileIO = requireNonNull(fileIO, "fileIO is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.schema = SchemaParser.fromJson(handle.schemaJson());
        this.converter = new PageRecordConverter(schema, handle.columns().stream().map(IcebergColumnHandle::type).toList());
    }

    @Override
    public CompletableFuture<?> appendPage(Page page)
    {
        for (int position = 0; position < page.getPositionCount(); position++) {
            if (writer == null) {
                writer = openWriter();
            }
            writer.write(converter.toRecord(page, position));
            rowsInFile++;
            if (rowsInFile >= TARGET_FILE_ROWS) {
                closeWriter();
            }
        }
        return NOT_BLOCKED;
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        closeWriter();
        List<Slice> fragments = written.stream().map(codec::encode).toList();
        return completedFuture(fragments);
    }

    @Override
    public void abort()
    {
        RuntimeException failure = null;
        if (writer != null) {
            try {
                writer.close();
            }
            catch (IOException | RuntimeException e) {
                failure = new TrinoException(LAKE_IO_ERROR, "Cannot close data file of %s: %s".formatted(handle.name(), describe(e)), e);
            }
            writer = null;
        }
        for (String location : locations) {
            try {
                fileIO.deleteFile(location);
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = new TrinoException(LAKE_IO_ERROR, "Cannot delete abandoned data file %s: %s".formatted(location, describe(e)), e);
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes;
    }

    @Override
    public long getMemoryUsage()
    {
        return 0;
    }

    private DataWriter<Record> openWriter()
    {
        String extension = handle.fileFormat().name().toLowerCase(Locale.ROOT);
        String location = "%s/%s.%s".formatted(handle.dataLocation(), UUID.randomUUID(), extension);
        locations.add(location);
        OutputFile output = fileIO.newOutputFile(location);
        try {
            if (handle.fileFormat() == FileFormat.ORC) {
                return ORC.writeData(output)
                        .schema(schema)
                        .createWriterFunc(GenericOrcWriter::buildWriter)
                        .withSpec(PartitionSpec.unpartitioned())
                        .set(TableProperties.ORC_COMPRESSION, handle.compressionCodec().equals("uncompressed") ? "none" : handle.compressionCodec())
                        .overwrite()
                        .build();
            }
            return Parquet.writeData(output)
                    .schema(schema)
                    .createWriterFunc(GenericParquetWriter::create)
                    .withSpec(PartitionSpec.unpartitioned())
                    .set(TableProperties.PARQUET_COMPRESSION, handle.compressionCodec())
                    .overwrite()
                    .build();
        }
        catch (IOException | RuntimeException e) {
            throw new TrinoException(LAKE_IO_ERROR, "Cannot create data file %s: %s".formatted(location, describe(e)), e);
        }
    }

    private void closeWriter()
    {
        if (writer == null) {
            return;
        }
        DataWriter<Record> closing = writer;
        writer = null;
        rowsInFile = 0;
        try {
            closing.close();
        }
        catch (IOException | RuntimeException e) {
            throw new TrinoException(LAKE_IO_ERROR, "Cannot write data file %s of %s: %s".formatted(locations.getLast(), handle.name(), describe(e)), e);
        }
        DataFile file = closing.toDataFile();
        completedBytes += file.fileSizeInBytes();
        written.add(file);
    }
}
