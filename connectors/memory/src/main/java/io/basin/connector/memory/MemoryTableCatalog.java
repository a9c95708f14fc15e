package io.basin.connector.memory;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaNotFoundException;
import io.trino.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static io.trino.spi.StandardErrorCode.ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.SCHEMA_ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.SCHEMA_NOT_EMPTY;
import static java.util.Objects.requireNonNull;

/**
 * The schemas and table definitions of a memory catalog (not the data, which lives in
 * {@link MemoryDataStore} under the table's id). Thread-safe: every method is atomic.
 */
final class MemoryTableCatalog
{
    static final String DEFAULT_SCHEMA = "public";

    private final AtomicLong nextTableId = new AtomicLong();
    private final Set<String> schemas = new TreeSet<>(Set.of(DEFAULT_SCHEMA));
    private final Map<SchemaTableName, MemoryTableDefinition> tablesByName = new HashMap<>();
    private final Map<Long, MemoryTableDefinition> tablesById = new HashMap<>();

    /** A fresh table id; ids are never reused. */
    long allocateTableId()
    {
        return nextTableId.incrementAndGet();
    }

    synchronized List<String> schemaNames()
    {
        return List.copyOf(schemas);
    }

    synchronized boolean schemaExists(String schema)
    {
        return schemas.contains(schema);
    }

    synchronized void createSchema(String schema)
    {
        requireNonNull(schema, "schema is null");
        if (!schemas.add(schema)) {
            throw new TrinoException(SCHEMA_ALREADY_EXISTS, "Schema '%s' already exists".formatted(schema));
        }
    }

    /** Drops a schema; with {@code cascade} its tables too, whose ids are returned so their data can go. */
    synchronized List<Long> dropSchema(String schema, boolean cascade)
    {
        checkSchemaExists(schema);
        List<MemoryTableDefinition> tables = tablesIn(schema);
        if (!tables.isEmpty() && !cascade) {
            throw new TrinoException(SCHEMA_NOT_EMPTY, "Cannot drop schema '%s': it contains %s tables".formatted(schema, tables.size()));
        }
        List<Long> dropped = new ArrayList<>();
        for (MemoryTableDefinition table : tables) {
            remove(table);
            dropped.add(table.id());
        }
        schemas.remove(schema);
        return dropped;
    }

    synchronized void renameSchema(String source, String target)
    {
        checkSchemaExists(source);
        if (schemas.contains(target)) {
            throw new TrinoException(SCHEMA_ALREADY_EXISTS, "Schema '%s' already exists".formatted(target));
        }
        for (MemoryTableDefinition table : tablesIn(source)) {
            remove(table);
            add(table.withName(new SchemaTableName(target, table.name().getTableName())));
        }
        schemas.remove(source);
        schemas.add(target);
    }

    synchronized Optional<MemoryTableDefinition> table(SchemaTableName name)
    {
        return Optional.ofNullable(tablesByName.get(name));
    }

    synchronized Optional<MemoryTableDefinition> table(long tableId)
    {
        return Optional.ofNullable(tablesById.get(tableId));
    }

    /** Tables of one schema, or of all schemas; sorted by name. */
    synchronized List<MemoryTableDefinition> tables(Optional<String> schema)
    {
        return tablesByName.values().stream()
                .filter(table -> schema.isEmpty() || table.name().getSchemaName().equals(schema.get()))
                .sorted((left, right) -> left.name().toString().compareTo(right.name().toString()))
                .toList();
    }

    /**
     * Publishes a new table. With {@code replace}, an existing table of the same name is removed
     * and returned so that its data can be dropped.
     */
    synchronized Optional<MemoryTableDefinition> publish(MemoryTableDefinition table, boolean replace)
    {
        checkSchemaExists(table.name().getSchemaName());
        MemoryTableDefinition existing = tablesByName.get(table.name());
        if (existing != null) {
            if (!replace) {
                throw alreadyExists(table.name());
            }
            remove(existing);
        }
        add(table);
        return Optional.ofNullable(existing);
    }

    synchronized Optional<MemoryTableDefinition> drop(long tableId)
    {
        MemoryTableDefinition table = tablesById.get(tableId);
        if (table != null) {
            remove(table);
        }
        return Optional.ofNullable(table);
    }

    synchronized void rename(long tableId, SchemaTableName newName)
    {
        MemoryTableDefinition table = tablesById.get(tableId);
        if (table == null) {
            throw MemoryMetadata.tableDropped(tableId);
        }
        checkSchemaExists(newName.getSchemaName());
        if (tablesByName.containsKey(newName)) {
            throw alreadyExists(newName);
        }
        remove(table);
        add(table.withName(newName));
    }

    synchronized void checkSchemaExists(String schema)
    {
        if (!schemas.contains(schema)) {
            throw new SchemaNotFoundException(schema);
        }
    }

    static TrinoException alreadyExists(SchemaTableName name)
    {
        return new TrinoException(ALREADY_EXISTS, "Table '%s' already exists".formatted(name));
    }

    private List<MemoryTableDefinition> tablesIn(String schema)
    {
        return tablesByName.values().stream()
                .filter(table -> table.name().getSchemaName().equals(schema))
                .toList();
    }

    private void add(MemoryTableDefinition table)
    {
        tablesByName.put(table.name(), table);
        tablesById.put(table.id(), table);
    }

    private void remove(MemoryTableDefinition table)
    {
        tablesByName.remove(table.name());
        tablesById.remove(table.id());
    }
}
