/**
 * PostgreSQL's system catalogs over Basin's metadata, so that psql's meta-commands, JDBC's
 * {@code DatabaseMetaData} and tools such as DBeaver work against Basin.
 *
 * <h2>What is there</h2>
 * {@code pg_catalog} and {@code information_schema} of PostgreSQL 15, with its columns
 * ({@link io.basin.metadata.pgcatalog.CatalogTableDefinitions}, from {@code catalog-tables.txt}).
 * Their rows are computed for each statement from live connector metadata
 * ({@link io.basin.metadata.pgcatalog.PgCatalogSnapshot}, {@link io.basin.metadata.pgcatalog.CatalogRows}),
 * lazily: a statement that reads {@code pg_namespace} lists schemas only. Tables of things Basin
 * does not have (indexes, constraints, triggers, policies, inheritance, ...) exist with no rows.
 *
 * <h2>Names</h2>
 * The session's database (the local catalog, {@code dev}) is the current database; its schemas
 * appear under their own names. Every other catalog's schemas appear as namespaces named
 * {@code catalog.schema} ({@code tpch.tiny}) — in {@code \dn}, JDBC's {@code getSchemas} and
 * {@code information_schema.schemata} — and a statement can use that name as a schema:
 * {@code SELECT * FROM "tpch.tiny".nation}, or {@code SET search_path = "tpch.tiny"}. Catalogs are
 * also listed as databases in {@code pg_database} ({@code \l}); only the session's database
 * accepts connections there. {@code pg_catalog} is searched first for unqualified names, as in
 * PostgreSQL, unless the search path lists it later.
 *
 * <h2>Object identifiers</h2>
 * {@link io.basin.metadata.pgcatalog.ObjectIds}: PostgreSQL's own oids for its catalog tables,
 * types, {@code pg_catalog} (11) and {@code public} (2200); every other object gets an oid from
 * 16384 on first sight, kept for the engine's lifetime, so a client can look an oid up in one
 * statement and use it in the next. A wire server reports a result column's table with
 * {@link io.basin.metadata.pgcatalog.ObjectIds#tableOid}.
 *
 * <h2>Representation</h2>
 * An {@code oid} is a {@code bigint}; {@code name}, {@code "char"} and {@code regproc} are text
 * (a regproc is the function's name); arrays ({@code aclitem[]}, {@code int2vector}, ...) are
 * NULL. Casts to {@code regclass}, {@code regtype}, {@code regnamespace} look the name up when the
 * statement is planned.
 *
 * <h2>Types</h2>
 * Which PostgreSQL type a column of an engine type shows is
 * {@link io.basin.metadata.pgcatalog.PgTypeMapping#describe}: a temporary mapping until the wire
 * server's type codec ({@code io.basin.pgwire.type.PgTypes}) exists; then {@code describe} should
 * delegate to it, so that the catalogs and the row descriptions agree.
 */
package io.basin.metadata.pgcatalog;
