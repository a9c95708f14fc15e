package io.basin.execution.window;

/** The window functions Basin computes, with how many arguments each takes and whether it reads a frame. */
public enum WindowFunctionKind
{
    ROW_NUMBER(0, 0, false),
    RANK(0, 0, false),
    DENSE_RANK(0, 0, false),
    PERCENT_RANK(0, 0, false),
    CUME_DIST(0, 0, false),
    /** {@code ntile(buckets)}; the argument is read at the first row of each partition. */
    NTILE(1, 1, false),
    /** {@code lag(value [, offset [, default]])}. */
    LAG(1, 3, false),
    /** {@code lead(value [, offset [, default]])}. */
    LEAD(1, 3, false),
    FIRST_VALUE(1, 1, true),
    LAST_VALUE(1, 1, true),
    /** {@code nth_value(value, n)}. */
    NTH_VALUE(2, 2, true),
    /** {@code count(*)}. */
    COUNT_ALL(0, 0, true),
    COUNT(1, 1, true),
    SUM(1, 1, true),
    AVG(1, 1, true),
    MIN(1, 1, true),
    MAX(1, 1, true);

    private final int minArguments;
    private final int maxArguments;
    private final boolean usesFrame;

    WindowFunctionKind(int minArguments, int maxArguments, boolean usesFrame)
    {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.usesFrame = usesFrame;
    }

    public int minArguments()
    {
        return minArguments;
    }

    public int maxArguments()
    {
        return maxArguments;
    }

    /** Ranking and offset functions ignore the frame; the value and aggregate functions read it. */
    public boolean usesFrame()
    {
        return usesFrame;
    }
}
