package io.basin.catalog.external;

import io.basin.catalog.CatalogException;
import io.basin.catalog.store.CatalogStore;
import io.basin.catalog.store.ObjectIdSequence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.catalog.CatalogErrorCode.DUPLICATE_OBJECT;
import static io.basin.catalog.CatalogErrorCode.INVALID_NAME;
import static io.basin.catalog.CatalogErrorCode.UNDEFINED_OBJECT;
import static java.util.Objects.requireNonNull;

/**
 * The external schemas of the local database: create, drop, find, list. Each call is one
 * transaction. Names are exact (the SQL layer folds unquoted names). Whether a name collides with
 * a local schema is for the caller to check, which knows the local schemas.
 */
public final class ExternalSchemaCatalog
{
    private final CatalogStore store;

    public ExternalSchemaCatalog(CatalogStore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    /** The statements of the migration that creates the external schema tables. */
    public static String[] createStatements()
    {
        return new String[] {
                """
                CREATE TABLE external_schemas (
                    schema_id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    connector TEXT NOT NULL,
                    remote_schema TEXT NOT NULL,
                    created_at TEXT NOT NULL
                ) STRICT""",
                """
                CREATE TABLE external_schema_properties (
                    schema_id INTEGER NOT NULL REFERENCES external_schemas (schema_id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (schema_id, name)
                ) STRICT""",
        };
    }

    /**
     * Records an external schema.
     *
     * @throws CatalogException {@code DUPLICATE_OBJECT} when an external schema of that name exists
     */
    public ExternalSchema create(String name, String connectorName, String remoteSchema, Map<String, String> properties)
    {
        requireNonNull(name, "name is null");
        requireNonNull(connectorName, "connectorName is null");
        requireNonNull(remoteSchema, "remoteSchema is null");
        Map<String, String> copy = Map.copyOf(requireNonNull(properties, "properties is null"));
        if (name.isEmpty()) {
            throw new CatalogException(INVALID_NAME, "zero-length delimited identifier");
        }
        return store.write("create external schema", connection -> {
            if (find(connection, name).isPresent()) {
                throw new CatalogException(DUPLICATE_OBJECT, "schema \"%s\" already exists".formatted(name));
            }
            long id = ObjectIdSequence.next(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO external_schemas (schema_id, name, connector, remote_schema, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, name);
                insert.setString(3, connectorName);
                insert.setString(4, remoteSchema);
                insert.setString(5, Instant.now().toString());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO external_schema_properties (schema_id, name, value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> property : copy.entrySet()) {
                    insert.setLong(1, id);
                    insert.setString(2, property.getKey());
                    insert.setString(3, property.getValue());
                    insert.executeUpdate();
                }
            }
            return new ExternalSchema(id, name, connectorName, remoteSchema, copy);
        });
    }

    /**
     * Removes an external schema; the source is not touched.
     *
     * @throws CatalogException {@code UNDEFINED_OBJECT} when there is none of that name
     */
    public ExternalSchema drop(String name)
    {
        requireNonNull(name, "name is null");
        return store.write("drop external schema", connection -> {
            ExternalSchema schema = find(connection, name)
                    .orElseThrow(() -> new CatalogException(UNDEFINED_OBJECT, "schema \"%s\" does not exist".formatted(name)));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM external_schema_properties WHERE schema_id = ?")) {
                delete.setLong(1, schema.id());
                delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM external_schemas WHERE schema_id = ?")) {
                delete.setLong(1, schema.id());
                delete.executeUpdate();
            }
            return schema;
        });
    }

    public Optional<ExternalSchema> find(String name)
    {
        requireNonNull(name, "name is null");
        return store.read("find external schema", connection -> find(connection, name));
    }

    /** All external schemas, by name. */
    public List<ExternalSchema> list()
    {
        return store.read("list external schemas", connection -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT name FROM external_schemas ORDER BY name");
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            List<ExternalSchema> schemas = new ArrayList<>();
            for (String name : names) {
                find(connection, name).ifPresent(schemas::add);
            }
            return List.copyOf(schemas);
        });
    }

    private static Optional<ExternalSchema> find(Connection connection, String name)
            throws SQLException
    {
        long id;
        String connector;
        String remoteSchema;
        try (PreparedStatement select = connection.prepareStatement("SELECT schema_id, connector, remote_schema FROM external_schemas WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                id = result.getLong(1);
                connector = result.getString(2);
                remoteSchema = result.getString(3);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name, value FROM external_schema_properties WHERE schema_id = ? ORDER BY name")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    properties.put(result.getString(1), result.getString(2));
                }
            }
        }
        return Optional.of(new ExternalSchema(id, name, connector, remoteSchema, properties));
    }
}
