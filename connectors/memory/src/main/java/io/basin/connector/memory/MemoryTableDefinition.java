package io.basin.connector.memory;

import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * The schema of a memory table. Immutable; a rename produces a new definition with the same id.
 *
 * @param id the table's id, unique for the life of the catalog
 * @param name the table's current name
 * @param columns the columns in table order; column {@code i} has ordinal {@code i}
 * @param comment the table comment
 */
public record MemoryTableDefinition(long id, SchemaTableName name, List<MemoryColumnHandle> columns, Optional<String> comment)
{
    public MemoryTableDefinition
    {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(comment, "comment is null");
        Set<String> names = new HashSet<>();
        for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
            MemoryColumnHandle column = columns.get(ordinal);
            if (column.ordinal() != ordinal) {
                throw new IllegalArgumentException("Column %s has ordinal %s at position %s".formatted(column.name(), column.ordinal(), ordinal));
            }
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column name: " + column.name());
            }
        }
    }

    /** The definition of a new table from the metadata a {@code CREATE TABLE} supplies; hidden columns are not stored. */
    static MemoryTableDefinition fromMetadata(long id, ConnectorTableMetadata metadata)
    {
        List<ColumnMetadata> visible = metadata.getColumns().stream()
                .filter(column -> !column.isHidden())
                .toList();
        List<MemoryColumnHandle> columns = IntStream.range(0, visible.size())
                .mapToObj(ordinal -> MemoryColumnHandle.fromMetadata(visible.get(ordinal), ordinal))
                .toList();
        return new MemoryTableDefinition(id, metadata.getTable(), columns, metadata.getComment());
    }

    MemoryTableDefinition withName(SchemaTableName newName)
    {
        return new MemoryTableDefinition(id, newName, columns, comment);
    }

    ConnectorTableMetadata toTableMetadata()
    {
        return new ConnectorTableMetadata(
                name,
                columns.stream().map(MemoryColumnHandle::toColumnMetadata).toList(),
                Map.of(),
                comment);
    }
}
