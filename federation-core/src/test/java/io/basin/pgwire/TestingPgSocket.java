package io.basin.pgwire;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A PostgreSQL frontend at the byte level, for sending what no driver would: builders for every
 * frontend message (with any length or content), and a reader of backend messages that
 * tolerates the server closing the connection.
 */
final class TestingPgSocket
        implements AutoCloseable
{
    static final int PROTOCOL_3_0 = 196608;
    static final int SSL_REQUEST_CODE = 80877103;
    static final int GSSENC_REQUEST_CODE = 80877104;
    static final int CANCEL_REQUEST_CODE = 80877102;

    /** One backend message; the startup answers to SSLRequest and GSSENCRequest are a single byte with no length. */
    record BackendMessage(char type, byte[] body)
    {
        /** The fields of an ErrorResponse or NoticeResponse by their code: S severity, C SQLSTATE, M message, P position. */
        Map<Character, String> fields()
        {
            Map<Character, String> fields = new LinkedHashMap<>();
            int position = 0;
            while (position < body.length && body[position] != 0) {
                char code = (char) body[position++];
                int end = position;
                while (end < body.length && body[end] != 0) {
                    end++;
                }
                fields.put(code, new String(body, position, end - position, UTF_8));
                position = end + 1;
            }
            return fields;
        }

        String sqlState()
        {
            return fields().get('C');
        }

        String severity()
        {
            return fields().get('S');
        }

        @Override
        public String toString()
        {
            return type == 'E' || type == 'N' ? type + fields().toString() : type + "[" + body.length + " bytes]";
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private TestingPgSocket(Socket socket)
            throws IOException
    {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A connection to the server on {@code port} whose reads give up after {@code readTimeout}. */
    static TestingPgSocket connect(int port, Duration readTimeout)
    {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            return new TestingPgSocket(socket);
        }
        catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
        }
    }

    static TestingPgSocket connect(int port)
    {
        return connect(port, Duration.ofSeconds(10));
    }

    /** Connects and completes a trust startup as {@code user} in {@code database}, up to the first ReadyForQuery. */
    static TestingPgSocket startSession(int port, String user, String database)
    {
        TestingPgSocket connection = connect(port);
        connection.send(startup(Map.of("user", user, "database", database)));
        List<BackendMessage> messages = connection.readUntilReady();
        if (messages.isEmpty() || messages.getLast().type() != 'Z') {
            connection.close();
            throw new IllegalStateException("startup did not end in ReadyForQuery: " + messages);
        }
        return connection;
    }

    void send(byte[]... messages)
    {
        try {
            for (byte[] message : messages) {
                out.write(message);
            }
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends, ignoring a connection the server already closed (hostile input may be cut off half way). */
    boolean trySend(byte[]... messages)
    {
        try {
            for (byte[] message : messages) {
                out.write(message);
            }
            out.flush();
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    /** The single byte the server answers an SSLRequest or GSSENCRequest with ('S' or 'N'); -1 at end of stream. */
    int readByte()
    {
        try {
            return in.read();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next backend message; empty when the server closed the connection. */
    Optional<BackendMessage> read()
    {
        try {
            int type = in.read();
            if (type < 0) {
                return Optional.empty();
            }
            int length = in.readInt();
            if (length < 4 || length > (64 << 20)) {
                throw new IllegalStateException("server sent a message '%s' with length %d".formatted((char) type, length));
            }
            byte[] body = new byte[length - 4];
            in.readFully(body);
            return Optional.of(new BackendMessage((char) type, body));
        }
        catch (EOFException e) {
            return Optional.empty();
        }
        catch (SocketException e) {
            // a reset: the server closed the connection while unread bytes were on their way to it
            return Optional.empty();
        }
        catch (SocketTimeoutException e) {
            throw new AssertionError("the server sent nothing for " + soTimeout() + " ms", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages up to and including ReadyForQuery, or up to the end of the connection. */
    List<BackendMessage> readUntilReady()
    {
        List<BackendMessage> messages = new ArrayList<>();
        while (true) {
            Optional<BackendMessage> message = read();
            if (message.isEmpty()) {
                return messages;
            }
            messages.add(message.get());
            if (message.get().type() == 'Z') {
                return messages;
            }
        }
    }

    /** Every message until the server closes the connection. */
    List<BackendMessage> readUntilClosed()
    {
        List<BackendMessage> messages = new ArrayList<>();
        Optional<BackendMessage> message;
        while ((message = read()).isPresent()) {
            messages.add(message.get());
        }
        return messages;
    }

    private int soTimeout()
    {
        try {
            return socket.getSoTimeout();
        }
        catch (SocketException e) {
            return -1;
        }
    }

    @Override
    public void close()
    {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket)
    {
        try {
            socket.close();
        }
        catch (IOException e) {
            // closing a test connection: nothing to recover
        }
    }

    // ---- untyped startup-phase packets ----

    static byte[] startup(Map<String, String> parameters)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt32(body, PROTOCOL_3_0);
        parameters.forEach((name, value) -> {
            writeCString(body, name);
            writeCString(body, value);
        });
        body.write(0);
        return untyped(body.toByteArray());
    }

    static byte[] sslRequest()
    {
        return untyped(int32(SSL_REQUEST_CODE));
    }

    static byte[] gssEncRequest()
    {
        return untyped(int32(GSSENC_REQUEST_CODE));
    }

    static byte[] cancelRequest(int pid, int secretKey)
    {
        return untyped(concat(int32(CANCEL_REQUEST_CODE), int32(pid), int32(secretKey)));
    }

    /** A packet with a length prefix and no type byte, as in the startup phase. */
    static byte[] untyped(byte[] body)
    {
        return concat(int32(body.length + 4), body);
    }

    // ---- typed frontend messages ----

    static byte[] query(String sql)
    {
        return message('Q', cString(sql));
    }

    static byte[] parse(String name, String sql, int... parameterTypes)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, name);
        writeCString(body, sql);
        writeInt16(body, parameterTypes.length);
        for (int type : parameterTypes) {
            writeInt32(body, type);
        }
        return message('P', body.toByteArray());
    }

    /** Bind with text parameters ({@code null} for SQL NULL) and text results. */
    static byte[] bind(String portal, String statement, String... values)
    {
        List<byte[]> encoded = new ArrayList<>();
        for (String value : values) {
            encoded.add(value == null ? null : value.getBytes(UTF_8));
        }
        return bind(portal, statement, new short[0], encoded, new short[0]);
    }

    static byte[] bind(String portal, String statement, short[] parameterFormats, List<byte[]> values, short[] resultFormats)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, portal);
        writeCString(body, statement);
        writeInt16(body, parameterFormats.length);
        for (short format : parameterFormats) {
            writeInt16(body, format);
        }
        writeInt16(body, values.size());
        for (byte[] value : values) {
            if (value == null) {
                writeInt32(body, -1);
            }
            else {
                writeInt32(body, value.length);
                body.writeBytes(value);
            }
        }
        writeInt16(body, resultFormats.length);
        for (short format : resultFormats) {
            writeInt16(body, format);
        }
        return message('B', body.toByteArray());
    }

    static byte[] describe(char kind, String name)
    {
        return message('D', concat(new byte[] {(byte) kind}, cString(name)));
    }

    static byte[] execute(String portal, int maxRows)
    {
        return message('E', concat(cString(portal), int32(maxRows)));
    }

    static byte[] close(char kind, String name)
    {
        return message('C', concat(new byte[] {(byte) kind}, cString(name)));
    }

    static byte[] sync()
    {
        return message('S', new byte[0]);
    }

    static byte[] flush()
    {
        return message('H', new byte[0]);
    }

    static byte[] terminate()
    {
        return message('X', new byte[0]);
    }

    /** A typed message with the right length. */
    static byte[] message(char type, byte[] body)
    {
        return concat(new byte[] {(byte) type}, int32(body.length + 4), body);
    }

    /** A typed message whose length field says {@code declaredLength}, whatever follows. */
    static byte[] messageWithLength(char type, int declaredLength, byte[] body)
    {
        return concat(new byte[] {(byte) type}, int32(declaredLength), body);
    }

    static byte[] cString(String text)
    {
        return concat(text.getBytes(UTF_8), new byte[] {0});
    }

    static byte[] int32(int value)
    {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    static byte[] int16(int value)
    {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    static byte[] concat(byte[]... parts)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void writeCString(ByteArrayOutputStream out, String text)
    {
        out.writeBytes(cString(text));
    }

    private static void writeInt32(ByteArrayOutputStream out, int value)
    {
        out.writeBytes(int32(value));
    }

    private static void writeInt16(ByteArrayOutputStream out, int value)
    {
        out.writeBytes(int16(value));
    }
}
