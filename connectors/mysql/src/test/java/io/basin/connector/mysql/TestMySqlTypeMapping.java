package io.basin.connector.mysql;

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

import java.math.BigDecimal;
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
import java.util.Optional;

import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_CONNECTION_ERROR;
import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_TIMEOUT;
import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_UNREPRESENTABLE_VALUE;
import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_UNSUPPORTED_TYPE;
import static io.basin.connector.testing.TestingConnectorSession.SESSION;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every mapped MySQL type, read through the connector from MariaDB 11.4 and compared value by
 * value with what MariaDB returns over plain JDBC; metadata, timeouts and connection failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestMySqlTypeMapping
{
    private TestingMySqlServer server;
    private Connector connector;

    private record Case(String mysqlType, Type basinType, List<String> values) {}

    private final Map<String, Case> cases = new LinkedHashMap<>();

    @BeforeAll
    void setUp()
    {
        server = new TestingMySqlServer();
        connector = new MySqlConnectorFactory().create("types", server.catalogProperties(), null);
        server.execute("CREATE DATABASE shop CHARACTER SET utf8mb4");
        cases.put("c_tinyint", new Case("tinyint", TINYINT, List.of("-128", "127", "NULL")));
        cases.put("c_tinyint_u", new Case("tinyint unsigned", SMALLINT, List.of("0", "255", "NULL")));
        cases.put("c_smallint", new Case("smallint", SMALLINT, List.of("-32768", "32767", "NULL")));
        cases.put("c_smallint_u", new Case("smallint unsigned", INTEGER, List.of("65535", "0", "NULL")));
        cases.put("c_mediumint", new Case("mediumint", INTEGER, List.of("-8388608", "8388607", "NULL")));
        cases.put("c_int", new Case("int", INTEGER, List.of("-2147483648", "2147483647", "0")));
        cases.put("c_int_u", new Case("int unsigned", BIGINT, List.of("4294967295", "0", "NULL")));
        cases.put("c_bigint", new Case("bigint", BIGINT, List.of("-9223372036854775808", "9223372036854775807", "NULL")));
        cases.put("c_bigint_u", new Case("bigint unsigned", DecimalType.createDecimalType(20, 0), List.of("18446744073709551615", "0", "NULL")));
        cases.put("c_decimal", new Case("decimal(10,2)", DecimalType.createDecimalType(10, 2), List.of("12345678.91", "-0.01", "NULL")));
        cases.put("c_decimal_38", new Case("decimal(38,10)", DecimalType.createDecimalType(38, 10), List.of("1234567890123456789012345678.0123456789", "-1", "NULL")));
        cases.put("c_float", new Case("float", REAL, List.of("1.5", "-3.25", "NULL")));
        cases.put("c_double", new Case("double", DOUBLE, List.of("1e308", "-2.5", "NULL")));
        cases.put("c_char", new Case("char(5)", CharType.createCharType(5), List.of("'ab'", "'abcde'", "NULL")));
        cases.put("c_varchar", new Case("varchar(10)", VarcharType.createVarcharType(10), List.of("'héllo'", "'🎉 x'", "''")));
        cases.put("c_text", new Case("text", VARCHAR, List.of("'quote '' backslash \\\\ end'", "''", "NULL")));
        cases.put("c_binary", new Case("varbinary(8)", VARBINARY, List.of("x'00ff10'", "x''", "NULL")));
        cases.put("c_blob", new Case("blob", VARBINARY, List.of("x'cafe'", "NULL", "NULL")));
        cases.put("c_date", new Case("date", DATE, List.of("'2024-02-29'", "'1000-01-01'", "'9999-12-31'")));
        cases.put("c_datetime", new Case("datetime(6)", TIMESTAMP_MICROS, List.of("'2024-01-01 12:34:56.789012'", "'1000-01-01 00:00:00'", "NULL")));
        cases.put("c_timestamp", new Case("timestamp(3) NULL", TIMESTAMP_MICROS, List.of("'2024-06-01 10:00:00.123'", "'1970-01-02 00:00:00'", "NULL")));
        cases.put("c_year", new Case("year", SMALLINT, List.of("2024", "1901", "NULL")));
        cases.put("c_json", new Case("json", VARCHAR, List.of("'{\"a\": [1, 2]}'", "'null'", "NULL")));
        cases.put("c_bit1", new Case("bit(1)", BOOLEAN, List.of("b'1'", "b'0'", "NULL")));
        cases.put("c_bit8", new Case("bit(8)", BIGINT, List.of("b'10000001'", "b'0'", "NULL")));
        cases.put("c_enum", new Case("enum('sad','ok','happy')", VARCHAR, List.of("'happy'", "'sad'", "NULL")));
        cases.put("c_set", new Case("set('a','b','c')", VARCHAR, List.of("'a,c'", "''", "NULL")));
        StringBuilder create = new StringBuilder("CREATE TABLE shop.all_types (id int PRIMARY KEY");
        cases.forEach((name, definition) -> create.append(", ").append(name).append(' ').append(definition.mysqlType()));
        server.execute(create.append(")").toString());
        for (int row = 0; row < 3; row++) {
            StringBuilder insert = new StringBuilder("INSERT INTO shop.all_types VALUES (" + row);
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
                .getTableMetadata(SESSION, TestingJdbcReads.table(connector, transaction, "shop", "all_types"))
                .getColumns();
        Map<String, Type> actual = new LinkedHashMap<>();
        columns.subList(1, columns.size()).forEach(column -> actual.put(column.getName(), column.getType()));
        Map<String, Type> expected = new LinkedHashMap<>();
        cases.forEach((name, definition) -> expected.put(name, definition.basinType()));
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(connector.getMetadata(SESSION, transaction).listSchemaNames(SESSION)).contains("shop").doesNotContain("mysql", "information_schema");
    }

    @Test
    void valuesMatchMariaDb()
            throws SQLException
    {
        List<List<Object>> basin = TestingJdbcReads.readAll(connector, "shop", "all_types");
        basin.sort((left, right) -> Long.compare((Long) left.getFirst(), (Long) right.getFirst()));
        List<String> names = new ArrayList<>(cases.keySet());
        List<List<Object>> oracle = new ArrayList<>();
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT " + String.join(", ", names) + " FROM shop.all_types ORDER BY id")) {
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    row.add(oracleValue(resultSet, i + 1, cases.get(names.get(i)).basinType()));
                }
                oracle.add(row);
            }
        }
        assertThat(basin).hasSize(3);
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < names.size(); column++) {
                Object actual = basin.get(row).get(column + 1);
                Object expected = oracle.get(row).get(column);
                if (expected instanceof BigDecimal decimal) {
                    assertThat(((BigDecimal) actual).compareTo(decimal)).as("%s row %s: %s vs %s", names.get(column), row, actual, expected).isZero();
                }
                else {
                    assertThat(actual).as("%s row %s", names.get(column), row).isEqualTo(expected);
                }
            }
        }
    }

    private static Object oracleValue(ResultSet resultSet, int index, Type type)
            throws SQLException
    {
        if (resultSet.getObject(index) == null) {
            return null;
        }
        return switch (type.getDisplayName()) {
            case "boolean" -> resultSet.getBoolean(index);
            case "tinyint", "smallint", "integer", "bigint" -> resultSet.getLong(index);
            case "real" -> resultSet.getFloat(index);
            case "double" -> resultSet.getDouble(index);
            case "date" -> resultSet.getObject(index, LocalDate.class);
            case "timestamp(6)" -> resultSet.getObject(index, LocalDateTime.class);
            case "varbinary" -> HexFormat.of().formatHex(resultSet.getBytes(index));
            default -> type instanceof DecimalType ? resultSet.getBigDecimal(index) : resultSet.getString(index);
        };
    }

    @Test
    void unsupportedTypesAndValuesAreReportedWithTheColumn()
    {
        server.execute("CREATE TABLE shop.with_time (id int, at_time time)");
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(connector);
        var handle = TestingJdbcReads.table(connector, transaction, "shop", "with_time");
        assertThatThrownBy(() -> connector.getMetadata(SESSION, transaction).getTableMetadata(SESSION, handle))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(MYSQL_UNSUPPORTED_TYPE.toErrorCode()))
                .hasMessage("Column \"at_time\" has MySQL type time, which Basin cannot represent");
        server.execute("CREATE TABLE shop.zero_date (d date)");
        server.execute("SET SESSION sql_mode = ''");
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = ''");
            statement.execute("INSERT INTO shop.zero_date VALUES ('0000-00-00')");
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> TestingJdbcReads.readAll(connector, "shop", "zero_date"))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(MYSQL_UNREPRESENTABLE_VALUE.toErrorCode()))
                .hasMessage("Column \"d\" holds the value 0000-00-00, which Basin's date cannot represent");
    }

    @Test
    void readsLargeTablesAsStreams()
            throws SQLException
    {
        server.execute("CREATE TABLE shop.big (id int PRIMARY KEY, payload varchar(40))");
        server.execute("INSERT INTO shop.big SELECT seq, md5(seq) FROM shop.seq_1_to_100000");
        List<List<Object>> rows = TestingJdbcReads.readAll(connector, "shop", "big");
        assertThat(rows).hasSize(100_000);
        long sum = rows.stream().mapToLong(row -> (Long) row.getFirst()).sum();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT sum(id) FROM shop.big")) {
            resultSet.next();
            assertThat(sum).isEqualTo(resultSet.getLong(1));
        }
    }

    @Test
    void statementTimeoutAndUnreachableServer()
            throws Exception
    {
        server.execute("CREATE VIEW shop.slow AS SELECT sleep(5) AS x");
        Map<String, String> properties = new java.util.HashMap<>(server.catalogProperties());
        properties.put(MySqlConfig.STATEMENT_TIMEOUT, "500");
        Connector impatient = new MySqlConnectorFactory().create("impatient", properties, null);
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> TestingJdbcReads.readAll(impatient, "shop", "slow"))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(MYSQL_TIMEOUT.toErrorCode()));
            assertThat(System.nanoTime() - start).isLessThan(4_000_000_000L);
        }
        finally {
            impatient.shutdown();
        }
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        properties = new java.util.HashMap<>(server.catalogProperties());
        properties.put(MySqlConfig.PORT, String.valueOf(closedPort));
        properties.put(MySqlConfig.PASSWORD, "hunter2-secret");
        Connector unreachable = new MySqlConnectorFactory().create("unreachable", properties, null);
        try {
            assertThatThrownBy(() -> unreachable.getMetadata(SESSION, TestingJdbcReads.begin(unreachable)).listSchemaNames(SESSION))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(MYSQL_CONNECTION_ERROR.toErrorCode()))
                    .hasMessageContaining("unreachable")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        }
        finally {
            unreachable.shutdown();
        }
        assertThatThrownBy(() -> new MySqlConnectorFactory().create("bad", Map.of(MySqlConfig.HOST, "h/?allowLoadLocalInfile=true", MySqlConfig.USER, "u"), null))
                .hasMessageContaining("is not a host name or address");
        assertThat(Optional.empty()).isEmpty();
    }
}
