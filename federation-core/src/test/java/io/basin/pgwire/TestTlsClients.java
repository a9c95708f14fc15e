package io.basin.pgwire;

import io.basin.pgwire.TestingPgSocket.BackendMessage;
import io.basin.testing.TestingCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static io.basin.pgwire.TestingPgSocket.concat;
import static io.basin.pgwire.TestingPgSocket.sslRequest;
import static io.basin.pgwire.TestingPgSocket.startup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * psql, PostgreSQL JDBC and Redshift JDBC over TLS, with a throw-away certificate made by the
 * JDK's keytool. The server requires TLS, so a query that works proves the connection is
 * encrypted; the clients do not verify the certificate ({@code sslmode=require}).
 */
@TestInstance(PER_CLASS)
final class TestTlsClients
{
    @TempDir
    static Path directory;

    private SSLContext tls;
    private TestingPgWireServer server;

    @BeforeAll
    void setUp()
            throws Exception
    {
        TestingCertificate certificate = TestingCertificate.selfSigned(directory, "server");
        tls = TlsContexts.fromKeyStore(certificate.keyStore(), certificate.password());
        server = new TestingPgWireServer(PgWireConfig.defaults().withTls(PgWireConfig.SslMode.REQUIRE, Optional.of(tls)));
    }

    @AfterAll
    void tearDown()
    {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void testPsql()
    {
        TestingPsql encrypted = new TestingPsql(new TestingPsql.Target(server.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, Map.of("PGSSLMODE", "require")));
        TestingPsql.Result result = encrypted.run("-A", "-t", "-c", "SELECT 40 + 2", "-c", "\\conninfo");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).startsWith("42\n").contains("SSL connection (protocol: TLSv1.");

        TestingPsql plain = new TestingPsql(new TestingPsql.Target(server.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, Map.of("PGSSLMODE", "disable")));
        TestingPsql.Result refused = plain.run("-c", "SELECT 1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("FATAL:  connection for user \"basin\" rejected: this server requires SSL");
    }

    @Test
    void testPostgresJdbc()
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("sslmode", "require");
        try (Connection connection = server.createConnection(properties)) {
            assertThat(oneValue(connection, "SELECT count(*) FROM tpch.tiny.nation")).isEqualTo("25");
        }
        properties.setProperty("sslmode", "disable");
        assertThatThrownBy(() -> server.createConnection(properties))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    }

    @Test
    void testRedshiftJdbc()
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", TestingPgWireServer.USER);
        properties.setProperty("ssl", "true");
        // encrypted, certificate not verified (it is self-signed)
        properties.setProperty("sslfactory", "com.amazon.redshift.ssl.NonValidatingFactory");
        try (Connection connection = DriverManager.getConnection("jdbc:redshift://127.0.0.1:%d/dev".formatted(server.port()), properties)) {
            assertThat(oneValue(connection, "SELECT count(*) FROM tpch.tiny.region")).isEqualTo("5");
        }
    }

    @Test
    void testUnencryptedBytesAfterSslRequest()
            throws SQLException
    {
        // bytes sent behind an SSLRequest, before the handshake, could have been injected by a man in the
        // middle: the server refuses them, as PostgreSQL does since CVE-2021-23214
        try (TestingPgSocket connection = TestingPgSocket.connect(server.port(), Duration.ofSeconds(5))) {
            connection.send(concat(sslRequest(), startup(Map.of("user", "basin", "database", "dev"))));
            assertThat(connection.readByte()).isEqualTo('S');
            List<BackendMessage> messages = connection.readUntilClosed();
            assertThat(messages).hasSize(1);
            assertThat(messages.getFirst().severity()).isEqualTo("FATAL");
            assertThat(messages.getFirst().sqlState()).isEqualTo("08P01");
            assertThat(messages.getFirst().fields().get('M')).isEqualTo("received unencrypted data after SSL request");
        }
        // and a client that says yes to TLS and then sends no handshake is dropped
        try (TestingPgSocket connection = TestingPgSocket.connect(server.port(), Duration.ofSeconds(5))) {
            connection.send(sslRequest());
            assertThat(connection.readByte()).isEqualTo('S');
            connection.trySend("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // whatever TLS alert comes back, the connection ends
            int bytes = 0;
            try {
                while (connection.readByte() >= 0) {
                    bytes++;
                }
            }
            catch (java.io.UncheckedIOException e) {
                // reset by the server: ended too
            }
            assertThat(bytes).isLessThan(100);
        }
        // no session was left, and the server still serves TLS clients
        Properties properties = new Properties();
        properties.setProperty("sslmode", "require");
        try (Connection connection = server.createConnection(properties)) {
            assertThat(oneValue(connection, "SELECT 1")).isEqualTo("1");
            assertThat(server.server().sessionCount()).isEqualTo(1);
        }
    }

    private static String oneValue(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
