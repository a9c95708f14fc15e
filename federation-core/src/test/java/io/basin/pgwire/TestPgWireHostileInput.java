package io.basin.pgwire;

import io.basin.pgwire.TestingPgSocket.BackendMessage;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.pgwire.TestingPgSocket.bind;
import static io.basin.pgwire.TestingPgSocket.cString;
import static io.basin.pgwire.TestingPgSocket.cancelRequest;
import static io.basin.pgwire.TestingPgSocket.concat;
import static io.basin.pgwire.TestingPgSocket.describe;
import static io.basin.pgwire.TestingPgSocket.execute;
import static io.basin.pgwire.TestingPgSocket.gssEncRequest;
import static io.basin.pgwire.TestingPgSocket.int16;
import static io.basin.pgwire.TestingPgSocket.int32;
import static io.basin.pgwire.TestingPgSocket.message;
import static io.basin.pgwire.TestingPgSocket.messageWithLength;
import static io.basin.pgwire.TestingPgSocket.parse;
import static io.basin.pgwire.TestingPgSocket.query;
import static io.basin.pgwire.TestingPgSocket.sslRequest;
import static io.basin.pgwire.TestingPgSocket.startup;
import static io.basin.pgwire.TestingPgSocket.sync;
import static io.basin.pgwire.TestingPgSocket.terminate;
import static io.basin.pgwire.TestingPgSocket.untyped;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Bytes no well-behaved client sends: impossible lengths, truncated and unknown messages,
 * malformed bodies, wrong parameter counts, broken startup negotiation. Whatever arrives, the
 * server must answer with a protocol error (or just close), quickly, without allocating what a
 * length field claims, and go on serving everyone else with no session left behind. Where
 * PostgreSQL 17 behaves the same way it is the oracle for the SQLSTATE.
 */
@TestInstance(PER_CLASS)
final class TestPgWireHostileInput
{
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final Duration FAST = Duration.ofSeconds(3);

    private TestingPgWireServer basin;
    private int postgresPort;

    @BeforeAll
    void setUp()
    {
        basin = new TestingPgWireServer(PgWireConfig.defaults().withMaxMessageBytes(MAX_MESSAGE_BYTES));
        postgresPort = TestingPostgreSqlServer.shared().getPort();
        TpchPostgresLoader.load(TestingPostgreSqlServer.shared(), 0.01);
    }

    @AfterAll
    void tearDown()
    {
        if (basin != null) {
            basin.close();
        }
    }

