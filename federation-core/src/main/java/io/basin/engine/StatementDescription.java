package io.basin.engine;

import io.basin.embedded.QueryResult;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;

/**
 * A statement described before it runs: its result columns (empty when it returns no rows) and
 * the types its parameter markers take from their context, in order of appearance.
 */
public record StatementDescription(List<QueryResult.Column> columns, List<Optional<Type>> parameterTypes)
{
    public StatementDescription
    {
        columns = List.copyOf(columns);
        parameterTypes = List.copyOf(parameterTypes);
    }
}
