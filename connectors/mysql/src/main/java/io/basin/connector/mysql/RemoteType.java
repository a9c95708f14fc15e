package io.basin.connector.mysql;

import io.basin.connector.jdbc.JdbcRemoteType;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A column's type as MySQL describes it in {@code information_schema.COLUMNS}.
 *
 * @param dataType {@code DATA_TYPE}, lower case: {@code int}, {@code decimal}, {@code varchar}, ...
 * @param columnType {@code COLUMN_TYPE}, the full declaration: {@code int(10) unsigned},
 *        {@code enum('a','b')}; shown in messages
 * @param precision {@code NUMERIC_PRECISION}, or for bit the number of bits; -1 when none
 * @param scale {@code NUMERIC_SCALE}; -1 when none
 * @param length {@code CHARACTER_MAXIMUM_LENGTH} in characters (bytes for binary types); -1 when none
 */
public record RemoteType(String dataType, String columnType, int precision, int scale, long length)
        implements JdbcRemoteType
{
    public RemoteType
    {
        requireNonNull(dataType, "dataType is null");
        requireNonNull(columnType, "columnType is null");
        dataType = dataType.toLowerCase(Locale.ROOT);
    }

    /** The full declaration, as MySQL prints it. */
    @Override
    public String displayName()
    {
        return columnType;
    }

    public boolean unsigned()
    {
        return columnType.toLowerCase(Locale.ROOT).contains("unsigned");
    }
}
