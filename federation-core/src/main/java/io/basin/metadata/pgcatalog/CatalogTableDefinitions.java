package io.basin.metadata.pgcatalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The tables of {@code pg_catalog} and {@code information_schema}, read from
 * {@code catalog-tables.txt} (one line per table, with PostgreSQL 15's columns).
 */
public final class CatalogTableDefinitions
{
    public static final String PG_CATALOG = "pg_catalog";
    public static final String INFORMATION_SCHEMA = "information_schema";

    private static final Map<String, Map<String, CatalogTableDefinition>> TABLES = load();

    private CatalogTableDefinitions() {}

    public static boolean isCatalogSchema(String schema)
    {
        return TABLES.containsKey(schema);
    }

    public static Optional<CatalogTableDefinition> table(String schema, String name)
    {
        return Optional.ofNullable(TABLES.getOrDefault(schema, Map.of()).get(name));
    }

    public static List<CatalogTableDefinition> tables(String schema)
    {
        return List.copyOf(TABLES.getOrDefault(schema, Map.of()).values());
    }

    public static List<CatalogTableDefinition> all()
    {
        List<CatalogTableDefinition> all = new ArrayList<>();
        TABLES.values().forEach(tables -> all.addAll(tables.values()));
        return all;
    }

    private static Map<String, Map<String, CatalogTableDefinition>> load()
    {
        Map<String, Map<String, CatalogTableDefinition>> tables = new LinkedHashMap<>();
        tables.put(PG_CATALOG, new LinkedHashMap<>());
        tables.put(INFORMATION_SCHEMA, new LinkedHashMap<>());
        try (InputStream input = CatalogTableDefinitions.class.getResourceAsStream("catalog-tables.txt")) {
            if (input == null) {
                throw new IllegalStateException("catalog-tables.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                CatalogTableDefinition definition = parse(line);
                tables.get(definition.schema()).put(definition.name(), definition);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    // schema.name fixed-oid relkind: column type, column type, ...
    private static CatalogTableDefinition parse(String line)
    {
        int colon = line.indexOf(": ");
        String[] head = line.substring(0, colon).split(" ");
        String[] qualified = head[0].split("\\.");
        long oid = Long.parseLong(head[1]);
        List<CatalogColumn> columns = new ArrayList<>();
        for (String column : line.substring(colon + 2).split(", ")) {
            String[] parts = column.trim().split(" ");
            columns.add(new CatalogColumn(parts[0], PgColumnType.fromSpec(parts[1])));
        }
        return new CatalogTableDefinition(qualified[0], qualified[1], oid == 0 ? OptionalLong.empty() : OptionalLong.of(oid), head[2].charAt(0), columns);
    }
}
