package io.basin.execution.operator;

import java.util.Arrays;
import java.util.HexFormat;

/** A varbinary value in test rows: a byte array with value equality. */
record TestingBinary(byte[] bytes)
{
    TestingBinary
    {
        bytes = bytes.clone();
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof TestingBinary binary && Arrays.equals(bytes, binary.bytes);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString()
    {
        return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
}
