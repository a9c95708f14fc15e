package io.basin.engine;

import io.basin.catalog.CatalogException;
import io.basin.catalog.SystemCatalog;
import io.basin.catalog.external.ExternalSchema;
import io.basin.connector.CatalogHandle;
import io.basin.connector.ExternalSchemas;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.error.CatalogErrors;
import io.basin.sql.parser.Statement;
import io.trino.spi.TrinoException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs {@code CREATE EXTERNAL SCHEMA} and {@code DROP SCHEMA} of an external schema: turns
 * Redshift's clauses into a generic binding (connector name, connector properties, remote schema),
 * checks that the connector accepts it, records it in the system catalog and makes the schema
 * visible. Only superusers may. The source is never modified. Thread-safe.
 */
public final class ExternalSchemaStatementExecutor
{
    /** The PostgreSQL and MySQL connectors' catalog properties, by the clause that sets them. */
    private static final Map<String, String> CONNECTION_PROPERTIES = Map.of(
            "URI", "connection-host",
            "PORT", "connection-port",
            "DATABASE", "connection-database",
            "USER", "connection-user",
            "PASSWORD", "connection-password",
            "PASSWORD_ENV", "connection-password-env",
            "PASSWORD_FILE", "connection-password-file",
            "SSLMODE", "ssl-mode",
            "SSLROOTCERT", "ssl-root-cert",
            "READ_PARALLELISM", "read-parallelism");

    /** The Iceberg connector's catalog properties, by the {@code FROM DATA CATALOG} clause that sets them. */
    private static final Map<String, String> DATA_CATALOG_PROPERTIES = Map.ofEntries(
            Map.entry("TYPE", "iceberg.catalog.type"),
            Map.entry("URI", "iceberg.catalog.uri"),
            Map.entry("WAREHOUSE", "iceberg.warehouse"),
            Map.entry("CATALOG_NAME", "iceberg.catalog.name"),
            Map.entry("USER", "iceberg.catalog.property.jdbc.user"),
            Map.entry("PASSWORD", "iceberg.catalog.property.jdbc.password"),
            Map.entry("FILE_FORMAT", "iceberg.file-format"),
            Map.entry("S3_ENDPOINT", "s3.endpoint"),
            Map.entry("S3_REGION", "s3.region"),
            Map.entry("S3_PATH_STYLE_ACCESS", "s3.path-style-access"),
            Map.entry("S3_ACCESS_KEY", "s3.access-key"),
            Map.entry("S3_SECRET_KEY", "s3.secret-key"));

    private final Supplier<SystemCatalog> catalog;
    private final ExternalSchemas schemas;

    public ExternalSchemaStatementExecutor(Supplier<SystemCatalog> catalog, ExternalSchemas schemas)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
    }

    /** Creates the external schema; the caller has checked that no schema of that name exists. */
    public void create(Statement.CreateExternalSchema create, String currentUser)
    {
        requireNonNull(create, "create is null");
        SystemCatalog systemCatalog = catalog.get();
        try {
            requireSuperuser(systemCatalog, currentUser, "create external schema");
            ExternalSchema requested = binding(create);
            CatalogHandle connector;
            try {
                connector = schemas.open(requested);
            }
            catch (TrinoException e) {
                // the connector rejected the clauses; its messages never show a secret
                throw new BasinException(BasinErrorCode.INVALID_PARAMETER_VALUE, "Cannot create external schema \"%s\": %s".formatted(create.name(), e.getMessage()), e);
            }
            ExternalSchema recorded;
            try {
                recorded = systemCatalog.externalSchemas().create(requested.name(), requested.connectorName(), requested.remoteSchema(), requested.properties());
            }
            catch (RuntimeException e) {
                try {
                    schemas.discard(connector);
                }
                catch (RuntimeException shutdownFailure) {
                    e.addSuppressed(shutdownFailure);
                }
                throw e;
            }
            schemas.add(recorded, connector);
        }
        catch (CatalogException e) {
            throw CatalogErrors.toBasinException(e);
        }
    }

    /** Drops external schema {@code name}: its binding, not anything in the source. */
    public void drop(String name, String currentUser)
    {
        if (schemas.isBuiltIn(name)) {
            // as PostgreSQL refuses to drop pg_catalog
            throw new BasinException(BasinErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema %s because it is required by the database system".formatted(name));
        }
        SystemCatalog systemCatalog = catalog.get();
        try {
            requireSuperuser(systemCatalog, currentUser, "drop external schema");
            systemCatalog.externalSchemas().drop(name);
        }
        catch (CatalogException e) {
            throw CatalogErrors.toBasinException(e);
        }
        schemas.remove(name);
    }

    private static ExternalSchema binding(Statement.CreateExternalSchema create)
    {
        Map<String, String> options = create.options();
        return switch (create.source()) {
            case "postgres" -> {
                Map<String, String> properties = new HashMap<>();
                options.forEach((clause, value) -> {
                    if (!clause.equals("SCHEMA")) {
                        properties.put(requireNonNull(CONNECTION_PROPERTIES.get(clause), () -> "no property for " + clause), value);
                    }
                });
                yield new ExternalSchema(0, create.name(), "postgresql", options.getOrDefault("SCHEMA", "public"), properties);
            }
            case "mysql" -> {
                // a MySQL database is what other systems call a schema
                if (options.containsKey("SCHEMA")) {
                    throw new BasinException(BasinErrorCode.SYNTAX_ERROR, "CREATE EXTERNAL SCHEMA ... FROM MYSQL takes DATABASE, not SCHEMA");
                }
                Map<String, String> properties = new HashMap<>();
                options.forEach((clause, value) -> properties.put(requireNonNull(CONNECTION_PROPERTIES.get(clause), () -> "no property for " + clause), value));
                properties.remove("connection-database");
                yield new ExternalSchema(0, create.name(), "mysql", options.get("DATABASE"), properties);
            }
            case "data_catalog" -> {
                // an Iceberg catalog's namespace, read (and written) by the built-in iceberg connector
                Map<String, String> properties = new HashMap<>();
                options.forEach((clause, value) -> {
                    if (!clause.equals("DATABASE")) {
                        properties.put(requireNonNull(DATA_CATALOG_PROPERTIES.get(clause), () -> "no property for " + clause), value);
                    }
                });
                yield new ExternalSchema(0, create.name(), "iceberg", options.get("DATABASE"), properties);
            }
            default -> throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "CREATE EXTERNAL SCHEMA ... FROM " + create.source() + " is not supported");
        };
    }

    private static void requireSuperuser(SystemCatalog catalog, String currentUser, String action)
    {
        boolean superuser = catalog.users().find(currentUser).map(user -> user.attributes().superuser()).orElse(false);
        if (!superuser) {
            throw new BasinException(BasinErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to %s: only superusers may".formatted(action));
        }
    }
}