    /** After every test the server answers a new client and holds no session of the hostile ones. */
    @AfterEach
    void assertServerHealthy()
            throws InterruptedException
    {
        assertAnswersSelectOne(basin.port());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (basin.server().sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(basin.server().sessionCount()).as("sessions left behind").isZero();
    }

    static void assertAnswersSelectOne(int port)
    {
        try (TestingPgSocket connection = TestingPgSocket.startSession(port, TestingPgWireServer.USER, TestingPgWireServer.DATABASE)) {
            connection.send(query("SELECT 1"));
            List<BackendMessage> messages = connection.readUntilReady();
            assertThat(types(messages)).isEqualTo("TDCZ");
            // one column, four bytes of length, the text "1"
            assertThat(messages.get(1).body()).containsExactly(0, 1, 0, 0, 0, 1, '1');
            connection.send(terminate());
        }
    }

    @Test
    void testStartupPacketLengths()
    {
        // PostgreSQL accepts startup packets of 8 to 10000 bytes
        for (int length : new int[] {-1, 0, 4, 7, 10_001, 1 << 20, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
                long start = System.nanoTime();
                connection.trySend(int32(length), int32(TestingPgSocket.PROTOCOL_3_0));
                List<BackendMessage> messages = connection.readUntilClosed();
                assertFatalProtocolViolation(messages, "startup packet of length " + length);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            }
        }
    }

    @Test
    void testMessageLengths()
    {
        for (int length : new int[] {-1, 0, 3, Integer.MIN_VALUE, MAX_MESSAGE_BYTES + 5, Integer.MAX_VALUE}) {
            for (char type : new char[] {'Q', 'P', 'B', 'S', 'X'}) {
                try (TestingPgSocket connection = session()) {
                    long start = System.nanoTime();
                    connection.trySend(messageWithLength(type, length, new byte[0]));
                    assertFatalProtocolViolation(connection.readUntilClosed(), "message '%s' of length %d".formatted(type, length));
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
                }
            }
        }
        // the limit itself is fine: a query of exactly MAX_MESSAGE_BYTES
        try (TestingPgSocket connection = session()) {
            String prefix = "SELECT 42 -- ";
            String sql = prefix + "x".repeat(MAX_MESSAGE_BYTES - prefix.length() - 1);
            connection.send(query(sql));
            assertThat(types(connection.readUntilReady())).isEqualTo("TDCZ");
        }
    }

    @Test
    void testStalledStartupIsClosedAfterTheAuthenticationTimeout()
            throws InterruptedException
    {
        // PostgreSQL's authentication_timeout: a client that connects and says nothing, or stops half
        // way through its startup packet, loses the connection; one that finished its startup keeps it
        try (TestingPgWireServer server = new TestingPgWireServer(PgWireConfig.defaults().withAuthenticationTimeout(Duration.ofSeconds(1)));
                TestingPgSocket silent = TestingPgSocket.connect(server.port(), Duration.ofSeconds(20));
                TestingPgSocket partial = TestingPgSocket.connect(server.port(), Duration.ofSeconds(20));
                TestingPgSocket started = TestingPgSocket.startSession(server.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE)) {
            partial.send(Arrays.copyOf(startup(Map.of("user", "basin")), 10));
            long start = System.nanoTime();
            assertThat(silent.readUntilClosed()).isEmpty();
            assertThat(partial.readUntilClosed()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            Thread.sleep(500);
            started.send(query("SELECT 1"));
            assertThat(types(started.readUntilReady())).isEqualTo("TDCZ");
        }
    }

    @Test
    void testDeclaredLengthIsNotAllocatedBeforeBytesArrive()
            throws InterruptedException
    {
        // 40 clients each declare a 60 MB query (under the default 64 MB limit) and send one byte of it:
        // the server must not reserve 2.4 GB for bytes that never come
        try (TestingPgWireServer server = new TestingPgWireServer()) {
            int clients = 40;
            int declared = 60 << 20;
            long before = usedHeapAfterGc();
            List<TestingPgSocket> connections = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    TestingPgSocket connection = TestingPgSocket.startSession(server.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE);
                    connections.add(connection);
                    connection.send(messageWithLength('Q', declared, new byte[] {'S'}));
                }
                assertThat(server.server().sessionCount()).isEqualTo(clients);
                // give every connection thread time to read the header and start on the body
                Thread.sleep(1000);
                long growth = usedHeapAfterGc() - before;
                assertThat(growth).as("heap held for %d declared messages of %d MB", clients, declared >> 20).isLessThan(256L << 20);
            }
            finally {
                connections.forEach(TestingPgSocket::close);
            }
            assertAnswersSelectOne(server.port());
        }
    }

