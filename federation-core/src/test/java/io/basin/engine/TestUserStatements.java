package io.basin.engine;

import io.basin.catalog.SystemCatalog;
import io.basin.catalog.password.Md5PasswordHash;
import io.basin.catalog.password.ScramSha256Verifier;
import io.basin.catalog.user.CatalogUser;
import io.basin.catalog.user.UserAttributes;
import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.error.BasinException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User statements through the embedded API, on a data directory of their own. */
class TestUserStatements
{
    @TempDir
    Path dataDirectory;

    private Basin basin;
    private BasinSession session;

    @BeforeEach
    void setUp()
    {
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
    }

    @AfterEach
    void tearDown()
    {
        session.close();
        basin.close();
    }

    private CatalogUser user(String name)
    {
        return basin.engine().systemCatalog().users().find(name).orElseThrow();
    }

    @Test
    void testCatalogIsOpenedOnlyWhenNeeded()
    {
        session.execute("SELECT count(*) FROM tpch.tiny.nation");
        session.execute("CREATE TABLE t AS SELECT 1 AS x");
        assertThat(dataDirectory.resolve(SystemCatalog.FILE_NAME)).doesNotExist();
        session.execute("CREATE USER alice");
        assertThat(dataDirectory.resolve(SystemCatalog.FILE_NAME)).exists();
    }

    @Test
    void testCreateUser()
    {
        assertThat(session.execute("CREATE USER Alice WITH PASSWORD 'Hunter2x' CREATEDB VALID UNTIL '2030-01-02 03:04:05+01' CONNECTION LIMIT 7").updateCount()).isEqualTo(-1);
        CatalogUser alice = user("alice");
        UserAttributes attributes = alice.attributes();
        assertThat(attributes.superuser()).isFalse();
        assertThat(attributes.createDatabase()).isTrue();
        assertThat(attributes.canLogin()).isTrue();
        assertThat(attributes.passwordValidUntil()).contains(Instant.parse("2030-01-02T02:04:05Z"));
        assertThat(attributes.connectionLimit()).hasValue(7);
        // a plain password is kept as both verifiers; the md5 one is salted with the folded name
        assertThat(attributes.password().scram().orElseThrow().verifyPassword("Hunter2x")).isTrue();
        assertThat(attributes.password().md5()).contains(Md5PasswordHash.of("alice", "Hunter2x"));

        session.execute("CREATE USER \"Bob\" PASSWORD DISABLE CREATEUSER");
        assertThat(user("Bob").attributes().superuser()).isTrue();
        assertThat(user("Bob").attributes().password().isEmpty()).isTrue();

        session.execute("CREATE ROLE reader");
        assertThat(user("reader").attributes().canLogin()).isFalse();
        session.execute("CREATE ROLE writer LOGIN PASSWORD 'pw'");
        assertThat(user("writer").attributes().canLogin()).isTrue();
    }

    @Test
    void testStoredFormsAreKept()
    {
        String md5 = Md5PasswordHash.of("carol", "pw").encoded();
        session.execute("CREATE USER carol PASSWORD '" + md5 + "'");
        assertThat(user("carol").attributes().password().md5()).contains(Md5PasswordHash.parse(md5).orElseThrow());
        assertThat(user("carol").attributes().password().scram()).isEmpty();

        String scram = ScramSha256Verifier.create("pw", new SecureRandom()).encoded();
        session.execute("CREATE USER dave PASSWORD '" + scram + "'");
        assertThat(user("dave").attributes().password().scram().orElseThrow().encoded()).isEqualTo(scram);
        assertThat(user("dave").attributes().password().md5()).isEmpty();
    }

