package io.basin.execution.compare;

import io.airlift.slice.Slice;
import io.airlift.slice.XxHash64;
import io.trino.spi.block.Block;
import io.trino.spi.block.ByteArrayBlock;
import io.trino.spi.block.Fixed12Block;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.ShortArrayBlock;
import io.trino.spi.block.VariableWidthBlock;

/**
 * Hashes of non-null values that agree with {@link ValueComparator}: values that compare equal
 * hash equal (all NaNs alike, -0.0 like 0.0, char(n) without trailing spaces), so rows can be
 * spread over partitions by hash and still meet every equal row in the same partition.
 */
public final class ValueHasher
{
    private ValueHasher() {}

    public static long hash(ValueKind kind, Block block, int position)
    {
        return switch (kind) {
            case BYTE -> mix(((ByteArrayBlock) block).getByte(position));
            case SHORT -> mix(((ShortArrayBlock) block).getShort(position));
            case INT -> mix(((IntArrayBlock) block).getInt(position));
            case LONG -> mix(((LongArrayBlock) block).getLong(position));
            // The normalized prefix is exact for floating point: it already folds NaNs and zeros.
            case REAL -> mix(NormalizedKeys.realPrefix(((IntArrayBlock) block).getInt(position)));
            case DOUBLE -> mix(NormalizedKeys.doublePrefix(((LongArrayBlock) block).getLong(position)));
            case INT128 -> {
                Int128ArrayBlock int128 = (Int128ArrayBlock) block;
                yield mix(int128.getInt128High(position) * 31 + mix(int128.getInt128Low(position)));
            }
            case FIXED12 -> {
                Fixed12Block fixed12 = (Fixed12Block) block;
                yield mix(fixed12.getFixed12First(position) * 31 + fixed12.getFixed12Second(position));
            }
            case BYTES -> hashBytes((VariableWidthBlock) block, position, false);
            case CHAR -> hashBytes((VariableWidthBlock) block, position, true);
        };
    }

    /** The 64-bit finalizer of MurmurHash3: spreads every input bit over the whole result. */
    public static long mix(long value)
    {
        value ^= value >>> 33;
        value *= 0xff51afd7ed558ccdL;
        value ^= value >>> 33;
        value *= 0xc4ceb9fe1a85ec53L;
        value ^= value >>> 33;
        return value;
    }

    private static long hashBytes(VariableWidthBlock block, int position, boolean trimTrailingSpaces)
    {
        Slice slice = block.getRawSlice();
        int offset = block.getRawSliceOffset(position);
        int length = block.getSliceLength(position);
        if (trimTrailingSpaces) {
            length = ValueComparator.lengthWithoutTrailingSpaces(slice.byteArray(), slice.byteArrayOffset() + offset, length);
        }
        return XxHash64.hash(slice, offset, length);
    }
}
