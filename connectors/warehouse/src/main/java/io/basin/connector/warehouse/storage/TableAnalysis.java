package io.basin.connector.warehouse.storage;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@code ANALYZE} found in a table's live rows at one data version: the row count and, per
 * column, the null count and the least and greatest value (in the stored representation of zone
 * maps). The distinct-value estimates live in the table's sketches, which ANALYZE recomputes.
 *
 * @param dataVersion the table's data version the statistics describe; once the rows change they
 *         are stale and the table's statistics fall back to what zone maps and sketches tell
 * @param rowCount live rows
 * @param columns per column that existed at the time (by column id)
 */
public record TableAnalysis(long dataVersion, long rowCount, List<Column> columns)
{
    /**
     * @param columnId the column's id
     * @param nullCount live rows whose value is NULL
     * @param min the least non-null value; empty when all are NULL or the range is unknown (NaN, long strings)
     * @param max the greatest non-null value
     */
    public record Column(int columnId, long nullCount, Optional<Object> min, Optional<Object> max)
    {
        public Column
        {
            requireNonNull(min, "min is null");
            requireNonNull(max, "max is null");
            if (min.isPresent() != max.isPresent()) {
                throw new IllegalArgumentException("min and max must both be present or both absent");
            }
        }
    }

    public TableAnalysis
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public Optional<Column> column(int columnId)
    {
        return columns.stream().filter(column -> column.columnId() == columnId).findFirst();
    }
}
