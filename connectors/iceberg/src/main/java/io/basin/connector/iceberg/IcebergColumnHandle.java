package io.basin.connector.iceberg;

import io.basin.spectrum.ScanColumn;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** A column of a lake table, identified by its Iceberg field id (stable across renames). */
public record IcebergColumnHandle(int fieldId, String name, Type type, boolean nullable)
        implements ColumnHandle
{
    public IcebergColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    ColumnMetadata toColumnMetadata()
    {
        return ColumnMetadata.builder().setName(name).setType(type).setNullable(nullable).build();
    }

    ScanColumn toScanColumn()
    {
        return new ScanColumn(fieldId, name, type);
    }
}
