package io.basin.metadata.pgcatalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A row of {@code pg_proc} for a function Basin implements, with PostgreSQL's oid and signature,
 * and the texts {@code pg_get_function_result} and {@code pg_get_function_arguments} give for it.
 */
public record BuiltinFunction(
        long oid,
        String name,
        char kind,
        long resultType,
        List<Long> argumentTypes,
        long variadicType,
        String resultText,
        String argumentsText)
{
    public BuiltinFunction
    {
        requireNonNull(name, "name is null");
        argumentTypes = List.copyOf(argumentTypes);
        requireNonNull(resultText, "resultText is null");
        requireNonNull(argumentsText, "argumentsText is null");
    }
}
