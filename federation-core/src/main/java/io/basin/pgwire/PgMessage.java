package io.basin.pgwire;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * One frontend message: its type byte and body, with a read cursor over the body. Every read
 * checks the bounds, so a malformed message fails with a protocol error, never with an index
 * exception or a huge allocation.
 */
final class PgMessage
{
    private final char type;
    private final byte[] body;
    private int position;

    PgMessage(char type, byte[] body)
    {
        this.type = type;
        this.body = requireNonNull(body, "body is null");
    }

    char type()
    {
        return type;
    }

    int remaining()
    {
        return body.length - position;
    }

    byte readByte()
    {
        require(1);
        return body[position++];
    }

    short readInt16()
    {
        require(2);
        short value = (short) (((body[position] & 0xFF) << 8) | (body[position + 1] & 0xFF));
        position += 2;
        return value;
    }

    int readInt32()
    {
        require(4);
        int value = ((body[position] & 0xFF) << 24) | ((body[position + 1] & 0xFF) << 16) | ((body[position + 2] & 0xFF) << 8) | (body[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /** A count that must be non-negative and small enough that its items could fit in the rest of the body. */
    int readCount16(int minimumItemBytes)
    {
        int count = readInt16();
        if (count < 0 || (long) count * minimumItemBytes > remaining()) {
            throw new PgProtocolException("invalid count " + count + " in message '" + type + "'");
        }
        return count;
    }

    byte[] readBytes(int length)
    {
        if (length < 0) {
            throw new PgProtocolException("invalid length " + length + " in message '" + type + "'");
        }
        require(length);
        byte[] bytes = new byte[length];
        System.arraycopy(body, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    /** A NUL-terminated UTF-8 string. */
    String readCString()
    {
        int end = position;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        if (end >= body.length) {
            throw new PgProtocolException("unterminated string in message '" + type + "'");
        }
        String value = new String(body, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return value;
    }

    void expectEnd()
    {
        if (position != body.length) {
            throw new PgProtocolException("invalid message format: " + remaining() + " extra bytes in message '" + type + "'");
        }
    }

    private void require(int bytes)
    {
        if (bytes > body.length - position) {
            throw new PgProtocolException("invalid message format: message '" + type + "' is too short");
        }
    }
}
