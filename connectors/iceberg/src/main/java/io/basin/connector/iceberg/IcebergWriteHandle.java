package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.SchemaTableName;
import org.apache.iceberg.FileFormat;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A write in progress: {@code CREATE TABLE AS} (with the id of the table-creating Iceberg
 * transaction the metadata holds until it finishes) or {@code INSERT}.
 *
 * @param schemaJson the table's Iceberg schema (SchemaParser JSON), with its field ids
 * @param specJson the table's partition spec (PartitionSpecParser JSON)
 * @param dataLocation where the data files go
 */
public record IcebergWriteHandle(
        SchemaTableName name,
        Optional<String> createTransactionId,
        String schemaJson,
        String specJson,
        List<IcebergColumnHandle> columns,
        String dataLocation,
        FileFormat fileFormat,
        String compressionCodec)
        implements ConnectorOutputTableHandle, ConnectorInsertTableHandle
{
    public IcebergWriteHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(createTransactionId, "createTransactionId is null");
        requireNonNull(schemaJson, "schemaJson is null");
        requireNonNull(specJson, "specJson is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(dataLocation, "dataLocation is null");
        requireNonNull(fileFormat, "fileFormat is null");
        requireNonNull(compressionCodec, "compressionCodec is null");
    }
}
