package io.basin.pgwire;

import io.basin.pgwire.type.WireBuffer;

import java.io.IOException;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;

/**
 * Writes backend messages into one growing buffer and sends it when asked (at ReadyForQuery, a
 * Flush, or when it grows past {@link #FLUSH_THRESHOLD}), so a result of many rows goes out in
 * large writes. Message lengths are filled in when a message ends.
 */
final class PgOutput
{
    private static final int FLUSH_THRESHOLD = 64 * 1024;
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private final OutputStream out;
    private WireBuffer buffer = new WireBuffer(INITIAL_CAPACITY);
    private int messageStart = -1;

    PgOutput(OutputStream out)
    {
        this.out = requireNonNull(out, "out is null");
    }

    void beginMessage(char type)
    {
        if (messageStart >= 0) {
            throw new IllegalStateException("message already open");
        }
        buffer.writeByte(type);
        messageStart = buffer.reserveInt();
    }

    /** Ends the current message; sends the buffer if it has grown large. */
    void endMessage()
            throws IOException
    {
        // a message's length counts itself
        buffer.setInt(messageStart, buffer.size() - messageStart);
        messageStart = -1;
        if (buffer.size() >= FLUSH_THRESHOLD) {
            flush();
        }
    }

    void writeByte(int value)
    {
        buffer.writeByte(value);
    }

    void writeInt16(int value)
    {
        buffer.writeShort(value);
    }

    void writeInt32(int value)
    {
        buffer.writeInt(value);
    }

    void writeBytes(byte[] bytes)
    {
        buffer.writeBytes(bytes);
    }

    /** A NUL-terminated UTF-8 string. */
    void writeCString(String value)
    {
        // PostgreSQL text cannot hold NUL, and one inside would end the string early on the client
        buffer.writeCString(value.indexOf('\0') >= 0 ? value.replace('\0', ' ') : value);
    }

    /** The buffer itself, for the type codec's value writers. */
    WireBuffer wire()
    {
        return buffer;
    }

    void flush()
            throws IOException
    {
        if (messageStart >= 0) {
            throw new IllegalStateException("flush inside a message");
        }
        if (buffer.size() > 0) {
            buffer.writeTo(out);
            buffer.reset();
        }
        out.flush();
        if (buffer.capacity() > 1024 * 1024) {
            // a huge row grew the buffer; do not keep it for the connection's lifetime
            buffer = new WireBuffer(INITIAL_CAPACITY);
        }
    }

    /** Drops a message begun but not finished (a value failed to encode). */
    void abandonMessage()
    {
        if (messageStart >= 0) {
            buffer.truncate(messageStart - 1);
            messageStart = -1;
        }
    }
}
