package io.basin.pgwire;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.pgwire.type.Utf8Text;

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
            throw protocolViolation("invalid count " + count + " in message '" + type + "'");
        }
        return count;
    }

    byte[] readBytes(int length)
    {
        if (length < 0) {
            throw protocolViolation("invalid length " + length + " in message '" + type + "'");
        }
        require(length);
        byte[] bytes = new byte[length];
        System.arraycopy(body, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    /** A NUL-terminated UTF-8 string; bytes that are not UTF-8 are refused (22021), as PostgreSQL does, not replaced. */
    String readCString()
    {
        int end = position;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        if (end >= body.length) {
            throw protocolViolation("unterminated string in message '" + type + "'");
        }
        String value = Utf8Text.decode(body, position, end - position);
        position = end + 1;
        return value;
    }

    void expectEnd()
    {
        if (position != body.length) {
            throw protocolViolation("invalid message format: " + remaining() + " extra bytes in message '" + type + "'");
        }
    }

    /**
     * Broken content inside a well-framed message is an ERROR, not FATAL: the message boundaries are
     * intact, so the connection can go on (after Sync in the extended protocol), as in PostgreSQL.
     */
    private static BasinException protocolViolation(String message)
    {
        return new BasinException(BasinErrorCode.PROTOCOL_VIOLATION, message);
    }

    private void require(int bytes)
    {
        if (bytes > body.length - position) {
            throw protocolViolation("invalid message format: message '" + type + "' is too short");
        }
    }
}
