package io.basin.connector.warehouse.format;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.zstd.ZstdCompressor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

import static java.util.Objects.requireNonNull;

/**
 * Encodes one column block. The file layout (little-endian):
 * <pre>
 *   int   magic "BWB1"
 *   byte  format version (1)
 *   byte  encoding id
 *   int   position count
 *   ...   the encoding's payload
 *   int   CRC-32C of everything before it
 * </pre>
 * Payloads: RAW is a null bitmap flag (and bitmap) followed by the values at their natural width
 * (BYTES: {@code count + 1} int offsets, then the bytes). AZ64 and DELTA are the null bitmap and
 * frames of up to {@value #FRAME} values (mode, bit width, base, first value for deltas, packed
 * offsets). BYTEDICT is the dictionary as a RAW payload (null being one entry) and 1- or 2-byte
 * indexes. RUNLENGTH is the run count, the run values as a RAW payload and the run lengths. ZSTD and
 * LZ4 compress the RAW payload.
 */
public final class BlockEncoder
{
    static final int MAGIC = 0x31425742; // "BWB1" little-endian
    static final int FORMAT_VERSION = 1;
    static final int FRAME = 1024;
    static final int HEADER_BYTES = 10;
    static final int MAX_DICTIONARY = 1 << 16;
    /** Values per sample when AUTO compares encodings. */
    static final int SAMPLE = 4096;

    private static final int FRAME_OFFSETS = 0;
    private static final int FRAME_DELTAS = 1;
    private static final int NUMERIC_LONGS = 0;
    private static final int NUMERIC_INT128_RAW = 1;

    private BlockEncoder() {}

    /** A block file's bytes and the encoding they use (AUTO resolved). */
    public record EncodedBlock(Encoding encoding, byte[] bytes)
    {
        public EncodedBlock
        {
            requireNonNull(encoding, "encoding is null");
            requireNonNull(bytes, "bytes is null");
        }
    }

    /**
     * Encodes {@code values} as a block file. AUTO chooses by sampling; BYTEDICT with more distinct
     * values than a dictionary holds falls back to RAW for this block (as Redshift stores such
     * values uncompressed).
     */
    public static EncodedBlock encode(ColumnValues values, Encoding encoding)
    {
        requireNonNull(values, "values is null");
        requireNonNull(encoding, "encoding is null");
        if (!values.type().allowedEncodings().contains(encoding)) {
            throw new IllegalArgumentException("Encoding %s does not apply to %s".formatted(encoding, values.type().type()));
        }
        Encoding chosen = encoding == Encoding.AUTO ? chooseAuto(values) : encoding;
        Optional<byte[]> payload = payload(values, chosen);
        if (payload.isEmpty()) {
            chosen = Encoding.RAW;
            payload = payload(values, chosen);
        }
        BlockOutput output = new BlockOutput(payload.orElseThrow().length + HEADER_BYTES + 4);
        output.writeInt(MAGIC);
        output.writeByte(FORMAT_VERSION);
        output.writeByte(chosen.id());
        output.writeInt(values.size());
        byte[] body = payload.orElseThrow();
        output.writeBytes(body, 0, body.length);
        CRC32C crc = new CRC32C();
        crc.update(output.buffer(), 0, output.size());
        output.writeInt((int) crc.getValue());
        return new EncodedBlock(chosen, output.toByteArray());
    }

    /**
     * The encoding AUTO picks for {@code values}: the one whose encoding of a sample (the first
     * {@value #SAMPLE} values) is smallest; ties go to the one listed first, the cheaper to decode.
     */
    public static Encoding chooseAuto(ColumnValues values)
    {
        ColumnValues sample = values.size() <= SAMPLE ? values : values.region(0, SAMPLE);
        Encoding best = Encoding.RAW;
        long bestSize = Long.MAX_VALUE;
        for (Encoding candidate : candidates(values.type())) {
            Optional<byte[]> payload = payload(sample, candidate);
            if (payload.isPresent() && payload.get().length < bestSize) {
                best = candidate;
                bestSize = payload.get().length;
            }
        }
        return best;
    }

    private static List<Encoding> candidates(ColumnType type)
    {
        if (type.isBoolean()) {
            return List.of(Encoding.RUNLENGTH, Encoding.RAW);
        }
        if (type.isNumeric()) {
            return List.of(Encoding.RUNLENGTH, Encoding.BYTEDICT, Encoding.AZ64, Encoding.DELTA, Encoding.RAW, Encoding.LZ4, Encoding.ZSTD);
        }
        return List.of(Encoding.RUNLENGTH, Encoding.BYTEDICT, Encoding.RAW, Encoding.LZ4, Encoding.ZSTD);
    }

