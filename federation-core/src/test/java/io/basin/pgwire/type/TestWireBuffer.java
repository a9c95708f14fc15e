package io.basin.pgwire.type;

import io.airlift.slice.Slices;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link WireBuffer} against {@link ByteBuffer}'s big-endian encoding of the same writes. */
class TestWireBuffer
{
    @Test
    void testWritesAreBigEndianAndGrow()
    {
        WireBuffer buffer = new WireBuffer(1);
        ByteBuffer expected = ByteBuffer.allocate(1024);
        buffer.writeByte('D');
        expected.put((byte) 'D');
        int length = buffer.reserveInt();
        expected.putInt(0);
        buffer.writeShort(-2);
        expected.putShort((short) -2);
        buffer.writeInt(0x01020304);
        expected.putInt(0x01020304);
        buffer.writeLong(Long.MIN_VALUE + 5);
        expected.putLong(Long.MIN_VALUE + 5);
        buffer.writeBytes(new byte[] {9, 8, 7}, 1, 2);
        expected.put(new byte[] {8, 7});
        buffer.writeBytes(Slices.utf8Slice("xyz"), 1, 2);
        expected.put("yz".getBytes(UTF_8));
        buffer.writeAscii("ab");
        expected.put("ab".getBytes(UTF_8));
        buffer.writeCString("é");
        expected.put("é".getBytes(UTF_8)).put((byte) 0);
        buffer.writeRepeated(' ', 3);
        expected.put("   ".getBytes(UTF_8));
        // a message's length counts itself; a value's does not
        buffer.patchMessageLength(length);
        expected.putInt(1, expected.position() - 1);
        byte[] expectedBytes = new byte[expected.position()];
        expected.get(0, expectedBytes);
        assertThat(buffer.toByteArray()).isEqualTo(expectedBytes);

        buffer.patchLength(length);
        expected.putInt(1, expected.position() - 5);
        expected.get(0, expectedBytes);
        assertThat(buffer.toByteArray()).isEqualTo(expectedBytes);
        assertThat(buffer.size()).isEqualTo(expectedBytes.length);
        assertThat(buffer.getByte(0)).isEqualTo((byte) 'D');
    }

    @Test
    void testResetAndWriteTo()
            throws IOException
    {
        WireBuffer buffer = new WireBuffer(4);
        buffer.writeInt(42);
        buffer.reset();
        buffer.writeShort(7);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        buffer.writeTo(output);
        assertThat(output.toByteArray()).containsExactly(0, 7);
        assertThatThrownBy(() -> buffer.setInt(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
