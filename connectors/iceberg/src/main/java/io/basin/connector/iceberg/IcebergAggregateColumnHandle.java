package io.basin.connector.iceberg;

import io.basin.spectrum.PartialAggregation;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The result column of an aggregate pushed into a lake scan ({@code applyAggregation}): what the
 * workers (or the table's metadata) compute, of which column (none for count(*)), as which type.
 */
public record IcebergAggregateColumnHandle(PartialAggregation.Function function, Optional<IcebergColumnHandle> argument, Type type)
        implements ColumnHandle
{
    public IcebergAggregateColumnHandle
    {
        requireNonNull(function, "function is null");
        requireNonNull(argument, "argument is null");
        requireNonNull(type, "type is null");
    }

    String describe()
    {
        return function.name().toLowerCase(java.util.Locale.ROOT).replace("count_all", "count(*)") + argument.map(column -> "(" + column.name() + ")").orElse("");
    }
}
