package io.basin.execution.expression;

import static java.util.Objects.requireNonNull;

/**
 * For each computed projection of a processor, the single input channel it reads when it is
 * deterministic, else -1: over a dictionary block of that channel the expression is evaluated once
 * per dictionary entry.
 *
 * @param computed the channel of each computed projection (by kernel projection index), or -1
 */
record DictionaryChannels(int[] computed)
{
    static final DictionaryChannels NONE = new DictionaryChannels(new int[0]);

    DictionaryChannels
    {
        requireNonNull(computed, "computed is null");
        computed = computed.clone();
    }

    int computed(int index)
    {
        return computed[index];
    }
}
