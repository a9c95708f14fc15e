package io.basin.pgwire;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * Reads frontend messages. A length field is checked against {@code maxMessageBytes} before
 * anything is allocated, so a hostile or corrupt length cannot make the server reserve memory.
 */
final class PgInput
{
    /** A startup packet is small: protocol version and a few parameters (PostgreSQL allows 10000 bytes). */
    static final int MAX_STARTUP_PACKET_BYTES = 10_000;
    /** Bodies up to this size are allocated whole before they arrive. */
    private static final int DIRECT_READ_BYTES = 64 << 10;

    private final ReadAheadBuffer buffer;
    private final DataInputStream in;
    private final int maxMessageBytes;

    PgInput(InputStream in, int maxMessageBytes)
    {
        this.buffer = new ReadAheadBuffer(requireNonNull(in, "in is null"));
        this.in = new DataInputStream(buffer);
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Whether bytes that arrived with the last packet wait unread in this reader's buffer (e.g.
     * sent in the same write as an SSLRequest). Bytes still in the socket do not count: a client
     * may answer the server's reply quickly, and that is no violation.
     */
    boolean hasBufferedBytes()
    {
        return buffer.buffered() > 0;
    }

    private static final class ReadAheadBuffer
            extends BufferedInputStream
    {
        ReadAheadBuffer(InputStream in)
        {
            super(in, 8192);
        }

        synchronized int buffered()
        {
            return count - pos;
        }
    }

    /** The untyped first message of a connection (startup, SSL, GSSENC or cancel request); null at end of stream. */
    PgMessage readStartupPacket()
            throws IOException
    {
        int length;
        try {
            length = in.readInt();
        }
        catch (EOFException e) {
            return null;
        }
        if (length < 8 || length > MAX_STARTUP_PACKET_BYTES) {
            throw new PgProtocolException("invalid length of startup packet: " + length);
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new PgMessage('\0', body);
    }

    /** The next typed message; null when the client closed the connection between messages. */
    PgMessage readMessage()
            throws IOException
    {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length = in.readInt();
        if (length < 4) {
            throw new PgProtocolException("invalid message length " + length + " for message type '" + printable(type) + "'");
        }
        if (length - 4 > maxMessageBytes) {
            throw new PgProtocolException("message of type '" + printable(type) + "' is " + length + " bytes, more than the limit of " + maxMessageBytes);
        }
        return new PgMessage((char) type, readBody(length - 4));
    }

    /**
     * A body of the declared length. Small bodies are read into an array of that size; a large
     * one grows with the bytes that actually arrive, so a header that claims many megabytes and
     * sends nothing holds no more than a chunk (else a few hundred such connections exhaust the heap).
     */
    private byte[] readBody(int length)
            throws IOException
    {
        if (length <= DIRECT_READ_BYTES) {
            byte[] body = new byte[length];
            in.readFully(body);
            return body;
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("connection closed after %d of %d bytes of a message".formatted(body.length, length));
        }
        return body;
    }

    private static String printable(int type)
    {
        return type >= 0x20 && type < 0x7F ? String.valueOf((char) type) : "\\x%02x".formatted(type);
    }
}
