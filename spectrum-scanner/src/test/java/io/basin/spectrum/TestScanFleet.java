package io.basin.spectrum;

import io.trino.parquet.ParquetReaderOptions;
import io.trino.parquet.metadata.BlockMetadata;
import io.trino.parquet.metadata.ParquetMetadata;
import io.trino.parquet.reader.MetadataReader;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.parquet.format.CompressionCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet over Parquet files written by Iceberg with small row groups, zstd-compressed. */
class TestScanFleet
        extends BaseScanFleetTest
{
    @Override
    protected Map<String, String> tableProperties()
    {
        return Map.of(
                TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "65536",
                TableProperties.PARQUET_COMPRESSION, "zstd");
    }

    @Override
    protected DataWriter<Record> newWriter(OutputFile output, Schema schema, Map<String, String> properties)
            throws IOException
    {
        return Parquet.writeData(output)
                .schema(schema)
                .createWriterFunc(GenericParquetWriter::create)
                .withSpec(PartitionSpec.unpartitioned())
                .setAll(properties)
                .overwrite()
                .build();
    }

    @Override
    protected String extension()
    {
        return "parquet";
    }

    @Test
    void testFilesAreZstdCompressed()
            throws IOException
    {
        for (ScanTask task : tasks()) {
            try (InputFileParquetDataSource source = new InputFileParquetDataSource(fileIO.newInputFile(task.path()), task.fileSize(), ParquetReaderOptions.defaultOptions())) {
                ParquetMetadata metadata = MetadataReader.readFooter(source, Optional.empty());
                for (BlockMetadata block : metadata.getBlocks()) {
                    assertThat(block.columns()).allSatisfy(column -> assertThat(column.getCodec().name()).isEqualTo(CompressionCodec.ZSTD.name()));
                }
            }
        }
    }
}
