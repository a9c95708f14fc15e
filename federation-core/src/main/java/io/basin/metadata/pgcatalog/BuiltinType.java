package io.basin.metadata.pgcatalog;

import static java.util.Objects.requireNonNull;

/** A row of {@code pg_type} for one of PostgreSQL's built-in types, with PostgreSQL's oid and attributes. */
public record BuiltinType(
        long oid,
        String name,
        int length,
        boolean byValue,
        char type,
        char category,
        boolean preferred,
        char delimiter,
        long elementOid,
        long arrayOid,
        String input,
        String output,
        String receive,
        String send,
        char alignment,
        char storage,
        long collation)
{
    public BuiltinType
    {
        requireNonNull(name, "name is null");
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
        requireNonNull(receive, "receive is null");
        requireNonNull(send, "send is null");
    }

    /** An array type: its elements' type is {@link #elementOid()}. */
    public boolean isArray()
    {
        return category == 'A';
    }
}
