package io.basin.connector.warehouse.format;

import java.util.Locale;
import java.util.Optional;

/**
 * The encodings of a column block, named as in Redshift's {@code ENCODE}. The id is what a block
 * file stores; never renumber.
 */
public enum Encoding
{
    /** Values as they are, at their natural width. */
    RAW(0),
    /** Frames of 1024 values, each stored as offsets from the frame's minimum or as deltas, bit-packed (after Redshift's AZ64). */
    AZ64(1),
    /** Like AZ64, but every frame stores deltas between consecutive values. */
    DELTA(2),
    /** A dictionary of the block's distinct values and one- or two-byte indexes into it; read as a DictionaryBlock. */
    BYTEDICT(3),
    /** Runs of equal values; a block of one run is read as a RunLengthEncodedBlock. */
    RUNLENGTH(4),
    /** The raw layout compressed with Zstandard. */
    ZSTD(5),
    /** The raw layout compressed with LZ4. */
    LZ4(6),
    /** Chosen per block by encoding a sample of its values with every applicable encoding; never stored. */
    AUTO(7);

    private final int id;

    Encoding(int id)
    {
        this.id = id;
    }

    public int id()
    {
        return id;
    }

    public static Encoding fromId(int id)
    {
        for (Encoding encoding : values()) {
            if (encoding.id == id && encoding != AUTO) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("Unknown block encoding id: " + id);
    }

    /** The encoding named in {@code ENCODE name}, case-insensitively; Redshift's MOSTLY/TEXT variants are not supported. */
    public static Optional<Encoding> fromName(String name)
    {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (Encoding encoding : values()) {
            if (encoding.name().equals(upper)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }
}
