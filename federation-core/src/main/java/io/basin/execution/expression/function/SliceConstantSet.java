package io.basin.execution.expression.function;

import io.airlift.slice.Slice;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An immutable hash set of strings or binary values, for IN over many text constants. */
public final class SliceConstantSet
{
    private final Set<Slice> values;

    public SliceConstantSet(List<Slice> values)
    {
        this.values = new HashSet<>(values);
    }

    public boolean contains(Slice value)
    {
        return values.contains(value);
    }
}
