package io.basin.connector.postgresql;

import io.basin.connector.jdbc.TestingJdbcReads;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_UNREPRESENTABLE_VALUE;
import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_UNSUPPORTED_TYPE;
import static io.basin.connector.testing.TestingConnectorSession.SESSION;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every mapped PostgreSQL type, read through the connector and compared value by value with what
 * PostgreSQL returns over plain JDBC for the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgreSqlTypeMapping
{
    private TestingPostgreSqlServer server;
    private Connector connector;

    /** Column → PostgreSQL type, Basin type and the values inserted (SQL literals, one per row). */
    private record Case(String pgType, Type basinType, List<String> values) {}

    private final Map<String, Case> cases = new LinkedHashMap<>();

    @BeforeAll
    void setUp()
    {
        server = new TestingPostgreSqlServer();
        connector = new PostgreSqlConnectorFactory().create("types", server.catalogProperties(), null);
        server.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        server.execute("CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)");
        cases.put("c_bool", new Case("boolean", BOOLEAN, List.of("true", "false", "NULL")));
        cases.put("c_int2", new Case("smallint", SMALLINT, List.of("-32768", "32767", "NULL")));
        cases.put("c_int4", new Case("integer", INTEGER, List.of("-2147483648", "2147483647", "0")));
        cases.put("c_int8", new Case("bigint", BIGINT, List.of("-9223372036854775808", "9223372036854775807", "NULL")));
        cases.put("c_numeric_10_2", new Case("numeric(10,2)", DecimalType.createDecimalType(10, 2), List.of("12345678.91", "-0.01", "NULL")));
        cases.put("c_numeric_38_0", new Case("numeric(38,0)", DecimalType.createDecimalType(38, 0), List.of("99999999999999999999999999999999999999", "-12345678901234567890123456789", "NULL")));
        cases.put("c_numeric_38_38", new Case("numeric(38,38)", DecimalType.createDecimalType(38, 38), List.of("0.12345678901234567890123456789012345678", "-0.00000000000000000000000000000000000001", "0")));
        cases.put("c_numeric_neg_scale", new Case("numeric(3,-2)", DecimalType.createDecimalType(5, 0), List.of("12345", "-99900", "NULL")));
        cases.put("c_numeric", new Case("numeric", DecimalType.createDecimalType(38, 10), List.of("123.456", "-1234567890123456789012345678.0123456789", "NULL")));
        cases.put("c_float4", new Case("real", REAL, List.of("1.5", "'-3.4e38'", "'NaN'")));
        cases.put("c_float8", new Case("double precision", DOUBLE, List.of("'1e308'", "'-Infinity'", "'-0'")));
        cases.put("c_text", new Case("text", VARCHAR, List.of("'héllo 世界 🎉'", "''", "E'quote '' backslash \\\\ tab \\t'")));
        cases.put("c_varchar_n", new Case("varchar(5)", VarcharType.createVarcharType(5), List.of("'abc'", "'ünï'", "NULL")));
        cases.put("c_varchar", new Case("character varying", VARCHAR, List.of("'x'", "'  spaces  '", "NULL")));
        cases.put("c_char", new Case("char(5)", CharType.createCharType(5), List.of("'ab'", "'abcde'", "NULL")));
        cases.put("c_bytea", new Case("bytea", VARBINARY, List.of("'\\x00ff10'", "''", "NULL")));
        cases.put("c_date", new Case("date", DATE, List.of("'2024-02-29'", "'0001-01-01'", "'0044-03-15 BC'")));
        cases.put("c_timestamp", new Case("timestamp", TIMESTAMP_MICROS, List.of("'2024-01-01 12:34:56.789012'", "'1900-01-01 00:00:00'", "'0001-01-01 00:00:00.000001'")));
        cases.put("c_timestamp3", new Case("timestamp(3)", TIMESTAMP_MICROS, List.of("'2024-01-01 12:34:56.789'", "NULL", "'1969-12-31 23:59:59.999'")));
        cases.put("c_timestamptz", new Case("timestamptz", TIMESTAMP_MICROS, List.of("'2024-06-01 12:00:00+02'", "'1999-12-31 23:30:00-05:30'", "NULL")));
        cases.put("c_uuid", new Case("uuid", VarcharType.createVarcharType(36), List.of("'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "'00000000-0000-0000-0000-000000000000'", "NULL")));
        cases.put("c_json", new Case("json", VARCHAR, List.of("'{\"a\": [1, 2.5, \"x\"]}'", "'null'", "NULL")));
        cases.put("c_jsonb", new Case("jsonb", VARCHAR, List.of("'{\"b\": 1,   \"a\": \"é\"}'", "'[]'", "NULL")));
        cases.put("c_enum", new Case("mood", VARCHAR, List.of("'happy'", "'sad'", "NULL")));
        cases.put("c_domain", new Case("positive_int", INTEGER, List.of("7", "2147483647", "NULL")));
        StringBuilder create = new StringBuilder("CREATE TABLE all_types (id integer PRIMARY KEY");
        cases.forEach((name, definition) -> create.append(", ").append(name).append(' ').append(definition.pgType()));
        server.execute(create.append(")").toString());
        for (int row = 0; row < 3; row++) {
            StringBuilder insert = new StringBuilder("INSERT INTO all_types VALUES (" + row);
            for (Case definition : cases.values()) {
                insert.append(", ").append(definition.values().get(row));
            }
            server.execute(insert.append(")").toString());
        }
    }

    @AfterAll
    void tearDown()
    {
        connector.shutdown();
        server.close();
    }

    @Test
    void columnsMapToBasinTypes()
    {
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(connector);
        List<ColumnMetadata> columns = connector.getMetadata(SESSION, transaction)
                .getTableMetadata(SESSION, TestingJdbcReads.table(connector, transaction, "public", "all_types"))
                .getColumns();
        assertThat(columns.getFirst().getName()).isEqualTo("id");
        assertThat(columns.getFirst().isNullable()).isFalse();
        Map<String, Type> actual = new LinkedHashMap<>();
        columns.subList(1, columns.size()).forEach(column -> actual.put(column.getName(), column.getType()));
        Map<String, Type> expected = new LinkedHashMap<>();
        cases.forEach((name, definition) -> expected.put(name, definition.basinType()));
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void valuesMatchPostgreSql()
            throws SQLException
    {
        List<List<Object>> basin = TestingJdbcReads.readAll(connector, "public", "all_types");
        List<List<Object>> postgres = readOracle();
        basin.sort((left, right) -> Long.compare((Long) left.getFirst(), (Long) right.getFirst()));
        assertThat(basin).hasSize(3);
        List<String> names = new ArrayList<>(cases.keySet());
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < names.size(); column++) {
                Object actual = basin.get(row).get(column + 1);
                Object expected = postgres.get(row).get(column);
                if (expected instanceof java.math.BigDecimal decimal && actual instanceof java.math.BigDecimal actualDecimal) {
                    assertThat(actualDecimal.compareTo(decimal)).as("%s row %s: %s vs %s", names.get(column), row, actual, expected).isZero();
                    assertThat(actualDecimal.scale()).as(names.get(column)).isEqualTo(((DecimalType) cases.get(names.get(column)).basinType()).getScale());
                }
                else {
                    assertThat(actual).as("%s row %s", names.get(column), row).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * The same rows read over JDBC directly: each value as PostgreSQL gives it, with the one
     * conversion the mapping documents applied by PostgreSQL itself (timestamptz at UTC) or by
     * PostgreSQL's own rule (char padding is insignificant).
     */
    private List<List<Object>> readOracle()
            throws SQLException
    {
        StringBuilder select = new StringBuilder("SELECT ");
        List<String> names = new ArrayList<>(cases.keySet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            select.append(i == 0 ? "" : ", ").append(cases.get(name).pgType().equals("timestamptz") ? name + " AT TIME ZONE 'UTC'" : name);
        }
        select.append(" FROM all_types ORDER BY id");
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(select.toString())) {
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    row.add(oracleValue(resultSet, i + 1, cases.get(names.get(i)).basinType()));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object oracleValue(ResultSet resultSet, int index, Type type)
            throws SQLException
    {
        if (resultSet.getObject(index) == null) {
            return null;
        }
        return switch (type.getDisplayName()) {
            case "boolean" -> resultSet.getBoolean(index);
            case "smallint", "integer", "bigint" -> resultSet.getLong(index);
            case "real" -> resultSet.getFloat(index);
            case "double" -> resultSet.getDouble(index);
            case "date" -> resultSet.getObject(index, LocalDate.class);
            case "timestamp(6)" -> resultSet.getObject(index, LocalDateTime.class);
            case "varbinary" -> HexFormat.of().formatHex(resultSet.getBytes(index));
            default -> {
                if (type instanceof DecimalType) {
                    yield resultSet.getBigDecimal(index);
                }
                if (type instanceof CharType) {
                    yield resultSet.getString(index).replaceFirst(" +$", "");
                }
                yield resultSet.getString(index);
            }
        };
    }

    @Test
    void unsupportedTypesAreReportedWithTheColumn()
    {
        server.execute("CREATE TABLE unsupported_time (id integer, at_time time)");
        server.execute("CREATE TABLE unsupported_array (id integer, tags text[])");
        server.execute("CREATE TABLE unsupported_interval (id integer, span interval)");
        server.execute("CREATE TABLE unsupported_numeric (id integer, huge numeric(50, 2))");
        assertUnsupported("unsupported_time", "Column \"at_time\" has PostgreSQL type time without time zone, which Basin cannot represent");
        assertUnsupported("unsupported_array", "Column \"tags\" has PostgreSQL type text[], which Basin cannot represent");
        assertUnsupported("unsupported_interval", "Column \"span\" has PostgreSQL type interval, which Basin cannot represent");
        assertUnsupported("unsupported_numeric", "Column \"huge\" has PostgreSQL type numeric(50,2), which Basin cannot represent");
    }

    private void assertUnsupported(String table, String message)
    {
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(connector);
        var handle = TestingJdbcReads.table(connector, transaction, "public", table);
        assertThatThrownBy(() -> connector.getMetadata(SESSION, transaction).getTableMetadata(SESSION, handle))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(POSTGRESQL_UNSUPPORTED_TYPE.toErrorCode()))
                .hasMessage(message);
    }

    @Test
    void valuesWithoutBasinRepresentationFailNamingTheColumn()
    {
        server.execute("CREATE TABLE infinite_date (d date)");
        server.execute("INSERT INTO infinite_date VALUES ('2024-01-01'), ('infinity')");
        server.execute("CREATE TABLE infinite_timestamp (ts timestamp)");
        server.execute("INSERT INTO infinite_timestamp VALUES ('-infinity')");
        server.execute("CREATE TABLE nan_numeric (n numeric)");
        server.execute("INSERT INTO nan_numeric VALUES ('NaN')");
        server.execute("CREATE TABLE precise_numeric (n numeric)");
        server.execute("INSERT INTO precise_numeric VALUES (1.00000000001)");
        assertUnrepresentable("infinite_date", "Column \"d\" holds the value infinity, which Basin's date cannot represent");
        assertUnrepresentable("infinite_timestamp", "Column \"ts\" holds the value -infinity, which Basin's timestamp(6) cannot represent");
        assertUnrepresentable("nan_numeric", "Column \"n\" holds the value NaN, which Basin's decimal(38,10) cannot represent");
        // never rounded to 1.0000000000
        assertUnrepresentable("precise_numeric", "Column \"n\" holds the value 1.00000000001, which Basin's decimal(38,10) cannot represent");
    }

    private void assertUnrepresentable(String table, String message)
    {
        assertThatThrownBy(() -> TestingJdbcReads.readAll(connector, "public", table))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(POSTGRESQL_UNREPRESENTABLE_VALUE.toErrorCode()))
                .hasMessage(message);
    }
}