    @Test
    void testErrors()
    {
        session.execute("CREATE USER alice");
        assertError("CREATE USER alice", "42710", "role \"alice\" already exists");
        assertError("CREATE USER basin", "42710", "role \"basin\" already exists");
        assertError("ALTER USER nobody PASSWORD 'x'", "42704", "role \"nobody\" does not exist");
        assertError("DROP USER nobody", "42704", "role \"nobody\" does not exist");
        assertError("ALTER USER nobody RENAME TO somebody", "42704", "role \"nobody\" does not exist");
        assertError("CREATE USER public", "42939", "role name \"public\" is reserved");
        assertError("CREATE USER pg_x", "42939", "role name \"pg_x\" is reserved: role names starting with \"pg_\" are reserved");
        assertError("CREATE USER bob PASSWORD ''", "22023", "empty string is not a valid password");
        assertError("CREATE USER bob VALID UNTIL 'someday'", "22007", "invalid input syntax for type timestamp with time zone: \"someday\"");
        assertError("CREATE USER bob CONNECTION LIMIT -2", "22023", "invalid connection limit: -2");
        assertError("CREATE USER bob PASSWORD 'SCRAM-SHA-256$4096:broken'", "22023",
                "invalid SCRAM-SHA-256 verifier: expected SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey> in base64 with 32-byte keys");
        // the failed statements left nothing behind
        assertThat(basin.engine().systemCatalog().users().list()).extracting(CatalogUser::name).containsExactly("basin", "alice");
    }

