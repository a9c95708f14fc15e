package io.basin.embedded;

import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The materialized result of one statement. Row values are plain Java objects: Boolean, Short,
 * Integer, Long, Float, Double, BigDecimal (decimal), String (varchar/char), LocalDate,
 * LocalDateTime (timestamp), java.time.Duration / java.time.Period (intervals), byte[] (varbinary);
 * null for SQL NULL. For statements without rows, {@code updateCount} is set (rows written, or -1).
 */
public record QueryResult(List<Column> columns, List<List<Object>> rows, long updateCount)
{
    public record Column(String name, Type type)
    {
        public Column
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    public QueryResult
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        // rows may contain nulls, so List.copyOf cannot be used
        List<List<Object>> copy = new ArrayList<>(requireNonNull(rows, "rows is null").size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static QueryResult updateCount(long count)
    {
        return new QueryResult(List.of(), List.of(), count);
    }

    public Object onlyValue()
    {
        if (rows.size() != 1 || columns.size() != 1) {
            throw new IllegalStateException("Expected one row with one column, got " + rows.size() + " rows and " + columns.size() + " columns");
        }
        return rows.getFirst().getFirst();
    }
}
