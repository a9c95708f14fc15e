package io.basin.pgwire;

import io.basin.pgwire.TestingPgSocket.BackendMessage;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.basin.pgwire.TestPgWireHostileInput.sendAfterStartup;
import static io.basin.pgwire.TestPgWireHostileInput.sqlStates;
import static io.basin.pgwire.TestPgWireHostileInput.types;
import static io.basin.pgwire.TestingPgSocket.bind;
import static io.basin.pgwire.TestingPgSocket.concat;
import static io.basin.pgwire.TestingPgSocket.execute;
import static io.basin.pgwire.TestingPgSocket.message;
import static io.basin.pgwire.TestingPgSocket.parse;
import static io.basin.pgwire.TestingPgSocket.query;
import static io.basin.pgwire.TestingPgSocket.sslRequest;
import static io.basin.pgwire.TestingPgSocket.startup;
import static io.basin.pgwire.TestingPgSocket.sync;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Corners of the protocol where Basin answers byte for byte as PostgreSQL 17 does, which run
 * against both: command tags, text that is not UTF-8, protocol violations inside well-framed
 * messages (an ERROR, and the connection goes on), statements nested too deeply, and data sent
 * behind an SSLRequest.
 */
@TestInstance(PER_CLASS)
final class TestPgWireProtocolParity
{
    private TestingPgWireServer basin;
    private int postgresPort;

    @BeforeAll
    void setUp()
    {
        basin = new TestingPgWireServer();
        postgresPort = TestingPostgreSqlServer.shared().getPort();
    }

    @AfterAll
    void tearDown()
    {
        if (basin != null) {
            basin.close();
        }
    }

    /** START TRANSACTION has a command tag of its own. */
    @Test
    void testStartTransactionCommandTag()
    {
        byte[][] sequence = {query("START TRANSACTION; SELECT 1; COMMIT")};
        assertThat(commandTags(onBasin(sequence))).isEqualTo(commandTags(onPostgres(sequence))).containsExactly("START TRANSACTION", "SELECT 1", "COMMIT");
    }

    /** Invalid UTF-8 in a query is an ERROR 22021, and the connection goes on; it is never replaced and run. */
    @Test
    void testInvalidUtf8InQuery()
    {
        byte[][] sequence = {message('Q', concat("SELECT '".getBytes(UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE}, "' AS v\0".getBytes(UTF_8))), query("SELECT 1")};
        List<BackendMessage> onBasin = onBasin(sequence);
        assertThat(types(onBasin)).isEqualTo(types(onPostgres(sequence))).isEqualTo("EZTDCZ");
        assertThat(sqlStates(onBasin)).containsExactly("22021");
    }

    /**
     * A protocol violation inside a well-framed message (wrong Bind parameter count, bytes after a
     * query's terminator) is an ERROR; the connection goes on after Sync.
     */
    @Test
    void testProtocolViolationsInsideMessagesAreErrors()
    {
        byte[][] wrongCount = {parse("", "SELECT CAST($1 AS integer)"), bind("", ""), sync(), query("SELECT 1")};
        assertThat(types(onBasin(wrongCount))).isEqualTo(types(onPostgres(wrongCount))).isEqualTo("1EZTDCZ");
        byte[][] extraBytes = {message('Q', "SELECT 1\0SELECT 2\0".getBytes(UTF_8)), query("SELECT 1")};
        assertThat(types(onBasin(extraBytes))).isEqualTo(types(onPostgres(extraBytes))).isEqualTo("EZTDCZ");
    }

    /** A deeply nested expression is answered (2,000 additions) or refused with 54001 (100,000), and the connection goes on. */
    @Test
    void testDeeplyNestedExpressions()
    {
        byte[][] answered = {query("SELECT 1" + "+1".repeat(2000))};
        List<BackendMessage> onBasin = onBasin(answered);
        assertThat(types(onBasin)).isEqualTo("TDCZ");
        assertThat(onBasin.get(1).body()).isEqualTo(onPostgres(answered).get(1).body());
        byte[][] refused = {query("SELECT 1" + "+1".repeat(100_000)), query("SELECT 1")};
        assertThat(types(onBasin(refused))).isEqualTo(types(onPostgres(refused))).isEqualTo("EZTDCZ");
        assertThat(sqlStates(onBasin(refused))).containsExactly("54001");
    }

    /**
     * Bytes pipelined after an SSLRequest are refused even when TLS is declined: harmless without
     * TLS, but a client that needs TLS learns of a man in the middle this way.
     */
    @Test
    void testDataAfterDeclinedSslRequest()
    {
        try (TestingPgSocket connection = TestingPgSocket.connect(basin.port())) {
            connection.send(concat(sslRequest(), startup(Map.of("user", "basin", "database", "dev"))));
            assertThat(connection.readByte()).isEqualTo('N');
            List<BackendMessage> messages = connection.readUntilReady();
            assertThat(messages).hasSize(1);
            assertThat(messages.getFirst().sqlState()).isEqualTo("08P01");
        }
    }


    /** Bound text that is not valid UTF-8, or holds a NUL, is refused with 22021. */
    @Test
    void testInvalidBoundText()
    {
        for (byte[] value : List.of(new byte[] {'a', (byte) 0xFF}, new byte[] {'a', 0, 'b'})) {
            byte[][] sequence = {parse("", "SELECT $1 AS v", 25), bind("", "", new short[0], List.of(value), new short[0]), execute("", 0), sync()};
            assertThat(sqlStates(onBasin(sequence))).isEqualTo(sqlStates(onPostgres(sequence))).containsExactly("22021");
        }
    }

    // ---- helpers ----

    private List<BackendMessage> onBasin(byte[]... messages)
    {
        return sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, messages);
    }

    private List<BackendMessage> onPostgres(byte[]... messages)
    {
        return sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, messages);
    }

    private static List<String> commandTags(List<BackendMessage> messages)
    {
        return messages.stream().filter(message -> message.type() == 'C').map(message -> new String(message.body(), 0, message.body().length - 1, UTF_8)).toList();
    }
}
