package io.basin.catalog;

import io.basin.catalog.external.ExternalSchemaCatalog;
import io.basin.catalog.store.CatalogMigration;
import io.basin.catalog.store.ObjectIdSequence;
import io.basin.catalog.user.UserCatalog;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The history of the catalog database's schema, oldest first. Append a migration for every change
 * (issue by issue: external schema bindings, local table metadata, statistics, grants); never edit
 * one that has been released, since existing catalogs have applied it already.
 */
final class SystemCatalogSchema
{
    /** A random per-catalog key; see {@link SystemCatalog#mockAuthenticationSecret()}. */
    static final String MOCK_AUTHENTICATION_SECRET = "mock_authentication_secret";
    /** A random id of this catalog, to tell catalogs apart in logs and diagnostics. */
    static final String CATALOG_ID = "catalog_id";

    static final List<CatalogMigration> MIGRATIONS = List.of(
            new CatalogMigration(1, "catalog properties, object ids, users", connection -> {
                String[] statements = Stream.of(
                                new String[] {"CREATE TABLE catalog_properties (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"},
                                ObjectIdSequence.createStatements(),
                                UserCatalog.createStatements())
                        .flatMap(Stream::of)
                        .toArray(String[]::new);
                CatalogMigration.ofStatements(1, "", statements).step().run(connection);
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO catalog_properties (name, value) VALUES (?, ?)")) {
                    insert.setString(1, MOCK_AUTHENTICATION_SECRET);
                    insert.setString(2, HexFormat.of().formatHex(secret));
                    insert.executeUpdate();
                    insert.setString(1, CATALOG_ID);
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.executeUpdate();
                }
                return null;
            }),
            CatalogMigration.ofStatements(2, "external schema bindings", ExternalSchemaCatalog.createStatements()));

    private SystemCatalogSchema() {}
}
