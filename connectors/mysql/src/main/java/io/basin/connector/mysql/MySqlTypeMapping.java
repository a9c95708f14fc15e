package io.basin.connector.mysql;

import io.basin.connector.jdbc.ColumnMapping;
import io.basin.connector.jdbc.JdbcRemoteType;
import io.basin.connector.jdbc.JdbcTypeMapping;
import io.basin.connector.jdbc.ValueReaders;
import io.trino.spi.TrinoException;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.VarcharType;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_UNREPRESENTABLE_VALUE;
import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_UNSUPPORTED_TYPE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * Maps MySQL and MariaDB column types to Basin types, and reads their values exactly.
 *
 * <table>
 * <tr><th>MySQL</th><th>Basin</th></tr>
 * <tr><td>tinyint, smallint, mediumint, int, bigint</td><td>tinyint, smallint, integer, integer, bigint</td></tr>
 * <tr><td>... UNSIGNED</td><td>the next wider type: smallint, integer, integer, bigint, decimal(20, 0)</td></tr>
 * <tr><td>decimal(p, s), p &le; 38</td><td>decimal(p, s)</td></tr>
 * <tr><td>float, double</td><td>real, double</td></tr>
 * <tr><td>char(n), varchar(n), tinytext ... longtext</td><td>char(n), varchar(n), varchar</td></tr>
 * <tr><td>binary, varbinary, tinyblob ... longblob</td><td>varbinary</td></tr>
 * <tr><td>date</td><td>date</td></tr>
 * <tr><td>datetime(p), timestamp(p)</td><td>timestamp(6) (timestamps in UTC)</td></tr>
 * <tr><td>year</td><td>smallint</td></tr>
 * <tr><td>json</td><td>varchar (MariaDB's json is longtext)</td></tr>
 * <tr><td>bit(1), bit(n)</td><td>boolean, bigint</td></tr>
 * <tr><td>enum, set</td><td>varchar, the label(s)</td></tr>
 * </table>
 *
 * <p>Other types (time, geometry, decimal with more than 38 digits) are reported naming the
 * column; zero dates ({@code 0000-00-00}) are errors when read, naming the column.
 */
public final class MySqlTypeMapping
        implements JdbcTypeMapping
{
    private static final int MAX_PRECISION = 38;
    private static final DecimalType UNSIGNED_BIGINT = DecimalType.createDecimalType(20, 0);

    @Override
    public ColumnMapping map(String column, JdbcRemoteType remoteType)
    {
        requireNonNull(column, "column is null");
        RemoteType type = (RemoteType) requireNonNull(remoteType, "type is null");
        boolean unsigned = type.unsigned();
        return switch (type.dataType()) {
            case "tinyint" -> unsigned ? smallint() : new ColumnMapping(TINYINT, ValueReaders.tinyints(), true);
            case "smallint", "year" -> unsigned ? integer() : smallint();
            case "mediumint" -> integer();
            case "int" -> unsigned ? bigint() : integer();
            case "bigint" -> unsigned ? decimal(column, UNSIGNED_BIGINT) : bigint();
            case "decimal" -> {
                if (type.precision() > MAX_PRECISION || type.precision() < 1) {
                    throw unsupported(column, type);
                }
                yield decimal(column, DecimalType.createDecimalType(type.precision(), Math.max(type.scale(), 0)));
            }
            case "float" -> new ColumnMapping(REAL, ValueReaders.reals(), true);
            case "double" -> new ColumnMapping(DOUBLE, ValueReaders.doubles(), true);
            case "char" -> {
                if (type.length() < 1 || type.length() > CharType.MAX_LENGTH) {
                    throw unsupported(column, type);
                }
                CharType charType = CharType.createCharType(Math.toIntExact(type.length()));
                yield new ColumnMapping(charType, ValueReaders.chars(charType), true);
            }
            case "varchar" -> text(type.length() > 0 && type.length() <= VarcharType.MAX_LENGTH ? VarcharType.createVarcharType(Math.toIntExact(type.length())) : VARCHAR);
            case "tinytext", "text", "mediumtext", "longtext", "json", "enum", "set" -> text(VARCHAR);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> new ColumnMapping(VARBINARY, ValueReaders.varbinaries(), true);
            case "date" -> new ColumnMapping(DATE, (resultSet, index, output) -> {
                String text = resultSet.getString(index);
                if (text == null) {
                    output.appendNull();
                }
                else if (text.startsWith("0000-00-00")) {
                    throw unrepresentable(column, text, "date");
                }
                else {
                    DATE.writeLong(output, resultSet.getObject(index, LocalDate.class).toEpochDay());
                }
            }, true);
            case "datetime", "timestamp" -> new ColumnMapping(TIMESTAMP_MICROS, (resultSet, index, output) -> {
                String text = resultSet.getString(index);
                if (text == null) {
                    output.appendNull();
                }
                else if (text.startsWith("0000-00-00")) {
                    throw unrepresentable(column, text, "timestamp(6)");
                }
                else {
                    LocalDateTime value = resultSet.getObject(index, LocalDateTime.class);
                    TIMESTAMP_MICROS.writeLong(output, ValueReaders.epochMicros(value));
                }
            }, true);
            case "bit" -> type.precision() == 1
                    ? new ColumnMapping(BOOLEAN, ValueReaders.booleans(), true)
                    : bigint();
            default -> throw unsupported(column, type);
        };
    }

    private static ColumnMapping smallint()
    {
        return new ColumnMapping(SMALLINT, ValueReaders.smallints(), true);
    }

    private static ColumnMapping integer()
    {
        return new ColumnMapping(INTEGER, ValueReaders.integers(), true);
    }

    private static ColumnMapping bigint()
    {
        return new ColumnMapping(BIGINT, ValueReaders.bigints(), true);
    }

    private static ColumnMapping decimal(String column, DecimalType decimal)
    {
        return new ColumnMapping(decimal, ValueReaders.decimals(decimal, ResultSet::getBigDecimal, (value, basinType) -> unrepresentable(column, value, basinType)), true);
    }

    private static ColumnMapping text(VarcharType varchar)
    {
        // MySQL's default collations compare case-insensitively and ignore trailing spaces: the
        // values are exact, their comparisons are not Basin's
        return new ColumnMapping(varchar, ValueReaders.strings(varchar), false);
    }

    static TrinoException unsupported(String column, RemoteType type)
    {
        return new TrinoException(MYSQL_UNSUPPORTED_TYPE,
                "Column \"%s\" has MySQL type %s, which Basin cannot represent".formatted(column, type.columnType()));
    }

    private static TrinoException unrepresentable(String column, String value, String basinType)
    {
        return new TrinoException(MYSQL_UNREPRESENTABLE_VALUE,
                "Column \"%s\" holds the value %s, which Basin's %s cannot represent".formatted(column, value, basinType));
    }
}
