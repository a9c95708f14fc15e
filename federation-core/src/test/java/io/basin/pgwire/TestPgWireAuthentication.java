package io.basin.pgwire;

import io.basin.pgwire.auth.AuthenticationMethod;
import io.basin.testing.TestingCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import javax.net.ssl.SSLContext;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Password authentication and TLS through the PostgreSQL JDBC driver. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestPgWireAuthentication
{
    private static final String PASSWORD = "Secr3t-ü pass";

    private TestingPgWireServer trusted;
    private PgWireServer scram;
    private PgWireServer md5;
    private PgWireServer cleartext;
    private PgWireServer tlsRequired;

    @BeforeAll
    void setUp()
            throws Exception
    {
        trusted = new TestingPgWireServer();
        try (Connection connection = trusted.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER alice PASSWORD '" + PASSWORD.replace("'", "''") + "'");
        }
        PgWireConfig base = PgWireConfig.defaults().withPort(0);
        scram = PgWireServer.start(trusted.basin().basin().engine(), base.withAuthentication(AuthenticationMethod.SCRAM_SHA_256, AuthenticationMethod.SCRAM_SHA_256));
        md5 = PgWireServer.start(trusted.basin().basin().engine(), base.withAuthentication(AuthenticationMethod.MD5, AuthenticationMethod.MD5));
        cleartext = PgWireServer.start(trusted.basin().basin().engine(), base.withAuthentication(AuthenticationMethod.PASSWORD, AuthenticationMethod.PASSWORD));
        tlsRequired = PgWireServer.start(trusted.basin().basin().engine(), base.withTls(PgWireConfig.SslMode.REQUIRE, Optional.of(selfSignedTls())));
    }

    @AfterAll
    void tearDown()
    {
        for (PgWireServer server : List.of(scram, md5, cleartext, tlsRequired)) {
            if (server != null) {
                server.close();
            }
        }
        if (trusted != null) {
            trusted.close();
        }
    }

    @Test
    void eachPasswordMethodAcceptsTheRightPassword()
            throws SQLException
    {
        for (PgWireServer server : List.of(scram, md5, cleartext)) {
            try (Connection connection = connect(server, "alice", PASSWORD, "disable"); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike()
    {
        for (PgWireServer server : List.of(scram, md5, cleartext)) {
            assertThatThrownBy(() -> connect(server, "alice", "wrong", "disable"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28P01");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("password authentication failed for user \"alice\"");
                    });
            assertThatThrownBy(() -> connect(server, "mallory", "wrong", "disable"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28P01");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("password authentication failed for user \"mallory\"");
                    });
        }
        // a server that keeps serving after failed logins
        assertThat(scram.sessionCount()).isZero();
    }

    @Test
    void connectionLimitOfAUser()
            throws SQLException
    {
        try (Connection admin = trusted.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER limited PASSWORD 'pw-limited' CONNECTION LIMIT 1");
        }
        try (Connection first = connect(scram, "limited", "pw-limited", "disable")) {
            assertThatThrownBy(() -> connect(scram, "limited", "pw-limited", "disable"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53300"));
            assertThat(first.isValid(5)).isTrue();
        }
        // the slot is released when the server has seen the connection close (asynchronously)
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Connection again = connect(scram, "limited", "pw-limited", "disable")) {
                assertThat(again.isValid(5)).isTrue();
                break;
            }
            catch (PSQLException e) {
                if (!"53300".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void trustStillRequiresAnExistingUser()
    {
        assertThatThrownBy(() -> connect(trusted.server(), "nobody", "", "disable"))
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    }

    @Test
    void tlsRequiredRefusesPlainConnectionsAndServesEncryptedOnes()
            throws SQLException
    {
        assertThatThrownBy(() -> connect(tlsRequired, "basin", "", "disable"))
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        try (Connection connection = connect(tlsRequired, "basin", "", "require"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 'over tls'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("over tls");
        }
    }

    @Test
    void tlsIsDeclinedWhenNotConfigured()
            throws SQLException
    {
        // sslmode=prefer asks, is told no, and continues in the clear
        try (Connection connection = connect(trusted.server(), "basin", "", "prefer"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }
    }

    private static Connection connect(PgWireServer server, String user, String password, String sslMode)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("sslmode", sslMode);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/dev", properties);
    }

    /** A throwaway self-signed certificate made with the JDK's keytool. */
    private static SSLContext selfSignedTls()
            throws Exception
    {
        TestingCertificate certificate = TestingCertificate.selfSigned(Files.createTempDirectory("basin-tls"), "server");
        return TlsContexts.fromKeyStore(certificate.keyStore(), certificate.password());
    }
}
