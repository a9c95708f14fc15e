package io.basin.connector.postgresql;

import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * How a PostgreSQL column is read into Basin.
 *
 * @param type the Basin type
 * @param reader reads a value of the column from a result set
 * @param sameSemantics whether comparing and ordering values in PostgreSQL gives the same results
 *        as in Basin, so that predicates and sorts on the column may run remotely; false when the
 *        Basin value is a representation (an enum's label, a uuid's text) whose order differs
 */
record ColumnMapping(Type type, ValueReader reader, boolean sameSemantics)
{
    ColumnMapping
    {
        requireNonNull(type, "type is null");
        requireNonNull(reader, "reader is null");
    }
}
