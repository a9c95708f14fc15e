package io.basin.metadata.pgcatalog;

/**
 * A column's PostgreSQL type as the catalogs show it: the type's oid and the type modifier
 * ({@code atttypmod}: -1 for none, {@code n + 4} for {@code varchar(n)}, {@code ((p << 16) | s) + 4}
 * for {@code numeric(p, s)}).
 */
public record TypeReference(long oid, int typmod) {}
