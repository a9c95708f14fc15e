package io.basin.connector.warehouse.format;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.airlift.slice.Slices;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.ByteArrayBlock;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.ShortArrayBlock;
import io.trino.spi.block.VariableWidthBlock;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.zip.CRC32C;

import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;

/**
 * Decodes a column block file from its (memory-mapped) segment straight into a Trino block:
 * RAW, AZ64, DELTA and compressed blocks into flat array blocks, BYTEDICT into a
 * {@link DictionaryBlock} and RUNLENGTH into a {@link RunLengthEncodedBlock} (one run) or a
 * dictionary block over the run values. The block holds heap copies, so the segment may be
 * unmapped as soon as this returns.
 */
public final class BlockDecoder
{
    private BlockDecoder() {}

    /**
     * Decodes a block file.
     *
     * @param file the whole file
     * @param type the column's storage
     * @param description names the block in errors
     */
    public static Block decode(MemorySegment file, ColumnType type, String description)
    {
        long length = file.byteSize();
        if (length < BlockEncoder.HEADER_BYTES + 4) {
            throw corrupt(description, "it is %s bytes long".formatted(length));
        }
        CRC32C crc = new CRC32C();
        crc.update(file.asSlice(0, length - 4).asByteBuffer());
        int storedCrc = file.get(BlockInput.INT, length - 4);
        if ((int) crc.getValue() != storedCrc) {
            throw corrupt(description, "its checksum does not match");
        }
        BlockInput input = new BlockInput(file, 0);
        if (input.readInt() != BlockEncoder.MAGIC || input.readByte() != BlockEncoder.FORMAT_VERSION) {
            throw corrupt(description, "it is not a version %s column block".formatted(BlockEncoder.FORMAT_VERSION));
        }
        Encoding encoding = Encoding.fromId(input.readByte());
        int count = input.readInt();
        try {
            return decodePayload(input, type, encoding, count);
        }
        catch (IndexOutOfBoundsException | IllegalArgumentException | MalformedInputException e) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot read warehouse column block %s: it is malformed (%s)".formatted(description, e.getMessage()), e);
        }
    }

    private static TrinoException corrupt(String description, String reason)
    {
        return new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot read warehouse column block %s: %s".formatted(description, reason));
    }

    static Block decodePayload(BlockInput input, ColumnType type, Encoding encoding, int count)
    {
        return switch (encoding) {
            case RAW -> readRaw(input, type, count);
            case AZ64, DELTA -> readNumeric(input, type, count);
            case BYTEDICT -> readDictionary(input, type, count);
            case RUNLENGTH -> readRunLength(input, type, count);
            case ZSTD -> readCompressed(input, type, count, new ZstdDecompressor());
            case LZ4 -> readCompressed(input, type, count, new Lz4Decompressor());
            case AUTO -> throw new IllegalArgumentException("AUTO is never stored");
        };
    }

    private static Optional<boolean[]> readNulls(BlockInput input, int count)
    {
        if (input.readByte() == 0) {
            return Optional.empty();
        }
        byte[] bitmap = new byte[(count + 7) / 8];
        input.readBytes(bitmap, 0, bitmap.length);
        boolean[] nulls = new boolean[count];
        for (int position = 0; position < count; position++) {
            nulls[position] = (bitmap[position >>> 3] & (1 << (position & 7))) != 0;
        }
        return Optional.of(nulls);
    }

    static Block readRaw(BlockInput input, ColumnType type, int count)
    {
        Optional<boolean[]> nulls = readNulls(input, count);
        return switch (type.kind()) {
            case LONG -> switch (type.width()) {
                case 1 -> {
                    byte[] values = new byte[count];
                    input.readBytes(values, 0, count);
                    yield new ByteArrayBlock(count, nulls, values);
                }
                case 2 -> {
                    short[] values = new short[count];
                    input.readShorts(values, count);
                    yield new ShortArrayBlock(count, nulls, values);
                }
                case 4 -> {
                    int[] values = new int[count];
                    input.readInts(values, count);
                    yield new IntArrayBlock(count, nulls, values);
                }
                default -> {
                    long[] values = new long[count];
                    input.readLongs(values, 0, count);
                    yield new LongArrayBlock(count, nulls, values);
                }
            };
            case INT128 -> {
                long[] values = new long[2 * count];
                input.readLongs(values, 0, 2 * count);
                yield new Int128ArrayBlock(count, nulls, values);
            }
            case BYTES -> {
                int[] offsets = new int[count + 1];
                input.readInts(offsets, count + 1);
                byte[] bytes = new byte[offsets[count]];
                input.readBytes(bytes, 0, bytes.length);
                yield new VariableWidthBlock(count, Slices.wrappedBuffer(bytes), offsets, nulls);
            }
        };
    }

    private static Block readNumeric(BlockInput input, ColumnType type, int count)
    {
        Optional<boolean[]> nulls = readNulls(input, count);
        int mode = input.readByte();
        if (mode == 1) {
            long[] values = new long[2 * count];
            input.readLongs(values, 0, 2 * count);
            return new Int128ArrayBlock(count, nulls, values);
        }
        long[] values = new long[count];
        long[] words = new long[BitPacking.words(BlockEncoder.FRAME, 64)];
        for (int start = 0; start < count; start += BlockEncoder.FRAME) {
            int frameCount = Math.min(BlockEncoder.FRAME, count - start);
            int frameMode = input.readByte();
            int bits = input.readByte();
            long base = input.readLong();
            if (frameMode == 1) {
                long first = input.readLong();
                int packed = frameCount - 1;
                int wordCount = BitPacking.words(packed, bits);
                input.readLongs(words, 0, wordCount);
                BitPacking.unpack(words, packed, bits, values, start + 1);
                values[start] = first;
                for (int i = 1; i < frameCount; i++) {
                    values[start + i] = values[start + i - 1] + values[start + i] + base;
                }
            }
            else {
                int wordCount = BitPacking.words(frameCount, bits);
                input.readLongs(words, 0, wordCount);
                BitPacking.unpack(words, frameCount, bits, values, start);
                for (int i = 0; i < frameCount; i++) {
                    values[start + i] += base;
                }
            }
        }
        if (nulls.isPresent()) {
            boolean[] isNull = nulls.get();
            for (int position = 0; position < count; position++) {
                if (isNull[position]) {
                    values[position] = 0;
                }
            }
        }
        return longsToBlock(type, count, nulls, values);
    }

    private static Block longsToBlock(ColumnType type, int count, Optional<boolean[]> nulls, long[] values)
    {
        if (type.kind() == ColumnType.Kind.INT128) {
            long[] pairs = new long[2 * count];
            for (int position = 0; position < count; position++) {
                pairs[2 * position] = values[position] >> 63;
                pairs[2 * position + 1] = values[position];
            }
            return new Int128ArrayBlock(count, nulls, pairs);
        }
        return switch (type.width()) {
            case 1 -> {
                byte[] narrow = new byte[count];
                for (int i = 0; i < count; i++) {
                    narrow[i] = (byte) values[i];
                }
                yield new ByteArrayBlock(count, nulls, narrow);
            }
            case 2 -> {
                short[] narrow = new short[count];
                for (int i = 0; i < count; i++) {
                    narrow[i] = (short) values[i];
                }
                yield new ShortArrayBlock(count, nulls, narrow);
            }
            case 4 -> {
                int[] narrow = new int[count];
                for (int i = 0; i < count; i++) {
                    narrow[i] = (int) values[i];
                }
                yield new IntArrayBlock(count, nulls, narrow);
            }
            default -> new LongArrayBlock(count, nulls, values);
        };
    }

    private static Block readDictionary(BlockInput input, ColumnType type, int count)
    {
        int dictionarySize = input.readInt();
        Block dictionary = readRaw(input, type, dictionarySize);
        int width = input.readByte();
        int[] ids = new int[count];
        if (width == 1) {
            byte[] narrow = new byte[count];
            input.readBytes(narrow, 0, count);
            for (int i = 0; i < count; i++) {
                ids[i] = narrow[i] & 0xFF;
            }
        }
        else {
            short[] narrow = new short[count];
            input.readShorts(narrow, count);
            for (int i = 0; i < count; i++) {
                ids[i] = narrow[i] & 0xFFFF;
            }
        }
        return DictionaryBlock.create(count, dictionary, ids);
    }

    private static Block readRunLength(BlockInput input, ColumnType type, int count)
    {
        int runs = input.readInt();
        Block runValues = readRaw(input, type, runs);
        int[] lengths = new int[runs];
        input.readInts(lengths, runs);
        if (runs == 1) {
            return RunLengthEncodedBlock.create(runValues, count);
        }
        int[] ids = new int[count];
        int position = 0;
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < lengths[run]; i++) {
                ids[position++] = run;
            }
        }
        if (position != count) {
            throw new IllegalArgumentException("run lengths add up to %s, not %s".formatted(position, count));
        }
        return DictionaryBlock.create(count, runValues, ids);
    }

    private static Block readCompressed(BlockInput input, ColumnType type, int count, Decompressor decompressor)
    {
        int rawLength = input.readInt();
        int compressedLength = input.readInt();
        byte[] compressed = new byte[compressedLength];
        input.readBytes(compressed, 0, compressedLength);
        byte[] raw = new byte[rawLength];
        int length = decompressor.decompress(compressed, 0, compressedLength, raw, 0, rawLength);
        if (length != rawLength) {
            throw new IllegalArgumentException("decompressed %s bytes, expected %s".formatted(length, rawLength));
        }
        return readRaw(new BlockInput(MemorySegment.ofArray(raw), 0), type, count);
    }
}