    @Test
    void testDropUser()
    {
        session.execute("CREATE USER a");
        session.execute("CREATE USER b");
        assertError("DROP USER a, nobody", "42704", "role \"nobody\" does not exist");
        assertThat(basin.engine().systemCatalog().users().find("a")).isPresent();
        session.execute("DROP USER IF EXISTS a, nobody");
        assertThat(basin.engine().systemCatalog().users().find("a")).isEmpty();
        session.execute("DROP ROLE b");
        assertError("DROP USER basin", "55006", "current user cannot be dropped");

        // the bootstrap user cannot be dropped by anyone
        session.execute("CREATE USER admin SUPERUSER");
        try (Session admin = basin.engine().newSession("admin")) {
            assertThatThrownBy(() -> admin.execute("DROP USER basin"))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("2BP01"))
                    .hasMessage("cannot drop role basin because it is required by the database system");
            assertThatThrownBy(() -> admin.execute("ALTER USER basin NOSUPERUSER"))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));
        }
    }

    @Test
    void testAlterUser()
    {
        session.execute("CREATE USER alice PASSWORD 'first1'");
        session.execute("SET timezone = 'America/New_York'");
        session.execute("ALTER USER alice PASSWORD 'second2' NOCREATEDB CREATEUSER VALID UNTIL '2031-01-01' CONNECTION LIMIT UNLIMITED");
        UserAttributes attributes = user("alice").attributes();
        assertThat(attributes.password().verifyPassword("alice", "second2")).isTrue();
        assertThat(attributes.password().verifyPassword("alice", "first1")).isFalse();
        assertThat(attributes.superuser()).isTrue();
        // a date without an offset is midnight in the session's time zone
        assertThat(attributes.passwordValidUntil()).contains(Instant.parse("2031-01-01T05:00:00Z"));
        assertThat(attributes.connectionLimit()).isEmpty();

        session.execute("ALTER USER alice VALID UNTIL 'infinity' PASSWORD DISABLE NOSUPERUSER");
        attributes = user("alice").attributes();
        assertThat(attributes.passwordValidUntil()).isEmpty();
        assertThat(attributes.password().isEmpty()).isTrue();
        assertThat(attributes.superuser()).isFalse();
    }

    @Test
    void testRenameClearsMd5()
    {
        session.execute("CREATE USER alice PASSWORD 'pw1'");
        session.execute("ALTER USER alice RENAME TO carol");
        assertThat(basin.engine().systemCatalog().users().find("alice")).isEmpty();
        UserAttributes attributes = user("carol").attributes();
        assertThat(attributes.password().md5()).isEmpty();
        assertThat(attributes.password().scram().orElseThrow().verifyPassword("pw1")).isTrue();
        assertError("ALTER USER basin RENAME TO admin", "0A000", "current user cannot be renamed");
    }

    @Test
    void testPrivileges()
    {
        session.execute("CREATE USER alice PASSWORD 'pw1'");
        session.execute("CREATE USER bob PASSWORD 'pw2'");
        try (Session alice = basin.engine().newSession("alice")) {
            for (String sql : List.of("CREATE USER eve", "DROP USER bob", "ALTER USER bob PASSWORD 'x'", "ALTER USER alice CREATEUSER", "ALTER USER alice VALID UNTIL 'infinity'", "ALTER USER bob RENAME TO robert")) {
                assertThatThrownBy(() -> alice.execute(sql))
                        .as(sql)
                        .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"))
                        .hasMessageStartingWith("permission denied to ");
            }
            // a user may change its own password
            alice.execute("ALTER USER alice PASSWORD 'mine3'");
        }
        assertThat(user("alice").attributes().password().verifyPassword("alice", "mine3")).isTrue();
        assertThat(user("bob").attributes().password().verifyPassword("bob", "pw2")).isTrue();
        // an unknown session user has no privileges
        try (Session ghost = basin.engine().newSession("ghost")) {
            assertThatThrownBy(() -> ghost.execute("CREATE USER x")).hasMessage("permission denied to create role: only superusers may");
        }
    }

    @Test
    void testPersistsAcrossRestart()
    {
        session.execute("CREATE USER alice PASSWORD 'pw1' CREATEDB");
        session.close();
        basin.close();
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
        CatalogUser alice = user("alice");
        assertThat(alice.attributes().createDatabase()).isTrue();
        assertThat(alice.attributes().password().verifyPassword("alice", "pw1")).isTrue();
        assertError("CREATE USER alice", "42710", "role \"alice\" already exists");
    }

    @Test
    void testPasswordNeverInErrors()
    {
        String secret = "Sup3rS3cret";
        session.execute("CREATE USER alice PASSWORD '" + secret + "'");
        List<String> failing = List.of(
                "CREATE USER alice PASSWORD '" + secret + "'",
                "CREATE USER bob PASSWORD '" + secret + "' '" + secret + "'",
                "CREATE USER bob '" + secret + "'",
                "CREATE USER bob PASSWORD '" + secret + "' PASSWORD '" + secret + "'",
                "CREATE USER bob PASSWORD '" + secret + "' CREATEROLE",
                "CREATE USER bob PASSWORD '" + secret,
                "ALTER USER nobody PASSWORD '" + secret + "'",
                "CREATE USER pg_bob PASSWORD '" + secret + "'",
                "CREATE USER bob PASSWORD 'SCRAM-SHA-256$" + secret + "'",
                "EXPLAIN CREATE USER bob PASSWORD '" + secret + "'");
        for (String sql : failing) {
            Throwable failure = null;
            try {
                session.execute(sql);
            }
            catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).as(sql).isNotNull();
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).as(sql).doesNotContain(secret);
        }
        assertThat(user("alice").toString()).doesNotContain(secret).doesNotContain(user("alice").attributes().password().md5().orElseThrow().encoded());
    }

    @Test
    void testRefusedInsideTransactionBlock()
    {
        // the catalog change would commit at once, so a ROLLBACK could not undo it
        try (Session block = basin.engine().newSession()) {
            block.execute("BEGIN");
            assertThatThrownBy(() -> block.execute("CREATE USER alice"))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
                    .hasMessageStartingWith("Writes inside a transaction block are not supported yet");
            block.execute("ROLLBACK");
            block.execute("CREATE USER alice");
        }
        assertThat(basin.engine().systemCatalog().users().find("alice")).isPresent();
    }

    @Test
    void testOtherStatementsStillWork()
    {
        // CREATE SCHEMA, DROP TABLE and friends are untouched by the user statements
        session.execute("CREATE SCHEMA s");
        session.execute("CREATE TABLE s.t (x integer)");
        session.execute("DROP TABLE s.t");
        session.execute("DROP SCHEMA s");
        assertThat(session.execute("SELECT 1").onlyValue()).isEqualTo(1);
    }

    private void assertError(String sql, String sqlState, String message)
    {
        assertThatThrownBy(() -> session.execute(sql))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState))
                .hasMessage(message);
    }
}
