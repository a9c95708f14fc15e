package io.basin.execution.hash;

/** A set of long keys within a range as one bit per value of the range: exact. See {@link LongKeyFilter#of}. */
public final class LongBitmapFilter
        implements LongKeyFilter
{
    private final long min;
    private final long max;
    private final long[] words;

    LongBitmapFilter(long min, long max)
    {
        this.min = min;
        this.max = max;
        this.words = new long[Math.toIntExact(((max - min) >>> 6) + 1)];
    }

    void add(long key)
    {
        long offset = key - min;
        words[(int) (offset >>> 6)] |= 1L << offset;
    }

    @Override
    public boolean mightContain(long key)
    {
        if (key < min || key > max) {
            return false;
        }
        long offset = key - min;
        return (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
    }

    @Override
    public long retainedBytes()
    {
        return words.length * 8L;
    }
}
