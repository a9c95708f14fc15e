package io.basin.testing;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchTable;

import java.util.StringJoiner;

/**
 * The TPC-H tables as Basin's {@code tpch} catalog defines them, for loading the same data into
 * other engines: keys {@code bigint}, other integers {@code integer}, money and quantities
 * {@code decimal(12,2)}, dates {@code date}, text {@code varchar(n)}.
 */
public final class TpchTables
{
    private TpchTables() {}

    /** The schema of a scale factor, as in Basin's {@code tpch} catalog: {@code tiny} for 0.01, else {@code sf} and the number with '_' for '.'. */
    public static String schemaName(double scaleFactor)
    {
        if (scaleFactor == 0.01) {
            return "tiny";
        }
        String number = (scaleFactor == Math.rint(scaleFactor)) ? Long.toString((long) scaleFactor) : Double.toString(scaleFactor);
        return "sf" + number.replace('.', '_');
    }

    /** {@code CREATE TABLE} for one TPC-H table with Basin's column types (standard SQL). */
    public static String createTableSql(TpchTable<?> table)
    {
        StringJoiner columns = new StringJoiner(",\n    ", "CREATE TABLE " + table.getTableName() + " (\n    ", "\n)");
        for (TpchColumn<?> column : table.getColumns()) {
            columns.add(column.getColumnName() + " " + sqlType(column.getType()));
        }
        return columns.toString();
    }

    /** The SQL type Basin's tpch catalog uses for a generator column type. */
    public static String sqlType(TpchColumnType type)
    {
        return switch (type.getBase()) {
            case IDENTIFIER -> "bigint";
            case INTEGER -> "integer";
            case DOUBLE -> "decimal(12,2)";
            case DATE -> "date";
            case VARCHAR -> "varchar(" + type.getPrecision().orElseThrow() + ")";
        };
    }

    /** The exact number of hundredths of a money or quantity value, which the generator produces as a double. */
    public static long cents(double value)
    {
        return Math.round(value * 100);
    }
}
