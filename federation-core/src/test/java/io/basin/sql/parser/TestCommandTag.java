package io.basin.sql.parser;

import org.junit.jupiter.api.Test;

import static io.basin.sql.parser.CommandTag.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Statements without rows print PostgreSQL's command tags. */
class TestCommandTag
{
    @Test
    void testTags()
    {
        assertThat(of("INSERT INTO t VALUES (1), (2), (3)", 3)).isEqualTo("INSERT 0 3");
        assertThat(of("insert into t select * from u", 0)).isEqualTo("INSERT 0 0");
        assertThat(of("CREATE TABLE t (a int)", -1)).isEqualTo("CREATE TABLE");
        assertThat(of("create temporary table t (a int)", -1)).isEqualTo("CREATE TABLE");
        assertThat(of("CREATE TABLE IF NOT EXISTS t (a int)", -1)).isEqualTo("CREATE TABLE");
        // CREATE TABLE AS reports its rows as PostgreSQL does
        assertThat(of("CREATE TABLE t AS SELECT * FROM tpch.tiny.nation", 25)).isEqualTo("SELECT 25");
        assertThat(of("CREATE SCHEMA s", -1)).isEqualTo("CREATE SCHEMA");
        assertThat(of("CREATE OR REPLACE VIEW v AS SELECT 1", -1)).isEqualTo("CREATE VIEW");
        assertThat(of("CREATE MATERIALIZED VIEW v AS SELECT 1", -1)).isEqualTo("CREATE MATERIALIZED VIEW");
        assertThat(of("DROP TABLE IF EXISTS t", -1)).isEqualTo("DROP TABLE");
        assertThat(of("drop schema s cascade", -1)).isEqualTo("DROP SCHEMA");
        assertThat(of("SET search_path = public", -1)).isEqualTo("SET");
        assertThat(of("RESET ALL", -1)).isEqualTo("RESET");
        assertThat(of("DELETE FROM t", 4)).isEqualTo("DELETE 4");
        assertThat(of("UPDATE t SET a = 1", 2)).isEqualTo("UPDATE 2");
        assertThat(of("/* why */ -- because\n  insert into t values (1)", 1)).isEqualTo("INSERT 0 1");
        assertThat(of("VACUUM", -1)).isEqualTo("VACUUM");
    }
}
