package io.basin.metadata.pgcatalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The object identifiers ({@code oid}s) the {@code pg_catalog} tables show for Basin's schemas,
 * tables and databases. Clients read an oid in one query and use it in the next (psql's
 * {@code \d t} looks the table's oid up, then its columns by that oid), so an object keeps its oid
 * for the engine's lifetime. Identifiers start at 16384, PostgreSQL's first oid for user objects;
 * PostgreSQL's own fixed oids (the {@code pg_catalog} tables, types) are below.
 *
 * <p>Thread-safe; one instance per engine.
 */
public final class ObjectIds
{
    /** PostgreSQL's first oid for objects that are not built in. */
    public static final long FIRST_USER_OID = 16384;

    private final Map<Key, Long> oids = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(FIRST_USER_OID);

    /** The kinds of objects that get identifiers. */
    public enum Kind
    {
        DATABASE, NAMESPACE, RELATION, ROLE
    }

    private record Key(Kind kind, List<String> path)
    {
        Key
        {
            requireNonNull(kind, "kind is null");
            path = List.copyOf(path);
        }
    }

    /** The oid of an object, assigned on first use. */
    public long oid(Kind kind, String... path)
    {
        return oids.computeIfAbsent(new Key(kind, List.of(path)), _ -> next.getAndIncrement());
    }

    /** The oid of a connector table, as a wire server reports it in a row description. */
    public long tableOid(String catalog, String schema, String table)
    {
        return oid(Kind.RELATION, catalog, schema, table);
    }
}
