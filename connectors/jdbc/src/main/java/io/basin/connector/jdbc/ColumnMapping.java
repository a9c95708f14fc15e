package io.basin.connector.jdbc;

import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * How a remote column is read into Basin.
 *
 * @param type the Basin type
 * @param reader reads a value of the column from a result set
 * @param sameSemantics whether comparing and ordering values remotely gives the same results as
 *        in Basin, so that predicates and sorts on the column may run remotely; false when the
 *        Basin value is a representation (an enum's label, a uuid's text) whose order differs
 */
public record ColumnMapping(Type type, ValueReader reader, boolean sameSemantics)
{
    public ColumnMapping
    {
        requireNonNull(type, "type is null");
        requireNonNull(reader, "reader is null");
    }
}
