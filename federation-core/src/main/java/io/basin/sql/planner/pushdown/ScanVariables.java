package io.basin.sql.planner.pushdown;

import io.basin.metadata.TableColumn;
import io.basin.plan.expr.InputReference;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.expression.Variable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A scan's columns as the SPI variables of what is offered to its connector (filter and aggregate
 * expressions, aggregate arguments), each recorded in the assignments that go with them.
 */
final class ScanVariables
{
    private final List<TableColumn> columns;
    private final Map<String, ColumnHandle> assignments = new LinkedHashMap<>();

    /** @param columns the scan's columns, which input references index */
    ScanVariables(List<TableColumn> columns)
    {
        this.columns = requireNonNull(columns, "columns is null");
    }

    Variable of(InputReference input)
    {
        return of(columns.get(input.field()));
    }

    Variable of(TableColumn column)
    {
        assignments.put(column.name(), column.handle());
        return new Variable(column.name(), column.type());
    }

    /** The columns of the variables made so far, by name. */
    Map<String, ColumnHandle> assignments()
    {
        return Collections.unmodifiableMap(assignments);
    }
}
