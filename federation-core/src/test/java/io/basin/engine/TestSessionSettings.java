package io.basin.engine;

import io.basin.error.BasinException;
import io.basin.testing.TestingBasin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What PostgreSQL does around transactions and the wire protocol, which the SQL tests against
 * PostgreSQL cannot reach through Basin's statement API yet: SET LOCAL lasts until the
 * transaction ends, a rollback undoes SET, startup parameters become RESET's values, the
 * ParameterStatus reports, and statement_timeout cancelling a running query.
 */
class TestSessionSettings
{
    private static SessionSettings settings()
    {
        return new SessionSettings("alice", "dev", 1L << 30);
    }

    @Test
    void testTransactionScopes()
    {
        SessionSettings settings = settings();
        settings.beginTransaction();
        settings.set("statement_timeout", List.of("5s"), true);
        settings.set("application_name", List.of("kept"), false);
        assertThat(settings.show("statement_timeout")).isEqualTo("5s");
        settings.commitTransaction();
        assertThat(settings.show("statement_timeout")).isEqualTo("0");
        assertThat(settings.show("application_name")).isEqualTo("kept");

        settings.beginTransaction();
        settings.set("application_name", List.of("undone"), false);
        settings.set("search_path", List.of("a", "b"), true);
        assertThat(settings.searchPath()).containsExactly("a", "b");
        settings.rollbackTransaction();
        assertThat(settings.show("application_name")).isEqualTo("kept");
        assertThat(settings.searchPath()).containsExactly("$user", "public");

        // outside a transaction block, SET LOCAL does nothing
        settings.set("statement_timeout", List.of("5s"), true);
        assertThat(settings.show("statement_timeout")).isEqualTo("0");
    }

    @Test
    void testStartupParameters()
    {
        SessionSettings settings = settings();
        settings.setStartupParameter("application_name", "psql");
        settings.setStartupParameter("DateStyle", "ISO, DMY");
        settings.set("application_name", "changed");
        settings.resetAll();
        assertThat(settings.show("application_name")).isEqualTo("psql");
        assertThat(settings.show("datestyle")).isEqualTo("ISO, DMY");
        assertThat(settings.all().stream().filter(setting -> setting.name().equals("application_name")).findFirst().orElseThrow().source()).isEqualTo("client");
        // what drivers say about themselves (Amazon Redshift's driver) is recorded, not refused
        settings.setStartupParameter("driver_version", "2.1.0.34");
        assertThat(settings.show("driver_version")).isEqualTo("2.1.0.34");
        assertThatThrownBy(() -> settings.setStartupParameter("client_encoding", "LATIN1"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }

    @Test
    void testReportableChanges()
    {
        SessionSettings settings = settings();
        Map<String, String> initial = settings.reportableChanges();
        assertThat(initial).containsEntry("server_version", SettingDefinitions.SERVER_VERSION)
                .containsEntry("client_encoding", "UTF8")
                .containsEntry("DateStyle", "ISO, MDY")
                .containsEntry("TimeZone", "UTC")
                .containsEntry("integer_datetimes", "on")
                .containsEntry("standard_conforming_strings", "on")
                .containsEntry("application_name", "")
                .containsEntry("IntervalStyle", "postgres")
                .containsEntry("is_superuser", "on")
                .containsEntry("session_authorization", "alice")
                .doesNotContainKey("search_path");
        assertThat(settings.reportableChanges()).isEmpty();
        settings.set("application_name", "app");
        settings.set("search_path", "x");
        settings.set("TimeZone", "Europe/Paris");
        assertThat(settings.reportableChanges()).containsExactlyInAnyOrderEntriesOf(Map.of("application_name", "app", "TimeZone", "Europe/Paris"));
        settings.set("application_name", "app");
        assertThat(settings.reportableChanges()).isEmpty();
    }

    @Test
    void testTypedValues()
    {
        SessionSettings settings = settings();
        settings.set("search_path", List.of("tpch.tiny", "public"), false);
        assertThat(settings.catalog()).isEqualTo("tpch");
        assertThat(settings.schema()).isEqualTo("tiny");
        assertThat(settings.show("search_path")).isEqualTo("\"tpch.tiny\", public");
        settings.set("query_max_memory", "512MB");
        assertThat(settings.queryMaxMemoryBytes()).isEqualTo(512L << 20);
        assertThat(settings.show("query_max_memory")).isEqualTo("512MB");
        settings.set("statement_timeout", "2min");
        assertThat(settings.statementTimeoutMillis()).isEqualTo(120_000);
    }

    @Test
    void testStatementTimeoutCancels()
    {
        try (TestingBasin basin = new TestingBasin()) {
            basin.execute("SET statement_timeout = 100");
            long start = System.nanoTime();
            // seconds of work: a cross join counted
            assertThatThrownBy(() -> basin.execute("SELECT count(*) FROM tpch.sf1.lineitem a WHERE a.l_comment LIKE '%needle%' AND a.l_quantity * 2 > 0"))
                    .isInstanceOfSatisfying(BasinException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("57014");
                        assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
                    });
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
            basin.execute("RESET statement_timeout");
            assertThat(basin.execute("SELECT count(*) FROM tpch.tiny.nation").onlyValue()).isEqualTo(25L);
        }
    }
}