    @Test
    void testTruncatedMessages()
    {
        // the client stops half way and closes: the connection ends, its session with it
        try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
            byte[] startup = startup(Map.of("user", "basin", "database", "dev"));
            connection.send(Arrays.copyOf(startup, startup.length / 2));
        }
        for (byte[] message : List.of(query("SELECT 1"), parse("", "SELECT 1"), bind("", ""), execute("", 0))) {
            TestingPgSocket connection = session();
            connection.send(Arrays.copyOf(message, message.length - 2));
            connection.close();
        }
        // a header alone
        TestingPgSocket connection = session();
        connection.send(new byte[] {'Q', 0, 0});
        connection.close();
    }

    @Test
    void testUnknownMessageTypes()
    {
        // 'A', 'K', 'R', 'T' are backend messages; 'p' is a password message outside authentication
        for (char type : new char[] {'y', '\0', (char) 0xFF, 'A', 'K', 'R', 'T', 'p', '!'}) {
            List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, message(type, new byte[0]));
            List<BackendMessage> onPostgres = sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, message(type, new byte[0]));
            assertFatalProtocolViolation(onPostgres, "PostgreSQL, message type " + (int) type);
            assertFatalProtocolViolation(onBasin, "message type " + (int) type);
        }
    }

    @Test
    void testMalformedMessageBodies()
    {
        List<byte[]> malformed = List.of(
                // Parse: negative and impossible parameter type counts, a missing terminator
                message('P', concat(cString(""), cString("SELECT 1"), int16(-1))),
                message('P', concat(cString(""), cString("SELECT 1"), int16(30000))),
                message('P', concat(cString(""), "SELECT 1".getBytes(UTF_8))),
                // Bind: a value length of -2, a value longer than the message, a result format count with no formats
                message('B', concat(cString(""), cString("s1"), int16(0), int16(1), int32(-2), int16(0))),
                message('B', concat(cString(""), cString("s1"), int16(0), int16(1), int32(1 << 20), "12".getBytes(UTF_8), int16(0))),
                message('B', concat(cString(""), cString("s1"), int16(0), int16(1), int32(1), "7".getBytes(UTF_8), int16(5))),
                // Describe and Close of an unknown kind, Execute with trailing bytes, a Sync with a body
                describe('X', "s1"),
                TestingPgSocket.close('Z', "s1"),
                message('E', concat(cString(""), int32(0), new byte[] {1, 2, 3})),
                message('S', new byte[] {1}),
                // a query with no terminator, or with bytes after it
                message('Q', "SELECT 1".getBytes(UTF_8)),
                message('Q', concat(cString("SELECT 1"), cString("SELECT 2"))));
        for (byte[] bytes : malformed) {
            String what = "message '%s' %s".formatted((char) bytes[0], Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 24))));
            List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, preparedS1(), bytes, sync(), query("SELECT 1"));
            List<BackendMessage> onPostgres = sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, preparedS1(), bytes, sync(), query("SELECT 1"));
            assertThat(sqlStates(onPostgres)).as("PostgreSQL, %s: %s", what, onPostgres).containsExactly("08P01");
            // an ERROR where the message's frame is intact (the connection goes on), as in PostgreSQL
            assertThat(sqlStates(onBasin)).as("%s: %s", what, onBasin).containsExactly("08P01");
            assertThat(types(onBasin)).as("%s: %s", what, onBasin).isEqualTo(types(onPostgres));
        }
    }

    @Test
    void testBindWithWrongParameterCounts()
    {
        String statement = "SELECT CAST($1 AS integer) + CAST($2 AS integer)";
        for (List<String> values : List.of(List.<String>of(), List.of("1"), List.of("1", "2", "3"))) {
            byte[] bind = bind("", "", values.toArray(String[]::new));
            List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, parse("", statement), bind, execute("", 0), sync());
            List<BackendMessage> onPostgres = sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, parse("", statement), bind, execute("", 0), sync());
            BackendMessage basinError = onlyError(onBasin);
            BackendMessage postgresError = onlyError(onPostgres);
            assertThat(basinError.sqlState()).isEqualTo(postgresError.sqlState()).isEqualTo("08P01");
            assertThat(basinError.fields().get('M')).isEqualTo(postgresError.fields().get('M'))
                    .isEqualTo("bind message supplies %d parameters, but prepared statement \"\" requires 2".formatted(values.size()));
        }
        // two parameter formats for three parameters
        byte[] bind = bind("", "", new short[] {0, 0}, List.of("1".getBytes(UTF_8), "2".getBytes(UTF_8), "3".getBytes(UTF_8)), new short[0]);
        String three = "SELECT CAST($1 AS integer) + CAST($2 AS integer) + CAST($3 AS integer)";
        assertThat(onlyError(sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, parse("", three), bind, sync())).sqlState())
                .isEqualTo(onlyError(sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, parse("", three), bind, sync())).sqlState())
                .isEqualTo("08P01");
        // and the right count works
        try (TestingPgSocket connection = session()) {
            connection.send(parse("", statement), bind("", "", "40", "2"), execute("", 0), sync());
            List<BackendMessage> messages = connection.readUntilReady();
            assertThat(types(messages)).isEqualTo("12DCZ");
            assertThat(messages.get(2).body()).endsWith("42".getBytes(UTF_8));
        }
    }

    @Test
    void testBoundValuesCannotChangeTheStatement()
    {
        // bytea in text format is \x and hex digits; anything else is an invalid value (22023, as in PostgreSQL), never SQL
        String injection = "\\x00' AS v, (SELECT count(*) FROM tpch.tiny.nation) AS injected --";
        byte[][] injected = {parse("", "SELECT $1 AS v", 17), bind("", "", injection), describe('P', ""), execute("", 0), sync()};
        assertThat(sqlStates(sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, injected)))
                .isEqualTo(sqlStates(sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, injected)))
                .containsExactly("22023");
        byte[][] valid = {parse("", "SELECT $1 AS v", 17), bind("", "", "\\x4142"), describe('P', ""), execute("", 0), sync()};
        List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, valid);
        assertThat(types(onBasin)).isEqualTo(types(sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, valid))).isEqualTo("12TDCZ");
        // one column described
        assertThat(Arrays.copyOf(onBasin.get(2).body(), 2)).containsExactly(0, 1);

        // text values with quotes, backslashes, comment markers and markers come back exactly as sent
        for (String value : List.of("x'' || 'y", "\\' || 'x", "a'); DROP TABLE nation; --", "$1", "'", "/* x */ --")) {
            byte[][] sequence = {parse("", "SELECT $1 AS v", 25), bind("", "", value), execute("", 0), sync()};
            List<BackendMessage> basinRows = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, sequence);
            List<BackendMessage> postgresRows = sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, sequence);
            assertThat(types(basinRows)).as("%s: %s", value, basinRows).isEqualTo(types(postgresRows)).isEqualTo("12DCZ");
            assertThat(basinRows.get(2).body()).isEqualTo(postgresRows.get(2).body()).endsWith(value.getBytes(UTF_8));
        }
    }

    @Test
    void testExecutesWithDifferentRowLimits()
    {
        // a portal suspended mid-page by a row limit, then executed with another limit or none
        // (0 or negative: all rows); the same rows in the same messages as PostgreSQL
        for (int[] limits : List.of(new int[] {1, 0}, new int[] {3, 5, 0}, new int[] {2, -1}, new int[] {24, 1, 1}, new int[] {25, 0}, new int[] {30, 0})) {
            List<byte[]> basinMessages = new ArrayList<>(List.of(parse("", "SELECT n_name FROM tpch.tiny.nation ORDER BY n_nationkey"), bind("", "")));
            List<byte[]> postgresMessages = new ArrayList<>(List.of(parse("", "SELECT n_name FROM tiny.nation ORDER BY n_nationkey"), bind("", "")));
            for (int limit : limits) {
                basinMessages.add(execute("", limit));
                postgresMessages.add(execute("", limit));
            }
            basinMessages.add(sync());
            postgresMessages.add(sync());
            List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, basinMessages.toArray(byte[][]::new));
            List<BackendMessage> onPostgres = sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, postgresMessages.toArray(byte[][]::new));
            assertThat(types(onBasin)).as("limits %s", Arrays.toString(limits)).isEqualTo(types(onPostgres));
            for (int i = 0; i < onBasin.size(); i++) {
                if (onBasin.get(i).type() == 'D') {
                    assertThat(onBasin.get(i).body()).isEqualTo(onPostgres.get(i).body());
                }
            }
        }
    }

    @Test
    void testExtendedProtocolErrorsSkipToSync()
    {
        // after an error the server ignores messages up to Sync, then is ready again; the same sequence as PostgreSQL
        List<byte[]> cases = List.of(
                execute("no_such_portal", 0),
                bind("", "no_such_statement"),
                describe('S', "no_such_statement"),
                describe('P', "no_such_portal"));
        for (byte[] failing : cases) {
            byte[][] sequence = {failing, parse("", "SELECT 1"), bind("", ""), execute("", 0), sync(), query("SELECT 2")};
            List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, sequence);
            List<BackendMessage> onPostgres = sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, sequence);
            assertThat(types(onBasin)).as("%s", onBasin).isEqualTo(types(onPostgres)).isEqualTo("EZTDCZ");
            assertThat(sqlStates(onBasin)).isEqualTo(sqlStates(onPostgres));
        }
        // a duplicate statement name
        byte[][] duplicate = {parse("dup", "SELECT 1"), parse("dup", "SELECT 2"), sync()};
        assertThat(sqlStates(sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, duplicate)))
                .isEqualTo(sqlStates(sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, duplicate)))
                .containsExactly("42P05");
    }

    @Test
    void testNulsInMessages()
    {
        // a NUL ends a string: what follows inside the same message is extra bytes, a protocol violation
        List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, message('Q', "SELECT 1\0; SELECT 2\0".getBytes(UTF_8)));
        assertThat(sqlStates(onBasin)).containsExactly("08P01");
        // NULs in startup parameters shift names and values; the server copes either way
        try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
            connection.send(untyped(concat(int32(TestingPgSocket.PROTOCOL_3_0), "user\0\0\0database\0dev\0\0".getBytes(UTF_8))));
            List<BackendMessage> messages = connection.readUntilClosed();
            assertThat(messages).isNotEmpty();
            assertThat(messages.getLast().severity()).isEqualTo("FATAL");
        }
    }

    @Test
    void testSslAndGssNegotiation()
    {
        // TLS is off: SSLRequest is declined with 'N', then garbage is an invalid startup packet
        try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
            connection.send(sslRequest());
            assertThat(connection.readByte()).isEqualTo('N');
            connection.trySend(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03});
            assertFatalProtocolViolation(connection.readUntilClosed(), "a TLS ClientHello after a declined SSLRequest");
        }
        // declined SSLRequest and GSSENCRequest, then a normal startup
        try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
            connection.send(gssEncRequest());
            assertThat(connection.readByte()).isEqualTo('N');
            connection.send(sslRequest());
            assertThat(connection.readByte()).isEqualTo('N');
            connection.send(startup(Map.of("user", "basin", "database", "dev")));
            assertThat(types(connection.readUntilReady())).startsWith("R").endsWith("KZ");
            connection.send(query("SELECT 1"));
            assertThat(types(connection.readUntilReady())).isEqualTo("TDCZ");
        }
        // an SSLRequest whose length is wrong
        try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
            connection.trySend(untyped(concat(int32(TestingPgSocket.SSL_REQUEST_CODE), int32(0))));
            assertFatalProtocolViolation(connection.readUntilClosed(), "an SSLRequest with a body");
        }
    }

    @Test
    void testCancelRequests()
    {
        // an unknown pid or a wrong key cancels nothing; the cancel connection just closes
        try (TestingPgSocket victim = session()) {
            for (byte[] cancel : List.of(cancelRequest(12345678, 1), cancelRequest(0, 0), untyped(concat(int32(TestingPgSocket.CANCEL_REQUEST_CODE), int32(1))))) {
                try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
                    connection.trySend(cancel);
                    List<BackendMessage> messages = connection.readUntilClosed();
                    assertThat(messages.stream().filter(message -> message.type() != 'E').toList()).isEmpty();
                }
            }
            victim.send(query("SELECT 1"));
            assertThat(types(victim.readUntilReady())).isEqualTo("TDCZ");
        }
    }

    @Test
    void testProtocolVersions()
    {
        // 2.0 is refused (0A000, as PostgreSQL); 3.x newer than 3.0 is negotiated down, unknown _pq_ options are listed
        try (TestingPgSocket connection = TestingPgSocket.connect(basin.port(), FAST)) {
            connection.send(untyped(concat(int32(2 << 16), cString("user"), cString("basin"), new byte[] {0})));
            List<BackendMessage> messages = connection.readUntilClosed();
            assertThat(messages).hasSize(1);
            assertThat(messages.getFirst().severity()).isEqualTo("FATAL");
            assertThat(messages.getFirst().sqlState()).isEqualTo("0A000");
        }
        byte[] newer = untyped(concat(int32((3 << 16) | 9), cString("user"), cString("basin"), cString("database"), cString("dev"), cString("_pq_.compression"), cString("on"), new byte[] {0}));
        byte[] newerForPostgres = untyped(concat(int32((3 << 16) | 9), cString("user"), cString("postgres"), cString("database"), cString("basin"), cString("_pq_.compression"), cString("on"), new byte[] {0}));
        List<BackendMessage> onBasin = startupMessages(basin.port(), newer);
        List<BackendMessage> onPostgres = startupMessages(postgresPort, newerForPostgres);
        assertThat(onBasin.getFirst().type()).isEqualTo(onPostgres.getFirst().type()).isEqualTo('v');
        assertThat(onBasin.getFirst().body()).isEqualTo(onPostgres.getFirst().body());
        assertThat(onBasin.getLast().type()).isEqualTo('Z');
    }

    @Test
    void testStartupWithoutUser()
    {
        List<BackendMessage> onBasin = startupMessages(basin.port(), startup(Map.of("database", "dev")));
        List<BackendMessage> onPostgres = startupMessages(postgresPort, startup(Map.of("database", "basin")));
        assertThat(onBasin).hasSize(1);
        assertThat(onBasin.getFirst().severity()).isEqualTo(onPostgres.getFirst().severity()).isEqualTo("FATAL");
        assertThat(onBasin.getFirst().sqlState()).isEqualTo(onPostgres.getFirst().sqlState()).isEqualTo("28000");
    }

    @Test
    void testFunctionCallIsAnsweredWithReadyForQuery()
    {
        // FunctionCall (here of OID 0, which PostgreSQL does not have either) is answered on its own: an error, then
        // ReadyForQuery, with no Sync; the connection goes on
        byte[] call = message('F', concat(int32(0), int16(0), int16(0), int16(0)));
        List<BackendMessage> onBasin = sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, call, query("SELECT 1"));
        List<BackendMessage> onPostgres = sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, call, query("SELECT 1"));
        assertThat(types(onBasin)).as("%s", onBasin).isEqualTo(types(onPostgres)).isEqualTo("EZTDCZ");
        assertThat(sqlStates(onBasin)).containsExactly("0A000");
    }

    @Test
    void testCopyDataOutsideCopyIsIgnored()
    {
        // PostgreSQL ignores CopyData, CopyDone and CopyFail outside COPY FROM STDIN
        byte[][] sequence = {message('d', "1\t2\n".getBytes(UTF_8)), message('c', new byte[0]), message('f', cString("nothing")), query("SELECT 1")};
        assertThat(types(sendAfterStartup(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, sequence)))
                .isEqualTo(types(sendAfterStartup(postgresPort, TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, sequence)))
                .isEqualTo("TDCZ");
    }

    @Test
    void testTerminateOrCloseInTheMiddle()
    {
        // Terminate after Parse and Bind, before Sync; and a close in the middle of a result
        try (TestingPgSocket connection = session()) {
            connection.send(parse("s", "SELECT n_name FROM tpch.tiny.nation"), bind("p", "s"), terminate());
            assertThat(connection.readUntilClosed().stream().filter(message -> message.type() == 'E').toList()).isEmpty();
        }
        try (TestingPgSocket connection = session()) {
            connection.send(query("SELECT * FROM tpch.tiny.lineitem"));
            assertThat(connection.read()).isPresent();
        }
    }

    @Test
    void testDeeplyNestedExpressionDoesNotTakeTheServerDown()
    {
        // 2000 nested additions overflow the parser's stack today: the connection may end (see the
        // report), but the server and other sessions are unaffected
        try (TestingPgSocket bystander = session()) {
            try (TestingPgSocket connection = session()) {
                connection.trySend(query("SELECT 1" + "+1".repeat(2000)));
                List<BackendMessage> messages = connection.readUntilReady();
                assertThat(messages).isNotNull();
            }
            bystander.send(query("SELECT 1"));
            assertThat(types(bystander.readUntilReady())).isEqualTo("TDCZ");
        }
    }

    // ---- helpers ----

    private TestingPgSocket session()
    {
        return TestingPgSocket.startSession(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE);
    }

    private static byte[] preparedS1()
    {
        return parse("s1", "SELECT CAST($1 AS integer)");
    }

    /** Starts a session, sends {@code messages} and returns everything up to the ReadyForQuery after the last Sync or Query, or to the end of the connection. */
    static List<BackendMessage> sendAfterStartup(int port, String user, String database, byte[]... messages)
    {
        try (TestingPgSocket connection = TestingPgSocket.startSession(port, user, database)) {
            boolean sent = connection.trySend(messages);
            long readies = Arrays.stream(messages).filter(message -> message[0] == 'S' || message[0] == 'Q' || message[0] == 'F').count();
            List<BackendMessage> received = new ArrayList<>();
            for (long i = 0; i < Math.max(1, readies); i++) {
                List<BackendMessage> batch = connection.readUntilReady();
                received.addAll(batch);
                if (batch.isEmpty() || batch.getLast().type() != 'Z') {
                    break;
                }
            }
            assertThat(sent || !received.isEmpty()).isTrue();
            return received;
        }
    }

    private static List<BackendMessage> startupMessages(int port, byte[] startup)
    {
        try (TestingPgSocket connection = TestingPgSocket.connect(port, FAST)) {
            connection.send(startup);
            return connection.readUntilReady();
        }
    }

    private static void assertFatalProtocolViolation(List<BackendMessage> messages, String what)
    {
        // PostgreSQL closes some broken connections without a word; Basin says FATAL 08P01 first
        for (BackendMessage message : messages) {
            assertThat(message.type()).as("%s: %s", what, messages).isEqualTo('E');
            assertThat(message.severity()).as("%s: %s", what, messages).isEqualTo("FATAL");
            assertThat(message.sqlState()).as("%s: %s", what, messages).isEqualTo("08P01");
        }
    }

    private static BackendMessage onlyError(List<BackendMessage> messages)
    {
        List<BackendMessage> errors = messages.stream().filter(message -> message.type() == 'E').toList();
        assertThat(errors).as("%s", messages).hasSize(1);
        return errors.getFirst();
    }

    static List<String> sqlStates(List<BackendMessage> messages)
    {
        return messages.stream().filter(message -> message.type() == 'E').map(BackendMessage::sqlState).toList();
    }

    static String types(List<BackendMessage> messages)
    {
        StringBuilder types = new StringBuilder();
        messages.forEach(message -> types.append(message.type()));
        return types.toString();
    }

    private static long usedHeapAfterGc()
    {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static Optional<BackendMessage> firstOfType(List<BackendMessage> messages, char type)
    {
        return messages.stream().filter(message -> message.type() == type).findFirst();
    }
}
