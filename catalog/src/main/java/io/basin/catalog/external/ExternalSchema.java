package io.basin.catalog.external;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A schema of the local database bound to a source: {@code CREATE EXTERNAL SCHEMA name FROM ...}.
 * The binding is generic: the connector that reads the source, the connector's properties, and
 * the source's own name for the schema (a PostgreSQL schema, a MySQL database, an Iceberg
 * namespace).
 *
 * <p>Properties may hold credentials; {@link #toString()} shows only the property names.
 *
 * @param id the binding's object id in the catalog
 * @param name the schema's name in the local database
 * @param connectorName the connector factory that reads the source ({@code postgresql}, ...)
 * @param remoteSchema the source's name of the schema the local schema shows
 * @param properties the connector's catalog properties
 */
public record ExternalSchema(long id, String name, String connectorName, String remoteSchema, Map<String, String> properties)
{
    public ExternalSchema
    {
        requireNonNull(name, "name is null");
        requireNonNull(connectorName, "connectorName is null");
        requireNonNull(remoteSchema, "remoteSchema is null");
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }

    /** Whether a property's value must never be shown: passwords, secrets, keys, tokens. */
    public static boolean isSecret(String propertyName)
    {
        String lower = propertyName.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("credential") || lower.contains("token") || lower.contains("key");
    }

    /** The properties with every secret value replaced by {@code ***}. */
    public Map<String, String> redactedProperties()
    {
        Map<String, String> redacted = new TreeMap<>();
        properties.forEach((key, value) -> redacted.put(key, isSecret(key) ? "***" : value));
        return redacted;
    }

    @Override
    public String toString()
    {
        return "ExternalSchema[id=%s, name=%s, connector=%s, remoteSchema=%s, properties=%s]".formatted(id, name, connectorName, remoteSchema, redactedProperties());
    }
}
