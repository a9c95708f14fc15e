package io.basin.spectrum;

import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A column a scan returns: the Iceberg field id that finds it in every data file whatever the
 * column is called there now (renames and reordering do not matter), its current name, and the
 * Trino type its values are decoded into.
 */
public record ScanColumn(int fieldId, String name, Type type)
{
    public ScanColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
