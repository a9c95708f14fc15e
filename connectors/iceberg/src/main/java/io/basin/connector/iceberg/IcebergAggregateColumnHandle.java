package io.basin.connector.iceberg;

import io.basin.spectrum.PartialAggregation;
import io.basin.spectrum.ScanExpression;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The result column of an aggregate pushed into a lake scan ({@code applyAggregation}): what the
 * workers (or the table's metadata) compute, of which column (none for count(*)) or of which
 * arithmetic expression, as which type.
 *
 * @param expression the aggregated expression, whose column channels index {@code expressionColumns}
 * @param expressionColumns the columns the expression reads
 */
public record IcebergAggregateColumnHandle(
        PartialAggregation.Function function,
        Optional<IcebergColumnHandle> argument,
        Optional<ScanExpression> expression,
        List<IcebergColumnHandle> expressionColumns,
        Type type)
        implements ColumnHandle
{
    public IcebergAggregateColumnHandle
    {
        requireNonNull(function, "function is null");
        requireNonNull(argument, "argument is null");
        requireNonNull(expression, "expression is null");
        expressionColumns = List.copyOf(requireNonNull(expressionColumns, "expressionColumns is null"));
        requireNonNull(type, "type is null");
        checkArgument(argument.isEmpty() || expression.isEmpty(), "an aggregate has a column or an expression, not both");
        checkArgument(expression.isPresent() || expressionColumns.isEmpty(), "columns without an expression");
    }

    public IcebergAggregateColumnHandle(PartialAggregation.Function function, Optional<IcebergColumnHandle> argument, Type type)
    {
        this(function, argument, Optional.empty(), List.of(), type);
    }

    String describe()
    {
        String name = function.name().toLowerCase(java.util.Locale.ROOT).replace("count_all", "count(*)");
        if (expression.isPresent()) {
            return name + "(" + expression.get().describe(expressionColumns.stream().map(IcebergColumnHandle::name).toList()) + ")";
        }
        return name + argument.map(column -> "(" + column.name() + ")").orElse("");
    }
}
