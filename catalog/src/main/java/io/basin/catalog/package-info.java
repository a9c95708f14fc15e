/**
 * Basin's system catalog ({@link io.basin.catalog.SystemCatalog}), persisted in SQLite in the
 * data directory.
 * <ul>
 * <li>{@code store}: the database itself, {@link io.basin.catalog.store.CatalogStore}: WAL
 * journal, busy timeout, ordered migrations recorded in {@code catalog_schema_version},
 * read and write transactions, and one object id counter for everything the catalog holds.</li>
 * <li>{@code user}: users (PostgreSQL's roles) and their attributes.</li>
 * <li>{@code password}: SCRAM-SHA-256 verifiers and md5 hashes in PostgreSQL's stored forms, and
 * SASLprep.</li>
 * </ul>
 * Errors are {@link io.basin.catalog.CatalogException}s with a {@link io.basin.catalog.CatalogErrorCode}
 * that names a PostgreSQL SQLSTATE. This module may not depend on federation-core, so it cannot
 * raise federation-core's {@code BasinException}; federation-core turns these into
 * {@code BasinException}s with the same SQLSTATE in one place ({@code io.basin.error.CatalogErrors}).
 * No message, {@code toString} or log line of this module contains a password or verifier.
 * <p>
 * Adding to the catalog (external schema bindings, table metadata, statistics, grants): append a
 * migration to {@code SystemCatalogSchema}, draw ids from {@code ObjectIdSequence}, and put the
 * table's reads and writes in a class of its own next to {@code UserCatalog}, running each
 * operation as one {@code CatalogStore} transaction.
 */
package io.basin.catalog;
