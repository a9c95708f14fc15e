package io.basin.pgwire.auth;

import io.basin.catalog.password.Md5PasswordHash;
import io.basin.catalog.password.ScramSha256Verifier;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL 17 as the oracle for the stored password forms: verifiers Basin makes log in to
 * PostgreSQL (through pgjdbc, with the plain password), and verifiers PostgreSQL makes check the
 * same passwords in Basin. Non-ASCII passwords test SASLprep against PostgreSQL's.
 * <p>
 * The shared test server trusts every local connection, so the roles made here get their own
 * {@code pg_hba.conf} lines, first in the file, requiring scram-sha-256 or md5; the file is put
 * back afterwards.
 */
class TestPasswordVerifiersWithPostgreSql
{
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SCRAM_ROLE_PREFIX = "basin_scram_";
    private static final String MD5_ROLE_PREFIX = "basin_md5_";
    private static final List<String> PASSWORDS = List.of("s3cret", "pässwörd", "пароль", "密码", "ﬁsh\u00AD", "a\u00A0b", "e\u0301", "\uD83D\uDD11key");

    private static TestingPostgreSqlServer server;
    private static Path hbaFile;
    private static String originalHba;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        server = TestingPostgreSqlServer.shared();
        try (Connection connection = server.createConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SHOW hba_file")) {
                result.next();
                hbaFile = Path.of(result.getString(1));
            }
            originalHba = Files.readString(hbaFile);
            String lines = """
                    host all /^%s 127.0.0.1/32 scram-sha-256
                    host all /^%s 127.0.0.1/32 md5
                    """.formatted(SCRAM_ROLE_PREFIX, MD5_ROLE_PREFIX);
            Files.writeString(hbaFile, lines + originalHba);
            reload(statement);
        }
    }

    @AfterAll
    static void tearDown()
            throws Exception
    {
        if (originalHba == null) {
            return;
        }
        try (Connection connection = server.createConnection();
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < PASSWORDS.size(); i++) {
                statement.execute("DROP ROLE IF EXISTS " + SCRAM_ROLE_PREFIX + i);
                statement.execute("DROP ROLE IF EXISTS " + MD5_ROLE_PREFIX + i);
                statement.execute("DROP ROLE IF EXISTS " + SCRAM_ROLE_PREFIX + "pg_" + i);
                statement.execute("DROP ROLE IF EXISTS " + MD5_ROLE_PREFIX + "pg_" + i);
            }
            Files.writeString(hbaFile, originalHba);
            reload(statement);
        }
    }

    private static void reload(Statement statement)
            throws SQLException
    {
        try (ResultSet result = statement.executeQuery("SELECT pg_reload_conf()")) {
            result.next();
            assertThat(result.getBoolean(1)).isTrue();
        }
    }

    @Test
    void testBasinScramVerifiersLogInToPostgreSql()
            throws Exception
    {
        for (int i = 0; i < PASSWORDS.size(); i++) {
            String role = SCRAM_ROLE_PREFIX + i;
            String password = PASSWORDS.get(i);
            String verifier = ScramSha256Verifier.create(password, RANDOM).encoded();
            createRole(role, verifier);
            assertThat(storedPassword(role)).isEqualTo(verifier);
            assertThat(logIn(role, password)).isEqualTo(role);
            assertWrongPassword(role, password + "x");
        }
    }

    @Test
    void testBasinMd5HashesLogInToPostgreSql()
            throws Exception
    {
        for (int i = 0; i < PASSWORDS.size(); i++) {
            String role = MD5_ROLE_PREFIX + i;
            String password = PASSWORDS.get(i);
            String hash = Md5PasswordHash.of(role, password).encoded();
            createRole(role, hash);
            assertThat(storedPassword(role)).isEqualTo(hash);
            assertThat(logIn(role, password)).isEqualTo(role);
            assertWrongPassword(role, password + "x");
        }
    }

    @Test
    void testPostgreSqlVerifiersCheckInBasin()
            throws Exception
    {
        for (int i = 0; i < PASSWORDS.size(); i++) {
            String password = PASSWORDS.get(i);
            String scramRole = SCRAM_ROLE_PREFIX + "pg_" + i;
            String md5Role = MD5_ROLE_PREFIX + "pg_" + i;
            createRoleHashedByPostgreSql(scramRole, password, "scram-sha-256");
            createRoleHashedByPostgreSql(md5Role, password, "md5");

            ScramSha256Verifier scram = ScramSha256Verifier.parse(storedPassword(scramRole)).orElseThrow();
            assertThat(scram.verifyPassword(password)).as("PostgreSQL's verifier of password %s", i).isTrue();
            assertThat(scram.verifyPassword(password + "x")).isFalse();
            assertThat(scram.iterations()).isEqualTo(4096);
            assertThat(scram.salt()).hasSize(16);
            // PostgreSQL's md5 is what Basin computes
            assertThat(storedPassword(md5Role)).isEqualTo(Md5PasswordHash.of(md5Role, password).encoded());
        }
    }

    private static void createRole(String role, String storedPassword)
            throws SQLException
    {
        try (Connection connection = server.createConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + role);
            // a string in stored form is taken as the verifier itself; it contains no quote
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + storedPassword + "'");
        }
    }

    private static void createRoleHashedByPostgreSql(String role, String password, String encryption)
            throws SQLException
    {
        try (Connection connection = server.createConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + role);
            statement.execute("SET password_encryption = '" + encryption + "'");
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD " + quote(password));
        }
    }

    private static String quote(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String storedPassword(String role)
            throws SQLException
    {
        try (Connection connection = server.createConnection();
                PreparedStatement select = connection.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
            select.setString(1, role);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }
    }

    private static String logIn(String role, String password)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), properties);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_user")) {
            result.next();
            return result.getString(1);
        }
    }

    private static void assertWrongPassword(String role, String password)
    {
        assertThatThrownBy(() -> logIn(role, password))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"))
                .hasMessageContaining("password authentication failed for user \"%s\"".formatted(role));
    }
}
