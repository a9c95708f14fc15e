package io.basin.connector.postgresql;

import io.basin.connector.jdbc.ColumnMapping;
import io.basin.connector.jdbc.JdbcRemoteType;
import io.basin.connector.jdbc.JdbcTypeMapping;
import io.basin.connector.jdbc.ValueReaders;
import io.trino.spi.TrinoException;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_UNREPRESENTABLE_VALUE;
import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_UNSUPPORTED_TYPE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * Maps PostgreSQL column types to Basin types, and reads their values exactly.
 *
 * <table>
 * <tr><th>PostgreSQL</th><th>Basin</th></tr>
 * <tr><td>bool</td><td>boolean</td></tr>
 * <tr><td>int2, int4, int8 (and oid)</td><td>smallint, integer, bigint (bigint)</td></tr>
 * <tr><td>numeric(p, s), p &le; 38</td><td>decimal(p, s)</td></tr>
 * <tr><td>numeric (unbounded)</td><td>decimal(38, {@code unbounded-numeric-scale}); a value needing
 *     more digits is an error, never rounded</td></tr>
 * <tr><td>float4, float8</td><td>real, double</td></tr>
 * <tr><td>text, varchar, varchar(n), name</td><td>varchar, varchar, varchar(n), varchar</td></tr>
 * <tr><td>char(n)</td><td>char(n)</td></tr>
 * <tr><td>bytea</td><td>varbinary</td></tr>
 * <tr><td>date</td><td>date</td></tr>
 * <tr><td>timestamp(p)</td><td>timestamp(6)</td></tr>
 * <tr><td>timestamptz(p)</td><td>timestamp(6): the instant in UTC</td></tr>
 * <tr><td>uuid</td><td>varchar(36), the canonical lower-case text</td></tr>
 * <tr><td>json, jsonb</td><td>varchar, the document's text as PostgreSQL prints it</td></tr>
 * <tr><td>enum types</td><td>varchar, the label</td></tr>
 * <tr><td>domains</td><td>as their base type</td></tr>
 * </table>
 *
 * <p>Every other type (time, interval, money, arrays, network, geometric, range and composite
 * types, numeric with more than 38 digits, ...) has no Basin representation yet and is reported
 * as such, naming the column; {@code 'infinity'} dates and timestamps and numeric {@code NaN} are
 * errors when read, naming the column.
 */