    /** The payload, or empty when the encoding cannot hold these values (a dictionary overflow). */
    static Optional<byte[]> payload(ColumnValues values, Encoding encoding)
    {
        BlockOutput output = new BlockOutput(values.size() * 4 + 16);
        switch (encoding) {
            case RAW -> writeRaw(values, output);
            case AZ64 -> writeNumeric(values, false, output);
            case DELTA -> writeNumeric(values, true, output);
            case BYTEDICT -> {
                if (!writeDictionary(values, output)) {
                    return Optional.empty();
                }
            }
            case RUNLENGTH -> writeRunLength(values, output);
            case ZSTD -> writeCompressed(values, new ZstdCompressor(), output);
            case LZ4 -> writeCompressed(values, new Lz4Compressor(), output);
            case AUTO -> throw new IllegalArgumentException("AUTO is resolved before encoding");
        }
        return Optional.of(output.toByteArray());
    }

    private static void writeNulls(ColumnValues values, BlockOutput output)
    {
        if (values.nullCount() == 0) {
            output.writeByte(0);
            return;
        }
        output.writeByte(1);
        byte[] bitmap = new byte[(values.size() + 7) / 8];
        for (int position = 0; position < values.size(); position++) {
            if (values.isNull(position)) {
                bitmap[position >>> 3] |= (byte) (1 << (position & 7));
            }
        }
        output.writeBytes(bitmap, 0, bitmap.length);
    }

    static void writeRaw(ColumnValues values, BlockOutput output)
    {
        writeNulls(values, output);
        ColumnType type = values.type();
        switch (type.kind()) {
            case LONG -> {
                for (int position = 0; position < values.size(); position++) {
                    output.writeWidth(values.longAt(position), type.width());
                }
            }
            case INT128 -> {
                long[] longs = values.rawLongs();
                for (int i = 0; i < 2 * values.size(); i++) {
                    output.writeLong(longs[i]);
                }
            }
            case BYTES -> {
                int[] offsets = values.rawOffsets();
                for (int i = 0; i <= values.size(); i++) {
                    output.writeInt(offsets[i]);
                }
                output.writeBytes(values.rawBytes(), 0, offsets[values.size()]);
            }
        }
    }

    private static void writeNumeric(ColumnValues values, boolean deltasOnly, BlockOutput output)
    {
        writeNulls(values, output);
        int size = values.size();
        long[] longs = new long[size];
        if (values.type().kind() == ColumnType.Kind.INT128) {
            for (int position = 0; position < size; position++) {
                long low = values.longAt(position);
                if (!values.isNull(position) && values.highAt(position) != (low >> 63)) {
                    // beyond 64 bits: stored as they are
                    output.writeByte(NUMERIC_INT128_RAW);
                    long[] raw = values.rawLongs();
                    for (int i = 0; i < 2 * size; i++) {
                        output.writeLong(raw[i]);
                    }
                    return;
                }
            }
        }
        output.writeByte(NUMERIC_LONGS);
        // a null takes the previous value, which costs nothing as an offset or a delta
        long previous = 0;
        for (int position = 0; position < size; position++) {
            if (!values.isNull(position)) {
                previous = values.longAt(position);
            }
            longs[position] = previous;
        }
        long[] scratch = new long[FRAME];
        for (int start = 0; start < size; start += FRAME) {
            int count = Math.min(FRAME, size - start);
            writeFrame(longs, start, count, deltasOnly, scratch, output);
        }
    }

