package io.basin.engine;

import io.basin.embedded.QueryResult;
import io.basin.testing.BasePostgresOracleTest;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SET, SHOW and RESET of the settings clients use, against PostgreSQL: the value SHOW prints after
 * each SET (PostgreSQL normalizes many: 5000 ms is 5s, DateStyle keeps its field order), the
 * column SHOW names, RESET and SET TO DEFAULT, and the errors for unknown, read-only and invalid
 * settings.
 */
class TestSetShowReset
        extends BasePostgresOracleTest
{
    private void assertShowAfter(String set, String setting)
    {
        assertions().executeInBoth(session(), set);
        assertQuery("SHOW " + setting);
    }

    @Test
    void testValuesAsShown()
    {
        assertShowAfter("SET application_name = 'my app'", "application_name");
        assertShowAfter("SET SESSION application_name TO 'another'", "application_name");
        assertShowAfter("SET extra_float_digits = 3", "extra_float_digits");
        assertShowAfter("SET extra_float_digits TO -2", "extra_float_digits");
        assertShowAfter("SET DateStyle = 'ISO, DMY'", "DateStyle");
        // the field order stays when only the style is set
        assertShowAfter("SET DateStyle = ISO", "datestyle");
        assertShowAfter("SET datestyle TO 'iso, mdy'", "DateStyle");
        assertShowAfter("SET DateStyle = 'YMD'", "DateStyle");
        assertShowAfter("SET search_path = a, \"B\", public", "search_path");
        assertShowAfter("SET search_path TO 'x y', public", "search_path");
        assertShowAfter("SET search_path = \"$user\", public", "search_path");
        assertShowAfter("SET TIME ZONE 'America/New_York'", "TimeZone");
        assertShowAfter("SET timezone = 'europe/paris'", "timezone");
        assertShowAfter("SET TimeZone TO 'UTC'", "TimeZone");
        assertShowAfter("SET statement_timeout = 5000", "statement_timeout");
        assertShowAfter("SET statement_timeout = '1500ms'", "statement_timeout");
        assertShowAfter("SET statement_timeout = '90s'", "statement_timeout");
        assertShowAfter("SET statement_timeout TO '2min'", "statement_timeout");
        assertShowAfter("SET statement_timeout = 0", "statement_timeout");
        assertShowAfter("SET lock_timeout = '1h'", "lock_timeout");
        assertShowAfter("SET client_min_messages = WARNING", "client_min_messages");
        assertShowAfter("SET standard_conforming_strings = on", "standard_conforming_strings");
        assertShowAfter("SET client_encoding = 'UTF8'", "client_encoding");
        assertShowAfter("SET NAMES 'utf8'", "client_encoding");
        assertShowAfter("SET IntervalStyle = postgres", "IntervalStyle");
        assertShowAfter("SET bytea_output = 'hex'", "bytea_output");
        assertShowAfter("SET default_transaction_isolation = 'read committed'", "default_transaction_isolation");
        assertShowAfter("SET myapp.flag = 'on'", "myapp.flag");
        for (String setting : List.of("server_encoding", "integer_datetimes", "max_identifier_length", "max_index_keys", "block_size", "transaction_isolation", "standard_conforming_strings")) {
            assertQuery("SHOW " + setting);
        }
        assertions().executeInBoth(session(), "RESET search_path");
        assertions().executeInBoth(session(), "RESET DateStyle");
        assertions().executeInBoth(session(), "RESET TimeZone");
    }

    @Test
    void testReset()
    {
        for (String[] setting : new String[][] {{"client_min_messages", "'error'"}, {"statement_timeout", "'3s'"}, {"lock_timeout", "100"}, {"IntervalStyle", "postgres"}}) {
            assertShowAfter("SET " + setting[0] + " = " + setting[1], setting[0]);
            assertShowAfter("RESET " + setting[0], setting[0]);
            assertShowAfter("SET " + setting[0] + " = " + setting[1], setting[0]);
            assertShowAfter("SET " + setting[0] + " TO DEFAULT", setting[0]);
        }
        assertions().executeInBoth(session(), "SET client_min_messages = 'error'");
        assertions().executeInBoth(session(), "SET statement_timeout = '3s'");
        assertShowAfter("RESET ALL", "client_min_messages");
        assertQuery("SHOW statement_timeout");
        // SET LOCAL outside a transaction block has no effect (PostgreSQL warns)
        assertShowAfter("SET LOCAL statement_timeout = '7s'", "statement_timeout");
    }

    @Test
    void testTransactionBlocks()
    {
        // SET LOCAL lasts until the block ends; a rolled back block undoes its SETs
        assertions().executeInBoth(session(), "BEGIN");
        assertShowAfter("SET LOCAL statement_timeout = '7s'", "statement_timeout");
        assertShowAfter("SET client_min_messages = 'error'", "client_min_messages");
        assertions().executeInBoth(session(), "COMMIT");
        assertQuery("SHOW statement_timeout");
        assertQuery("SHOW client_min_messages");
        assertions().executeInBoth(session(), "BEGIN");
        assertShowAfter("SET client_min_messages = 'log'", "client_min_messages");
        assertShowAfter("SET LOCAL lock_timeout = 500", "lock_timeout");
        assertions().executeInBoth(session(), "ROLLBACK");
        assertQuery("SHOW client_min_messages");
        assertQuery("SHOW lock_timeout");
        assertions().executeInBoth(session(), "RESET client_min_messages");
    }

    @Test
    void testShowColumnNames()
            throws SQLException
    {
        try (Connection connection = TestingPostgreSqlServer.shared().createConnection();
                Statement statement = connection.createStatement()) {
            for (String name : List.of("datestyle", "TIMEZONE", "search_path", "IntervalStyle", "server_version", "client_encoding")) {
                QueryResult basin = session().execute("SHOW " + name);
                try (ResultSet postgres = statement.executeQuery("SHOW " + name)) {
                    assertThat(basin.columns().getFirst().name()).isEqualTo(postgres.getMetaData().getColumnLabel(1));
                }
            }
            // SHOW ALL: name, setting, description
            try (ResultSet postgres = statement.executeQuery("SHOW ALL")) {
                QueryResult basin = session().execute("SHOW ALL");
                assertThat(basin.columns().stream().map(QueryResult.Column::name).toList())
                        .containsExactly(postgres.getMetaData().getColumnLabel(1), postgres.getMetaData().getColumnLabel(2), postgres.getMetaData().getColumnLabel(3));
                assertThat(basin.rows().stream().map(row -> (String) row.getFirst()).toList()).contains("DateStyle", "TimeZone", "search_path", "statement_timeout", "query_max_memory");
            }
        }
    }

    @Test
    void testErrors()
    {
        assertBothFail("SHOW no_such_setting", "42704", "unrecognized configuration parameter \"no_such_setting\"");
        assertBothFail("SET no_such_setting = 1", "42704", "unrecognized configuration parameter \"no_such_setting\"");
        assertBothFail("SET server_version = '1'", "55P02", "parameter \"server_version\" cannot be changed");
        assertBothFail("SET extra_float_digits = 10", "22023", "10 is outside the valid range for parameter \"extra_float_digits\"");
        assertBothFail("SET client_min_messages = 'loud'", "22023", "invalid value for parameter \"client_min_messages\"");
        assertBothFail("SET statement_timeout = 'abc'", "22023", "invalid value for parameter \"statement_timeout\"");
        assertBothFail("SET TimeZone = 'Mars/Base'", "22023", "invalid value for parameter \"TimeZone\"");
        // values Basin does not support, which PostgreSQL would accept
        assertQueryFails("SET client_encoding = 'LATIN1'", "0A000", "UTF8");
        assertQueryFails("SET standard_conforming_strings = off", "0A000", "standard_conforming_strings");
        assertQueryFails("SET DateStyle = 'SQL, DMY'", "0A000", "ISO");
    }

    @Test
    void testSettingsAreVisibleToQueries()
    {
        assertions().executeInBoth(session(), "SET application_name = 'catalog test'");
        assertions().executeInBoth(session(), "SET statement_timeout = '4s'");
        assertQuery("SELECT name, setting, unit, source, vartype, context FROM pg_catalog.pg_settings WHERE name IN ('statement_timeout', 'application_name', 'lock_timeout', 'client_min_messages')");
        assertQuery("SELECT current_setting('application_name'), current_setting('STATEMENT_TIMEOUT'), current_setting('no.such', true)");
        assertions().executeInBoth(session(), "RESET statement_timeout");
        // set_config as clients call it: once, in a statement of one row
        assertQuery("SELECT set_config('statement_timeout', '2500', false)");
        assertQuery("SHOW statement_timeout");
        assertions().executeInBoth(session(), "RESET statement_timeout");
    }
}
