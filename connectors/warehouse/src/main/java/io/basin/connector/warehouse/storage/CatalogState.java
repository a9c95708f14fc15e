package io.basin.connector.warehouse.storage;

import io.trino.spi.connector.SchemaTableName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Everything a warehouse catalog holds at one version: its schemas and tables with their row
 * groups. Immutable: a commit produces the next state, and a reader keeps the state it started
 * with (its snapshot) for as long as it runs.
 *
 * @param version the number of commits that produced this state
 * @param nextTableId lower bound for ids of tables created later
 * @param schemas the schema names
 * @param tables the tables by id
 */
public record CatalogState(long version, long nextTableId, SortedSet<String> schemas, Map<Long, TableState> tables)
{
    public static final String DEFAULT_SCHEMA = "public";

    public CatalogState
    {
        schemas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(schemas, "schemas is null")));
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(tables, "tables is null")));
    }

    /** A new data directory's state: schema {@code public}, no tables. */
    public static CatalogState initial()
    {
        return new CatalogState(0, 1, new TreeSet<>(List.of(DEFAULT_SCHEMA)), Map.of());
    }

    public Optional<TableState> table(long id)
    {
        return Optional.ofNullable(tables.get(id));
    }

    public Optional<TableState> table(SchemaTableName name)
    {
        return tables.values().stream()
                .filter(table -> table.definition().name().equals(name))
                .findFirst();
    }

    public List<TableState> tablesIn(Optional<String> schema)
    {
        return tables.values().stream()
                .filter(table -> schema.isEmpty() || table.definition().name().getSchemaName().equals(schema.get()))
                .toList();
    }

    CatalogState withSchemas(SortedSet<String> newSchemas)
    {
        return new CatalogState(version, nextTableId, newSchemas, tables);
    }

    CatalogState withTable(TableState table)
    {
        Map<Long, TableState> newTables = new TreeMap<>(tables);
        newTables.put(table.id(), table);
        return new CatalogState(version, Math.max(nextTableId, table.id() + 1), schemas, newTables);
    }

    CatalogState withoutTable(long id)
    {
        Map<Long, TableState> newTables = new TreeMap<>(tables);
        newTables.remove(id);
        return new CatalogState(version, nextTableId, schemas, newTables);
    }

    CatalogState withVersion(long newVersion)
    {
        return new CatalogState(newVersion, nextTableId, schemas, tables);
    }
}
