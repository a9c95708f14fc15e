package io.basin.pgwire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Writes backend messages into one growing buffer and sends it when asked (at ReadyForQuery, a
 * Flush, or when it grows past {@link #FLUSH_THRESHOLD}), so a result of many rows goes out in
 * large writes. Message lengths are filled in when a message ends.
 */
final class PgOutput
{
    private static final int FLUSH_THRESHOLD = 64 * 1024;

    private final OutputStream out;
    private byte[] buffer = new byte[16 * 1024];
    private int size;
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
        ensure(5);
        buffer[size++] = (byte) type;
        messageStart = size;
        size += 4;
    }

    /** Ends the current message; sends the buffer if it has grown large. */
    void endMessage()
            throws IOException
    {
        putInt(messageStart, size - messageStart);
        messageStart = -1;
        if (size >= FLUSH_THRESHOLD) {
            flush();
        }
    }

    void writeByte(int value)
    {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void writeInt16(int value)
    {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void writeInt32(int value)
    {
        ensure(4);
        putInt(size, value);
        size += 4;
    }

    void writeBytes(byte[] bytes)
    {
        writeBytes(bytes, 0, bytes.length);
    }

    void writeBytes(byte[] bytes, int offset, int length)
    {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    void writeCString(String value)
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length + 1);
        for (byte b : bytes) {
            // a NUL inside would end the string early on the client; PostgreSQL text cannot hold NUL
            buffer[size++] = b == 0 ? (byte) ' ' : b;
        }
        buffer[size++] = 0;
    }

    /** Reserves an int32 length slot for a value about to be written; see {@link #endLength}. */
    int beginLength()
    {
        ensure(4);
        int slot = size;
        size += 4;
        return slot;
    }

    /** Fills the slot from {@link #beginLength} with the number of bytes written since. */
    void endLength(int slot)
    {
        putInt(slot, size - slot - 4);
    }

    /** Makes room for {@code bytes} more bytes. */
    void ensure(int bytes)
    {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }

    /** The buffer and position, for encoders that write values in place after {@link #ensure}. */
    byte[] buffer()
    {
        return buffer;
    }

    int size()
    {
        return size;
    }

    void advance(int bytes)
    {
        size += bytes;
    }

    void flush()
            throws IOException
    {
        if (messageStart >= 0) {
            throw new IllegalStateException("flush inside a message");
        }
        if (size > 0) {
            out.write(buffer, 0, size);
            size = 0;
        }
        out.flush();
        if (buffer.length > 1024 * 1024) {
            // a huge row grew the buffer; do not keep it for the connection's lifetime
            buffer = new byte[16 * 1024];
        }
    }

    /** Drops a message begun but not finished (its value failed to encode). */
    void abandonMessage()
    {
        if (messageStart >= 0) {
            size = messageStart - 1;
            messageStart = -1;
        }
    }

    private void putInt(int at, int value)
    {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }
}
