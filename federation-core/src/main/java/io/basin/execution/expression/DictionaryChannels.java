package io.basin.execution.expression;

import static java.util.Objects.requireNonNull;

/**
 * For the filter and each computed projection of a processor, the single input channel it reads
 * when it is deterministic, else -1: over a dictionary block of that channel the expression is
 * evaluated once per dictionary entry.
 *
 * @param filter the filter's channel, or -1
 * @param computed the channel of each computed projection (by kernel projection index), or -1
 */
record DictionaryChannels(int filter, int[] computed)
{
    static final DictionaryChannels NONE = new DictionaryChannels(-1, new int[0]);

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
