package io.basin.metadata.pgcatalog;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static io.basin.metadata.pgcatalog.CatalogRowsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions clients' catalog queries call, against PostgreSQL: format_type over every
 * built-in type and many modifiers, quote_ident, the regular expression operators, constant
 * arrays, and the session functions.
 */
class TestCatalogFunctions
        extends BasePostgresOracleTest
{
    @Test
    void testFormatType()
    {
        // types with a modifier syntax of their own (and their arrays), over many modifiers
        List<Long> modifiable = List.of(1042L, 1043L, 1083L, 1114L, 1184L, 1266L, 1560L, 1562L, 1700L, 1014L, 1015L, 1183L, 1115L, 1185L, 1270L, 1561L, 1563L, 1231L);
        List<String> typmods = List.of("NULL", "-1", "0", "3", "4", "5", "10", "24",
                String.valueOf(((10 << 16) | 2) + 4),          // numeric(10,2)
                String.valueOf(((38 << 16) | 0) + 4),          // numeric(38,0)
                String.valueOf(((5 << 16) | (0x7FF & -2)) + 4)); // numeric(5,-2)
        // interval's modifiers encode fields; PostgreSQL rejects other numbers for it
        List<Long> intervals = List.of(1186L, 1187L);
        List<String> intervalTypmods = List.of("NULL", "-1",
                String.valueOf((6 << 16) | 0xFFFF),             // year to month
                String.valueOf((4 << 16) | 0xFFFF),             // year
                String.valueOf((0x7FFF << 16) | 3),             // (3)
                String.valueOf(((8 | 1024 | 2048 | 4096) << 16) | 2), // day to second(2)
                String.valueOf(((1024 | 2048) << 16) | 0xFFFF)); // hour to minute
        // every other type without a modifier, given and not
        List<Long> others = new ArrayList<>(BuiltinTypes.all().stream().map(BuiltinType::oid).filter(oid -> !modifiable.contains(oid) && !intervals.contains(oid)).toList());
        others.add(0L);
        others.add(99999L);
        StringJoiner values = new StringJoiner(", ");
        addPairs(values, modifiable, typmods);
        addPairs(values, intervals, intervalTypmods);
        addPairs(values, others, List.of("NULL", "-1"));
        // modifiers from a column (a NULL one means "not given", as a NULL literal does)
        assertQuery("SELECT o, t, format_type(o::oid, t) FROM (VALUES " + values + ") AS v(o, t)");
        for (String constant : List.of("format_type(1042, NULL)", "format_type(1043, NULL)", "format_type(1042, -1)", "format_type(NULL, 4)",
                "format_type(1700, 655366)", "format_type(1015, 24)", "format_type(25, 5)", "format_type(22, -1)")) {
            assertQuery("SELECT " + constant);
        }
    }

    private static void addPairs(StringJoiner values, List<Long> oids, List<String> typmods)
    {
        for (long oid : oids) {
            for (String typmod : typmods) {
                values.add("(" + oid + ", " + (typmod.equals("NULL") ? "CAST(NULL AS integer)" : typmod) + ")");
            }
        }
    }

    @Test
    void testQuoteIdent()
    {
        StringJoiner values = new StringJoiner(", ");
        for (String word : List.of("public", "Public", "tpch.tiny", "select", "user", "table", "name", "text", "abc_1", "1abc", "_x", "a b", "x\"y", "", "über", "order", "current_user", "integer")) {
            values.add("('" + word + "')");
        }
        assertQuery("SELECT w, quote_ident(w) FROM (VALUES " + values + ") AS v(w)");
    }

    @Test
    void testRegularExpressionOperators()
    {
        StringJoiner values = new StringJoiner(", ");
        for (String text : List.of("pg_catalog", "pg_toast", "public", "PG_X", "information_schema")) {
            values.add("('" + text + "')");
        }
        assertQuery("SELECT s, s ~ '^pg_', s !~ '^pg_', s ~* '^pg_', s !~* '^pg_', s OPERATOR(pg_catalog.~) '^(public)$' COLLATE pg_catalog.default FROM (VALUES " + values + ") AS v(s)");
    }

    @Test
    void testEscapeStrings()
    {
        assertQuery("SELECT E'a\\nb', E'it\\'s', e'\\x41\\101\\u00e9\\U0001F600', E'x''y', 'plain\\n', E'tab\\there', E'back\\\\slash'");
        // psql's pattern for \dt "tpch.tiny".*
        assertThat(text(session().execute("SELECT nspname FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.~) E'^(tpch\\\\.tiny)$' COLLATE pg_catalog.default")))
                .containsExactly(List.of("tpch.tiny"));
    }

    @Test
    void testChainedCasts()
    {
        // casts apply from the left: (12::integer)::text
        assertQuery("SELECT 12::integer::text || 'x', 2.5::numeric(3,1)::text, '7'::int2::int8 + 1");
    }

    @Test
    void testConstantArrays()
    {
        assertQuery("SELECT 2 = ANY(ARRAY[1, 2, 3]), 5 = ANY(ARRAY[1, 2]), 5 <> ALL(ARRAY[1, 2]), 'd' = ANY('{a,d}'::text[])");
        assertQuery("SELECT array_to_string(ARRAY['a', 'b', NULL, 'c'], ','), array_to_string(ARRAY['a', NULL], ',', '*'), array_upper(ARRAY[1, 2, 3], 1), " +
                "array_lower(ARRAY[1, 2], 1), (ARRAY['x', 'y'])[2], (ARRAY['x', 'y'])[3], cardinality(ARRAY[1, 2])");
        assertQuery("SELECT i, (ARRAY['x', 'y', 'z'])[i] FROM (VALUES (1), (2), (3), (4)) AS v(i)");
        assertQuery("SELECT s FROM (VALUES ('a'), ('b'), ('c')) AS v(s) WHERE s = ANY(ARRAY['a', 'c'])");
        assertQuery("SELECT s.r FROM generate_series(1, 5) AS s(r)");
        assertQuery("SELECT s.r FROM pg_catalog.generate_series(10, 1, -3) AS s(r)");
    }

    @Test
    void testSessionFunctions()
    {
        // Basin's session: user basin, database dev, search path "$user", public
        assertThat(text(session().execute("SELECT current_user, session_user, user, current_database(), current_catalog, current_schema, current_schema()")))
                .containsExactly(List.of("basin", "basin", "basin", "dev", "dev", "public", "public"));
        assertThat(text(session().execute("SELECT current_schemas(false), current_schemas(true), (pg_catalog.current_schemas(true))[1]")))
                .containsExactly(List.of("{public}", "{pg_catalog,public}", "pg_catalog"));
        assertThat(text(session().execute("SELECT pg_backend_pid() > 0, pg_is_in_recovery(), current_setting('DateStyle'), current_setting('no.such', true), " +
                "has_schema_privilege('public', 'USAGE'), has_table_privilege('pg_class', 'SELECT'), has_database_privilege('dev', 'CONNECT')")))
                .containsExactly(java.util.Arrays.asList("true", "false", "ISO, MDY", null, "true", "true", "true"));
        assertThat(text(session().execute("SELECT version()")).getFirst().getFirst()).startsWith("PostgreSQL 15.");
        // as PostgreSQL: the first schema of the path that exists, and the path's existing schemas
        session().execute("CREATE SCHEMA s1");
        assertions().executeOnPostgres("CREATE SCHEMA IF NOT EXISTS s1");
        try {
            String set = "SET search_path = no_such_schema, s1, public";
            assertions().executeInBoth(session(), set);
            assertQuery("SELECT current_schema(), array_to_string(current_schemas(false), ','), array_to_string(current_schemas(true), ',')");
        }
        finally {
            assertions().executeInBoth(session(), "RESET search_path");
            assertions().executeOnPostgres("SET search_path = " + getClass().getSimpleName().toLowerCase(java.util.Locale.ENGLISH));
        }
    }

    @Test
    void testRoles()
    {
        // roles are cluster-wide in PostgreSQL: drop what an earlier run left
        assertions().executeOnPostgres("DROP ROLE IF EXISTS catalog_alice");
        assertions().executeOnPostgres("DROP ROLE IF EXISTS catalog_group");
        assertions().executeInBoth(session(), "CREATE USER catalog_alice CREATEDB CONNECTION LIMIT 3");
        assertions().executeInBoth(session(), "CREATE ROLE catalog_group");
        try {
            assertQuery("SELECT rolname, rolsuper, rolcreatedb, rolcanlogin, rolconnlimit, rolvaliduntil FROM pg_catalog.pg_roles WHERE rolname LIKE 'catalog%'");
            assertQuery("SELECT usename, usecreatedb, usesuper FROM pg_catalog.pg_user WHERE usename LIKE 'catalog%'");
            assertQuery("SELECT r.rolname, pg_get_userbyid(r.oid) FROM pg_catalog.pg_roles r WHERE r.rolname LIKE 'catalog%'");
        }
        finally {
            assertions().executeInBoth(session(), "DROP ROLE catalog_alice, catalog_group");
        }
    }

    @Test
    void testCatalogLookups()
    {
        session().execute("CREATE TABLE lookup_t (a integer)");
        List<List<String>> oids = text(session().execute("SELECT 'lookup_t'::regclass, 'public.lookup_t'::regclass, to_regclass('no_such'), " +
                "'pg_class'::regclass, 'pg_catalog.pg_type'::regclass, '\"tpch.tiny\".nation'::regclass = 'tpch.tiny.nation'::regclass, 'integer'::regtype, 'public'::regnamespace"));
        assertThat(oids.getFirst().get(0)).isEqualTo(oids.getFirst().get(1)).isNotNull();
        assertThat(oids.getFirst().get(2)).isNull();
        // PostgreSQL's fixed oids
        assertThat(oids.getFirst().subList(3, 8)).containsExactly("1259", "1247", "true", "23", "2200");
        String oid = oids.getFirst().getFirst();
        assertThat(text(session().execute("SELECT relname, pg_table_is_visible(oid), pg_get_userbyid(relowner), pg_get_userbyid(424242), obj_description(oid, 'pg_class') " +
                "FROM pg_catalog.pg_class WHERE oid = " + oid)))
                .containsExactly(java.util.Arrays.asList("lookup_t", "true", "basin", "unknown (OID=424242)", null));
        assertThat(text(session().execute("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
                "WHERE n.nspname = 'tpch.tiny' AND pg_table_is_visible(c.oid)"))).containsExactly(List.of("0"));
    }
}
