package io.basin.execution.expression;

import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How a filter runs when columns it reads arrive as dictionary blocks: each conjunct group that
 * reads one column is evaluated once per entry of that column's dictionary (a mask, kept while
 * pages share the dictionary), and the other conjuncts, the residual, run only on the rows the
 * masks keep. TPC-H q19's {@code l_shipmode IN (..) AND l_shipinstruct = '..' AND (l_quantity
 * BETWEEN .. OR ..)} costs a dozen string comparisons per page and one quantity test per
 * remaining row, instead of several string comparisons per row.
 *
 * @param channels the column of each conjunct group
 * @param conjuncts the filter of each group, or empty for the processor's own filter (when the
 * whole filter reads one column)
 * @param residual the conjuncts over other columns or several, if any
 */
record DictionaryFilter(int[] channels, List<Optional<BoundKernel>> conjuncts, Optional<BoundKernel> residual)
{
    DictionaryFilter
    {
        channels = requireNonNull(channels, "channels is null").clone();
        conjuncts = List.copyOf(requireNonNull(conjuncts, "conjuncts is null"));
        requireNonNull(residual, "residual is null");
        checkArgument(channels.length == conjuncts.size() && channels.length > 0, "one conjunct group per channel");
    }

    /** The whole filter reads one column: evaluated per entry with the processor's own kernel. */
    static DictionaryFilter singleChannel(int channel)
    {
        return new DictionaryFilter(new int[] {channel}, List.of(Optional.empty()), Optional.empty());
    }
}
