package io.basin.pgwire.type;

import io.basin.error.BasinException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Text a client sent, decoded strictly: PostgreSQL refuses bytes that are not UTF-8, and NUL,
 * which its text cannot hold, with 22021 instead of replacing them, so a query or value never
 * means something other than what the client's bytes said.
 */
public final class Utf8Text
{
    private Utf8Text() {}

    public static String decode(byte[] bytes)
    {
        return decode(bytes, 0, bytes.length);
    }

    /** @throws BasinException 22021 for an invalid sequence or a NUL, naming the bytes as PostgreSQL does */
    public static String decode(byte[] bytes, int offset, int length)
    {
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer output = CharBuffer.allocate(length);
        if (decoder.decode(input, output, true).isError()) {
            throw invalidByteSequence(bytes, input.position(), offset + length);
        }
        decoder.flush(output);
        String text = output.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw invalidByteSequence(bytes, offset + text.substring(0, nul).getBytes(UTF_8).length, offset + length);
        }
        return text;
    }

    /** PostgreSQL's message names the bytes of the character that starts at the bad byte, as long as its first byte says. */
    private static BasinException invalidByteSequence(byte[] bytes, int position, int end)
    {
        int lead = bytes[position] & 0xFF;
        int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        StringBuilder sequence = new StringBuilder();
        for (int i = position; i < Math.min(end, position + length); i++) {
            sequence.append(i == position ? "" : " ").append("0x%02x".formatted(bytes[i] & 0xFF));
        }
        return WireErrors.invalidByteSequence("invalid byte sequence for encoding \"UTF8\": " + sequence);
    }
}