    private static void writeFrame(long[] values, int start, int count, boolean deltasOnly, long[] scratch, BlockOutput output)
    {
        long min = values[start];
        for (int i = 1; i < count; i++) {
            min = Math.min(min, values[start + i]);
        }
        long offsetUnion = 0;
        for (int i = 0; i < count; i++) {
            offsetUnion |= values[start + i] - min;
        }
        int offsetBits = BitPacking.bitsFor(offsetUnion);

        long minDelta = Long.MAX_VALUE;
        for (int i = 1; i < count; i++) {
            minDelta = Math.min(minDelta, values[start + i] - values[start + i - 1]);
        }
        if (count == 1) {
            minDelta = 0;
        }
        long deltaUnion = 0;
        for (int i = 1; i < count; i++) {
            deltaUnion |= (values[start + i] - values[start + i - 1]) - minDelta;
        }
        int deltaBits = BitPacking.bitsFor(deltaUnion);

        boolean useDeltas = deltasOnly || (long) deltaBits * (count - 1) + 64 < (long) offsetBits * count;
        if (useDeltas) {
            output.writeByte(FRAME_DELTAS);
            output.writeByte(deltaBits);
            output.writeLong(minDelta);
            output.writeLong(values[start]);
            for (int i = 1; i < count; i++) {
                scratch[i - 1] = (values[start + i] - values[start + i - 1]) - minDelta;
            }
            BitPacking.pack(scratch, 0, count - 1, deltaBits, output);
        }
        else {
            output.writeByte(FRAME_OFFSETS);
            output.writeByte(offsetBits);
            output.writeLong(min);
            for (int i = 0; i < count; i++) {
                scratch[i] = values[start + i] - min;
            }
            BitPacking.pack(scratch, 0, count, offsetBits, output);
        }
    }

    private static boolean writeDictionary(ColumnValues values, BlockOutput output)
    {
        int size = values.size();
        Map<Object, Integer> ids = new HashMap<>();
        int[] indexes = new int[size];
        int[] firstPositions = new int[Math.min(size, MAX_DICTIONARY)];
        int nullId = -1;
        for (int position = 0; position < size; position++) {
            int id;
            if (values.isNull(position)) {
                if (nullId < 0) {
                    if (ids.size() + 1 > MAX_DICTIONARY) {
                        return false;
                    }
                    nullId = ids.size();
                    ids.put(NullKey.INSTANCE, nullId);
                    firstPositions[nullId] = position;
                }
                id = nullId;
            }
            else {
                Object key = key(values, position);
                Integer existing = ids.get(key);
                if (existing == null) {
                    if (ids.size() + 1 > MAX_DICTIONARY) {
                        return false;
                    }
                    existing = ids.size();
                    ids.put(key, existing);
                    firstPositions[existing] = position;
                }
                id = existing;
            }
            indexes[position] = id;
        }
        int dictionarySize = ids.size();
        output.writeInt(dictionarySize);
        writeRaw(values.select(firstPositions, 0, dictionarySize), output);
        int width = dictionarySize <= 256 ? 1 : 2;
        output.writeByte(width);
        for (int position = 0; position < size; position++) {
            output.writeWidth(indexes[position], width);
        }
        return true;
    }

    private enum NullKey { INSTANCE }

    private record Int128Key(long high, long low) {}

    private record BytesKey(byte[] bytes)
    {
        @Override
        public boolean equals(Object other)
        {
            return other instanceof BytesKey key && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode()
        {
            return Arrays.hashCode(bytes);
        }
    }

    private static Object key(ColumnValues values, int position)
    {
        return switch (values.type().kind()) {
            case LONG -> values.longAt(position);
            case INT128 -> new Int128Key(values.highAt(position), values.longAt(position));
            case BYTES -> new BytesKey(values.bytesAt(position));
        };
    }

    private static void writeRunLength(ColumnValues values, BlockOutput output)
    {
        int size = values.size();
        int[] runStarts = new int[size];
        int[] runLengths = new int[size];
        int runs = 0;
        for (int position = 0; position < size; position++) {
            if (runs > 0 && values.sameValue(runStarts[runs - 1], position)) {
                runLengths[runs - 1]++;
            }
            else {
                runStarts[runs] = position;
                runLengths[runs] = 1;
                runs++;
            }
        }
        output.writeInt(runs);
        writeRaw(values.select(runStarts, 0, runs), output);
        for (int run = 0; run < runs; run++) {
            output.writeInt(runLengths[run]);
        }
    }

    private static void writeCompressed(ColumnValues values, Compressor compressor, BlockOutput output)
    {
        BlockOutput raw = new BlockOutput(values.size() * 8 + 16);
        writeRaw(values, raw);
        byte[] compressed = new byte[compressor.maxCompressedLength(raw.size())];
        int length = compressor.compress(raw.buffer(), 0, raw.size(), compressed, 0, compressed.length);
        output.writeInt(raw.size());
        output.writeInt(length);
        output.writeBytes(compressed, 0, length);
    }
}
