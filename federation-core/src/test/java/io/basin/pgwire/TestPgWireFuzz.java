package io.basin.pgwire;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.basin.pgwire.TestingPgSocket.BackendMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.basin.pgwire.TestingPgSocket.int32;
import static io.basin.pgwire.TestingPgSocket.startup;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzzer for the wire server. The corpus is what real drivers send: the byte streams of
 * a PostgreSQL JDBC and an Amazon Redshift JDBC session, recorded through a proxy. Each fuzzed
 * connection replays one of them mutated (bit flips, changed lengths, truncation, duplicated,
 * dropped, reordered or retyped messages, interesting integers, inserted garbage), or sends
 * random messages after a valid startup, or random bytes instead of a startup.
 *
 * <p>Afterwards the server must still answer {@code SELECT 1}, hold no session, have no
 * connection thread (virtual) and no busy server or engine thread (platform) left, and no fuzzed connection may have seen an internal error (XX000), an
 * ill-formed message from the server, or a server that neither answered nor closed.
 * A failure names the seed of the connection, which replays it alone ({@link #fuzzOne}).
 */
final class TestPgWireFuzz
{
    // fixed, so a failure in CI replays; -Dbasin.fuzz.seed and -Dbasin.fuzz.connections explore further
    private static final long SEED = Long.getLong("basin.fuzz.seed", 0x5EED_BA51L);
    private static final int CONNECTIONS = Integer.getInteger("basin.fuzz.connections", 5000);
    private static final int PARALLELISM = 8;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    /** Message types a frontend may send, and some a backend sends, to retype messages with. */
    private static final byte[] TYPES = "QPBDECSHXFdcfpZTKRAv\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    private static final int[] INTERESTING = {0, -1, 1, 2, 3, 4, 5, 7, 8, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
            0x7FFF_FFFF, 0x8000_0000, 1 << 20, 10_000, 10_001, 196608, 80877102, 80877103, 80877104};

    @Test
    void testRandomAndMutatedSessions()
            throws Exception
    {
        try (TestingPgWireServer server = new TestingPgWireServer()) {
            server.basin().execute("CREATE TABLE nation AS SELECT * FROM tpch.tiny.nation");
            List<List<byte[]>> corpus = List.of(
                    recordSession(server.port(), TestPgWireFuzz::pgJdbcSession),
                    recordSession(server.port(), TestPgWireFuzz::redshiftJdbcSession));
            for (List<byte[]> session : corpus) {
                assertThat(session.size()).as("recorded messages").isGreaterThan(10);
            }
            awaitNoSessions(server);
            Set<String> platformThreads = platformThreadNames();

            long start = System.nanoTime();
            List<Outcome> outcomes = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(PARALLELISM)) {
                List<Future<Outcome>> futures = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    long seed = SEED + i;
                    futures.add(clients.submit(() -> fuzzOne(server.port(), corpus, seed)));
                }
                for (Future<Outcome> future : futures) {
                    outcomes.add(future.get());
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            long messages = outcomes.stream().mapToLong(Outcome::messagesSent).sum();
            Map<String, Integer> sqlStates = new TreeMap<>();
            outcomes.forEach(outcome -> outcome.sqlStates().forEach(state -> sqlStates.merge(state, 1, Integer::sum)));
            System.out.printf("fuzz: %d connections, %d messages, %d bytes in %s; SQLSTATEs %s%n",
                    outcomes.size(), messages, outcomes.stream().mapToLong(Outcome::bytesSent).sum(), elapsed, sqlStates);
            assertThat(messages).as("messages sent").isGreaterThan(10_000);

            assertThat(outcomes.stream().filter(outcome -> outcome.problem() != null).map(Outcome::toString).toList())
                    .as("connections where the server misbehaved")
                    .isEmpty();

            // the server still serves, and the fuzzed connections left nothing behind
            TestPgWireHostileInput.assertAnswersSelectOne(server.port());
            try (Connection connection = server.createConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT count(*) FROM nation")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(25);
            }
            awaitNoSessions(server);
            assertThat(server.server().sessionCount()).as("sessions left behind").isZero();
            assertThat(awaitConnectionThreads(0)).as("connection threads left behind").isZero();
            assertThat(awaitNewPlatformThreads(platformThreads)).as("server and engine threads started since the fuzzing began and still busy").isEmpty();
        }
    }

    /** What one fuzzed connection saw; {@code problem} is null when the server behaved. */
    record Outcome(long seed, String kind, int messagesSent, int bytesSent, List<String> sqlStates, String problem)
    {
        @Override
        public String toString()
        {
            return "seed %d (%s, %d messages): %s; SQLSTATEs %s".formatted(seed, kind, messagesSent, problem, sqlStates);
        }
    }

    /** One connection: a mutated recorded session, random messages, or random startup bytes, as the seed decides. */
    static Outcome fuzzOne(int port, List<List<byte[]>> corpus, long seed)
    {
        Random random = new Random(seed);
        int choice = random.nextInt(100);
        String kind;
        List<byte[]> messages;
        if (choice < 80) {
            kind = "mutated";
            messages = mutate(new ArrayList<>(corpus.get(random.nextInt(corpus.size()))), random);
        }
        else if (choice < 95) {
            kind = "random messages";
            messages = new ArrayList<>();
            messages.add(startup(Map.of("user", "basin", "database", "dev")));
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                messages.add(randomMessage(random));
            }
        }
        else {
            kind = "random startup";
            messages = List.of(randomBytes(random, random.nextInt(64)));
        }
        return exchange(port, seed, kind, messages, random.nextInt(4) == 0);
    }

    /** Sends the messages, closes the sending side (or, if {@code abrupt}, the whole socket early) and reads to the end. */
    private static Outcome exchange(int port, long seed, String kind, List<byte[]> messages, boolean abrupt)
    {
        int bytes = messages.stream().mapToInt(message -> message.length).sum();
        List<String> sqlStates = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            ByteResponses responses = new ByteResponses(socket.getInputStream());
            // the server answers as we send; read concurrently so neither side's buffers fill up. A platform
            // thread: a server connection that hogs its carrier must not stall the fuzzer's own reading
            Thread drain = Thread.ofPlatform().daemon().start(responses);
            try {
                for (byte[] message : messages) {
                    out.write(message);
                }
                out.flush();
                if (abrupt) {
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
                else {
                    socket.shutdownOutput();
                }
            }
            catch (IOException e) {
                // the server closed the connection on an earlier message: expected for broken input
            }
            drain.join(READ_TIMEOUT.toMillis() + 5_000);
            if (drain.isAlive()) {
                return new Outcome(seed, kind, messages.size(), bytes, sqlStates, "the server neither answered nor closed within " + READ_TIMEOUT);
            }
            for (BackendMessage message : responses.messages()) {
                if (message.type() == 'E' || message.type() == 'N') {
                    sqlStates.add(message.sqlState());
                }
            }
            String problem = responses.problem();
            if (problem == null && sqlStates.contains("XX000")) {
                problem = "internal error: " + responses.messages().stream().filter(message -> "XX000".equals(message.sqlState())).toList();
            }
            return new Outcome(seed, kind, messages.size(), bytes, sqlStates, problem);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads backend messages until the server closes; notes a timeout or an ill-formed message. */
    private static final class ByteResponses
            implements Runnable
    {
        private final InputStream in;
        private final List<BackendMessage> messages = new ArrayList<>();
        private volatile String problem;

        ByteResponses(InputStream in)
        {
            this.in = in;
        }

        @Override
        public void run()
        {
            try {
                boolean first = true;
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        return;
                    }
                    if (first && (type == 'N' || type == 'S') && in.available() == 0) {
                        // the one-byte answer to an SSLRequest or GSSENCRequest
                        first = false;
                        continue;
                    }
                    first = false;
                    byte[] header = in.readNBytes(4);
                    if (header.length < 4) {
                        problem = "the server's message '%s' ends inside its length".formatted((char) type);
                        return;
                    }
                    int length = ByteBuffer.wrap(header).getInt();
                    if (length < 4 || length > (1 << 24)) {
                        problem = "the server sent message '%s' with length %d".formatted((char) type, length);
                        return;
                    }
                    byte[] body = in.readNBytes(length - 4);
                    if (body.length < length - 4) {
                        problem = "the server's message '%s' is cut short".formatted((char) type);
                        return;
                    }
                    messages.add(new BackendMessage((char) type, body));
                }
            }
            catch (SocketTimeoutException e) {
                problem = "the server neither answered nor closed within " + READ_TIMEOUT;
            }
            catch (SocketException e) {
                // reset or closed by our own abrupt close: the server's part is over
            }
            catch (IOException e) {
                problem = "reading the server's answer failed: " + e;
            }
        }

        List<BackendMessage> messages()
        {
            return messages;
        }

        String problem()
        {
            return problem;
        }
    }

    // ---- mutations ----

    static List<byte[]> mutate(List<byte[]> messages, Random random)
    {
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations && !messages.isEmpty(); i++) {
            int index = random.nextInt(messages.size());
            byte[] message = messages.get(index);
            if (message.length == 0) {
                // left by an earlier truncation
                messages.remove(index);
                continue;
            }
            switch (random.nextInt(10)) {
                case 0 -> {
                    // flip 1 to 8 bits
                    byte[] flipped = message.clone();
                    for (int bits = 1 + random.nextInt(8); bits > 0; bits--) {
                        int bit = random.nextInt(flipped.length * 8);
                        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    messages.set(index, flipped);
                }
                case 1 -> messages.set(index, withLength(message, random));
                case 2 -> {
                    // cut the session inside this message
                    messages.set(index, Arrays.copyOf(message, random.nextInt(message.length)));
                    messages.subList(index + 1, messages.size()).clear();
                }
                case 3 -> {
                    int copies = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 3);
                    for (int copy = 0; copy < copies; copy++) {
                        messages.add(index, message);
                    }
                }
                case 4 -> {
                    if (index > 0) {
                        byte[] retyped = message.clone();
                        retyped[0] = TYPES[random.nextInt(TYPES.length)];
                        messages.set(index, retyped);
                    }
                }
                case 5 -> messages.remove(index);
                case 6 -> {
                    int other = random.nextInt(messages.size());
                    messages.set(index, messages.get(other));
                    messages.set(other, message);
                }
                case 7 -> messages.add(index, randomMessage(random));
                case 8 -> messages.set(index, withInterestingInteger(message, random));
                default -> messages.add(index, randomBytes(random, 1 + random.nextInt(16)));
            }
        }
        return messages;
    }

    /** The message with its length field (after the type byte; the first field of a startup packet) set to an interesting or random value. */
    private static byte[] withLength(byte[] message, Random random)
    {
        byte[] changed = message.clone();
        int offset = isTyped(message) ? 1 : 0;
        if (changed.length < offset + 4) {
            return changed;
        }
        int length = ByteBuffer.wrap(changed, offset, 4).getInt();
        int value = switch (random.nextInt(4)) {
            case 0 -> INTERESTING[random.nextInt(INTERESTING.length)];
            case 1 -> length + random.nextInt(9) - 4;
            case 2 -> random.nextInt();
            default -> length * 2;
        };
        ByteBuffer.wrap(changed, offset, 4).putInt(value);
        return changed;
    }

    /** The message with an interesting 16- or 32-bit integer written over its body at a random place. */
    private static byte[] withInterestingInteger(byte[] message, Random random)
    {
        byte[] changed = message.clone();
        int start = isTyped(message) ? 5 : 4;
        int width = random.nextBoolean() ? 2 : 4;
        if (changed.length < start + width) {
            return changed;
        }
        int offset = start + random.nextInt(changed.length - start - width + 1);
        int value = INTERESTING[random.nextInt(INTERESTING.length)];
        if (width == 2) {
            ByteBuffer.wrap(changed, offset, 2).putShort((short) value);
        }
        else {
            ByteBuffer.wrap(changed, offset, 4).putInt(value);
        }
        return changed;
    }

    private static boolean isTyped(byte[] message)
    {
        // startup-phase packets begin with their length, whose first byte is 0 for any real one
        return message.length > 0 && message[0] != 0;
    }

    private static byte[] randomMessage(Random random)
    {
        byte type = TYPES[random.nextInt(TYPES.length)];
        byte[] body = switch (random.nextInt(3)) {
            case 0 -> randomBytes(random, random.nextInt(32));
            case 1 -> {
                // a body built from strings and integers, the shape of real messages
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int field = random.nextInt(6); field > 0; field--) {
                    switch (random.nextInt(3)) {
                        case 0 -> out.writeBytes(TestingPgSocket.cString(List.of("", "s", "p", "SELECT 1", "SELECT $1", "nation", "\u00ff").get(random.nextInt(7))));
                        case 1 -> out.writeBytes(TestingPgSocket.int16(INTERESTING[random.nextInt(INTERESTING.length)]));
                        default -> out.writeBytes(int32(INTERESTING[random.nextInt(INTERESTING.length)]));
                    }
                }
                yield out.toByteArray();
            }
            default -> new byte[0];
        };
        return TestingPgSocket.message((char) (type & 0xFF), body);
    }

    private static byte[] randomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    // ---- the corpus: real drivers' sessions, recorded ----

    interface JdbcSession
    {
        void run(int port)
                throws SQLException;
    }

    private static void pgJdbcSession(int port)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", TestingPgWireServer.USER);
        properties.setProperty("sslmode", "disable");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/dev".formatted(port), properties)) {
            driverSession(connection);
        }
    }

    private static void redshiftJdbcSession(int port)
            throws SQLException
    {
        try (Connection connection = TestRedshiftJdbcClient.connectRedshift(port, new Properties())) {
            driverSession(connection);
        }
    }

    /** What the recorded sessions do: simple and prepared queries (past the named-statement threshold), a portal read in chunks, an error and its rollback. */
    private static void driverSession(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();
            statement.executeQuery("SELECT n_name, n_regionkey FROM nation ORDER BY n_nationkey").close();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT n_name FROM nation WHERE n_nationkey = ? AND n_name <> ?")) {
            for (int i = 0; i < 6; i++) {
                statement.setInt(1, i);
                statement.setString(2, "x'y");
                statement.executeQuery().close();
            }
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10);
            try (ResultSet result = statement.executeQuery("SELECT n_nationkey FROM nation")) {
                while (result.next()) {
                    result.getLong(1);
                }
            }
            try {
                statement.executeQuery("SELECT * FROM no_such_table");
            }
            catch (SQLException e) {
                // recorded on purpose: an error inside a transaction
            }
        }
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * Runs {@code session} through a proxy in front of the server and returns what the client
     * sent, split into messages (the startup-phase packets first).
     */
    private static List<byte[]> recordSession(int serverPort, JdbcSession session)
            throws Exception
    {
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread relay = Thread.ofVirtual().start(() -> {
                try (Socket client = proxy.accept();
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
                    Thread back = Thread.ofVirtual().start(() -> copy(server, client, bytes -> {}));
                    copy(client, server, bytes -> {
                        synchronized (recorded) {
                            recorded.writeBytes(bytes);
                        }
                    });
                    back.join();
                }
                catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("proxy failed", e);
                }
            });
            session.run(proxy.getLocalPort());
            relay.join(10_000);
        }
        synchronized (recorded) {
            return splitMessages(recorded.toByteArray());
        }
    }

    private static void copy(Socket from, Socket to, Consumer<byte[]> tap)
    {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                tap.accept(Arrays.copyOf(buffer, read));
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        }
        catch (IOException e) {
            // one side closed: the session is over
        }
    }

    /** Splits a frontend byte stream: untyped packets until the startup message, then typed messages. */
    static List<byte[]> splitMessages(byte[] stream)
    {
        List<byte[]> messages = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(stream);
        boolean started = false;
        while (buffer.remaining() >= 4) {
            int position = buffer.position();
            int length;
            if (!started) {
                length = buffer.getInt(position);
                int code = buffer.getInt(position + 4);
                started = code != TestingPgSocket.SSL_REQUEST_CODE && code != TestingPgSocket.GSSENC_REQUEST_CODE;
            }
            else {
                length = 1 + buffer.getInt(position + 1);
            }
            byte[] message = new byte[length];
            buffer.get(message);
            messages.add(message);
        }
        assertThat(buffer.remaining()).isZero();
        return messages;
    }

    // ---- leak checks ----

    private static void awaitNoSessions(TestingPgWireServer server)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (server.server().sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /**
     * Live platform threads of the server and the engine ({@code pgwire-*}, {@code basin-*}), except
     * workers idle in a thread pool: the engine's cached driver pool keeps a finished query's threads
     * for a minute, to reuse them. Client libraries' threads (PgJDBC's cleaner) are not the server's.
     */
    private static Set<String> platformThreadNames()
    {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> !entry.getKey().isVirtual() && entry.getKey().isAlive())
                .filter(entry -> entry.getKey().getName().startsWith("pgwire") || entry.getKey().getName().startsWith("basin"))
                .filter(entry -> Arrays.stream(entry.getValue()).noneMatch(frame -> frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor") && frame.getMethodName().equals("getTask")))
                .map(entry -> entry.getKey().getName() + "#" + entry.getKey().threadId())
                .collect(Collectors.toSet());
    }

    /** Platform threads alive now that were not before, once they had 15 seconds to end. */
    private static Set<String> awaitNewPlatformThreads(Set<String> before)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Set<String> added = new TreeSet<>(platformThreadNames());
            added.removeAll(before);
            if (added.isEmpty() || System.nanoTime() > deadline) {
                return added;
            }
            Thread.sleep(100);
        }
    }

    private static final Pattern CONNECTION_THREAD = Pattern.compile("\"name\":\\s*\"pgwire-\\d+\"");

    /** Waits until at most {@code expected} connection threads (virtual, named pgwire-N) are alive, and returns how many are. */
    private static long awaitConnectionThreads(long expected)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long threads;
        while ((threads = connectionThreads()) > expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return threads;
    }

    /** Virtual threads do not show in ThreadMXBean; the JSON thread dump lists them by container. */
    private static long connectionThreads()
            throws IOException
    {
        Path file = Files.createTempDirectory("threads").resolve("dump.json").toAbsolutePath();
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            return CONNECTION_THREAD.matcher(Files.readString(file)).results().count();
        }
        finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }
}
