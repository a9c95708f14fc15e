package io.basin.pgwire.type;

import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeUtils;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Runs the value writers over a block of native values and splits the DataRow fields apart again. */
final class TestingEncodings
{
    private TestingEncodings() {}

    /** A block of Trino native values (Long, Double, Boolean, Slice, Int128, ...), null for NULL. */
    static Block block(Type type, List<?> values)
    {
        BlockBuilder builder = type.createBlockBuilder(null, values.size());
        for (Object value : values) {
            TypeUtils.writeNativeValue(type, builder, value);
        }
        return builder.build();
    }

    /** The field bytes the writer produces for each position of {@code block}; null for NULL. */
    static List<byte[]> encode(Type type, PgFormat format, Block block)
    {
        PgValueWriter writer = PgValueWriter.forType(type, format);
        // a small buffer, so that growing is exercised too
        WireBuffer buffer = new WireBuffer(16);
        for (int position = 0; position < block.getPositionCount(); position++) {
            writer.write(block, position, buffer);
        }
        return fields(buffer.toByteArray(), block.getPositionCount());
    }

    static List<byte[]> encode(Type type, PgFormat format, List<?> values)
    {
        return encode(type, format, block(type, values));
    }

    /** Text-format encodings as strings. */
    static List<String> encodeText(Type type, List<?> values)
    {
        List<String> texts = new ArrayList<>();
        for (byte[] field : encode(type, PgFormat.TEXT, values)) {
            texts.add(field == null ? null : new String(field, java.nio.charset.StandardCharsets.UTF_8));
        }
        return texts;
    }

    static List<byte[]> fields(byte[] bytes, int count)
    {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<byte[]> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = buffer.getInt();
            if (length == -1) {
                fields.add(null);
                continue;
            }
            byte[] field = new byte[length];
            buffer.get(field);
            fields.add(field);
        }
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("Trailing bytes after %s fields".formatted(count));
        }
        return fields;
    }
}