public final class PostgreSqlTypeMapping
        implements JdbcTypeMapping
{
    private static final int MAX_PRECISION = 38;
    private static final int VARHDRSZ = 4;
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "name", "char");

    private final int unboundedNumericScale;

    public PostgreSqlTypeMapping(int unboundedNumericScale)
    {
        this.unboundedNumericScale = unboundedNumericScale;
    }

    /**
     * The mapping of column {@code column} of type {@code type}.
     *
     * @throws TrinoException {@link PostgreSqlErrorCode#POSTGRESQL_UNSUPPORTED_TYPE} when Basin cannot represent the type
     */
    @Override
    public ColumnMapping map(String column, JdbcRemoteType remoteType)
    {
        RemoteType type = (RemoteType) remoteType;
        requireNonNull(column, "column is null");
        requireNonNull(type, "type is null");
        if (type.category() == 'A') {
            throw unsupported(column, type);
        }
        if (type.kind() == 'e') {
            return new ColumnMapping(VARCHAR, ValueReaders.strings(VARCHAR), false);
        }
        if (type.kind() != 'b') {
            throw unsupported(column, type);
        }
        return switch (type.name()) {
            case "bool" -> new ColumnMapping(BOOLEAN, ValueReaders.booleans(), true);
            case "int2" -> new ColumnMapping(SMALLINT, ValueReaders.smallints(), true);
            case "int4" -> new ColumnMapping(INTEGER, ValueReaders.integers(), true);
            case "int8", "oid" -> new ColumnMapping(BIGINT, ValueReaders.bigints(), true);
            case "float4" -> new ColumnMapping(REAL, ValueReaders.reals(), true);
            case "float8" -> new ColumnMapping(DOUBLE, ValueReaders.doubles(), true);
            case "numeric" -> numeric(column, type);
            case "text", "varchar", "name", "char", "json", "jsonb", "uuid" -> text(type);
            case "bpchar" -> character(column, type);
            case "bytea" -> new ColumnMapping(VARBINARY, ValueReaders.varbinaries(), true);
            case "date" -> new ColumnMapping(DATE, (resultSet, index, output) -> {
                LocalDate value = resultSet.getObject(index, LocalDate.class);
                if (value == null) {
                    output.appendNull();
                }
                else if (value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN)) {
                    throw unrepresentable(column, value.equals(LocalDate.MAX) ? "infinity" : "-infinity", "date");
                }
                else {
                    DATE.writeLong(output, value.toEpochDay());
                }
            }, true);
            case "timestamp" -> new ColumnMapping(TIMESTAMP_MICROS, (resultSet, index, output) -> {
                LocalDateTime value = resultSet.getObject(index, LocalDateTime.class);
                if (value == null) {
                    output.appendNull();
                }
                else if (value.equals(LocalDateTime.MAX) || value.equals(LocalDateTime.MIN)) {
                    throw unrepresentable(column, value.equals(LocalDateTime.MAX) ? "infinity" : "-infinity", "timestamp(6)");
                }
                else {
                    TIMESTAMP_MICROS.writeLong(output, ValueReaders.epochMicros(value));
                }
            }, true);
            // the instant, in UTC; comparing with a timestamp literal depends on the time zone, so
            // predicates stay in Basin
            case "timestamptz" -> new ColumnMapping(TIMESTAMP_MICROS, (resultSet, index, output) -> {
                OffsetDateTime value = resultSet.getObject(index, OffsetDateTime.class);
                if (value == null) {
                    output.appendNull();
                }
                else if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
                    throw unrepresentable(column, value.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity", "timestamp(6)");
                }
                else {
                    TIMESTAMP_MICROS.writeLong(output, ValueReaders.epochMicros(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
                }
            }, false);
            default -> throw unsupported(column, type);
        };
    }

    private ColumnMapping numeric(String column, RemoteType type)
    {
        DecimalType decimalType;
        if (type.typmod() < VARHDRSZ) {
            decimalType = DecimalType.createDecimalType(MAX_PRECISION, unboundedNumericScale);
        }
        else {
            int precision = ((type.typmod() - VARHDRSZ) >> 16) & 0xffff;
            // PostgreSQL 15+ stores the scale as an 11-bit signed number: numeric(3, -2) holds 12300
            int scale = (((type.typmod() - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
            int basinPrecision = scale < 0 ? precision - scale : Math.max(precision, scale);
            int basinScale = Math.max(scale, 0);
            if (basinPrecision > MAX_PRECISION) {
                throw unsupported(column, type);
            }
            decimalType = DecimalType.createDecimalType(basinPrecision, basinScale);
        }
        DecimalType decimal = decimalType;
        return new ColumnMapping(decimal, ValueReaders.decimals(decimal, (resultSet, index) -> {
            try {
                return resultSet.getBigDecimal(index);
            }
            catch (SQLException e) {
                // NaN and ±Infinity have no BigDecimal; anything else is a real failure
                String text = resultSet.getString(index);
                if (text != null && (text.equals("NaN") || text.endsWith("Infinity"))) {
                    throw unrepresentable(column, text, decimal.getDisplayName());
                }
                throw e;
            }
        }, (value, basinType) -> unrepresentable(column, value, basinType)), true);
    }

    private static ColumnMapping text(RemoteType type)
    {
        VarcharType varchar;
        if (type.name().equals("varchar") && type.typmod() >= VARHDRSZ) {
            varchar = VarcharType.createVarcharType(type.typmod() - VARHDRSZ);
        }
        else if (type.name().equals("uuid")) {
            varchar = VarcharType.createVarcharType(36);
        }
        else {
            varchar = VARCHAR;
        }
        // uuid and json compare differently from their text; plain text types compare alike
        // only under a byte-order (C) collation, which the pushdown checks separately
        boolean sameSemantics = TEXT_TYPES.contains(type.name());
        return new ColumnMapping(varchar, ValueReaders.strings(varchar), sameSemantics);
    }

    private static ColumnMapping character(String column, RemoteType type)
    {
        if (type.typmod() < VARHDRSZ) {
            // bpchar without a length: any length, trailing spaces insignificant; no Basin type fits
            throw unsupported(column, type);
        }
        CharType charType = CharType.createCharType(type.typmod() - VARHDRSZ);
        return new ColumnMapping(charType, ValueReaders.chars(charType), true);
    }

    static TrinoException unsupported(String column, RemoteType type)
    {
        return new TrinoException(POSTGRESQL_UNSUPPORTED_TYPE,
                "Column \"%s\" has PostgreSQL type %s, which Basin cannot represent".formatted(column, type.displayName()));
    }

    private static TrinoException unrepresentable(String column, String value, String basinType)
    {
        return new TrinoException(POSTGRESQL_UNREPRESENTABLE_VALUE,
                "Column \"%s\" holds the value %s, which Basin's %s cannot represent".formatted(column, value, basinType));
    }
}
