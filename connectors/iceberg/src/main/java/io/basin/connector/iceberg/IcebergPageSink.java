package io.basin.connector.iceberg;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorPageSink;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.PartitionSpecParser;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.InternalRecordWrapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.basin.spectrum.SpectrumErrorCode.describe;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_IO_ERROR;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.CompletableFuture.completedFuture;

/**
 * Writes one writer's rows into data files of the table's format (Parquet or ORC), a new file
 * every {@value #TARGET_FILE_ROWS} rows; rows of a partitioned table go to one open file per
 * partition (under the partition's path), each file recording its partition. The files become part of the table only when the
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
    private final PartitionSpec spec;
    private final PageRecordConverter converter;
    private final List<DataFile> written = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private final PartitionKey partitionKey;
    private final InternalRecordWrapper wrapper;
    private final Map<StructLike, OpenFile> open = new HashMap<>();
    private long completedBytes;

    IcebergPageSink(IcebergWriteHandle handle, FileIO fileIO, DataFileCodec codec)
    {
        this.handle = requireNonNull(handle, "handle is null");
        this.fileIO = requireNonNull(fileIO, "fileIO is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.schema = SchemaParser.fromJson(handle.schemaJson());
        this.spec = PartitionSpecParser.fromJson(schema, handle.specJson());
        this.partitionKey = new PartitionKey(spec, schema);
        this.wrapper = new InternalRecordWrapper(schema.asStruct());
        this.converter = new PageRecordConverter(schema, handle.columns().stream().map(IcebergColumnHandle::type).toList());
    }

    @Override
    public CompletableFuture<?> appendPage(Page page)
    {
        for (int position = 0; position < page.getPositionCount(); position++) {
            Record record = converter.toRecord(page, position);
            StructLike partition = null;
            if (!spec.isUnpartitioned()) {
                // the transforms see values in Iceberg's internal form (dates as days, ...)
                partitionKey.partition(wrapper.wrap(record));
                partition = partitionKey;
            }
            OpenFile file = open.get(partition);
            if (file == null) {
                PartitionKey key = partition == null ? null : partitionKey.copy();
                file = new OpenFile(openWriter(key), locations.getLast());
                open.put(key, file);
            }
            file.writer.write(record);
            file.rows++;
            if (file.rows >= TARGET_FILE_ROWS) {
                open.remove(partition);
                closeWriter(file);
            }
        }
        return NOT_BLOCKED;
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        List<OpenFile> files = List.copyOf(open.values());
        open.clear();
        for (OpenFile file : files) {
            closeWriter(file);
        }
        List<Slice> fragments = written.stream().map(codec::encode).toList();
        return completedFuture(fragments);
    }

    @Override
    public void abort()
    {
        RuntimeException failure = null;
        for (OpenFile file : open.values()) {
            try {
                file.writer.close();
            }
            catch (IOException | RuntimeException e) {
                if (failure == null) {
                    failure = new TrinoException(LAKE_IO_ERROR, "Cannot close data file of %s: %s".formatted(handle.name(), describe(e)), e);
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
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

    private DataWriter<Record> openWriter(PartitionKey partition)
    {
        String extension = handle.fileFormat().name().toLowerCase(Locale.ROOT);
        String directory = partition == null ? handle.dataLocation() : handle.dataLocation() + "/" + spec.partitionToPath(partition);
        String location = "%s/%s.%s".formatted(directory, UUID.randomUUID(), extension);
        locations.add(location);
        OutputFile output = fileIO.newOutputFile(location);
        try {
            if (handle.fileFormat() == FileFormat.ORC) {
                return ORC.writeData(output)
                        .schema(schema)
                        .createWriterFunc(GenericOrcWriter::buildWriter)
                        .withSpec(spec)
                        .withPartition(partition)
                        .set(TableProperties.ORC_COMPRESSION, handle.compressionCodec().equals("uncompressed") ? "none" : handle.compressionCodec())
                        .overwrite()
                        .build();
            }
            return Parquet.writeData(output)
                    .schema(schema)
                    .createWriterFunc(GenericParquetWriter::create)
                    .withSpec(spec)
                    .withPartition(partition)
                    .set(TableProperties.PARQUET_COMPRESSION, handle.compressionCodec())
                    .overwrite()
                    .build();
        }
        catch (IOException | RuntimeException e) {
            throw new TrinoException(LAKE_IO_ERROR, "Cannot create data file %s: %s".formatted(location, describe(e)), e);
        }
    }

    private void closeWriter(OpenFile open)
    {
        DataWriter<Record> closing = open.writer;
        try {
            closing.close();
        }
        catch (IOException | RuntimeException e) {
            throw new TrinoException(LAKE_IO_ERROR, "Cannot write data file %s of %s: %s".formatted(open.location, handle.name(), describe(e)), e);
        }
        DataFile file = closing.toDataFile();
        completedBytes += file.fileSizeInBytes();
        written.add(file);
    }

    private static final class OpenFile
    {
        private final DataWriter<Record> writer;
        private final String location;
        private long rows;

        OpenFile(DataWriter<Record> writer, String location)
        {
            this.writer = requireNonNull(writer, "writer is null");
            this.location = requireNonNull(location, "location is null");
        }
    }
}
