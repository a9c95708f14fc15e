package io.basin.execution.operator;

import io.basin.execution.compare.SortKey;
import io.trino.spi.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Checks sorted output against the oracle: same rows, keys in the oracle's order. */
final class SortAssertions
{
    private SortAssertions() {}

    /**
     * {@code actual} must be, key for key, the slice {@code [offset, offset + limit)} of the input
     * sorted by the oracle, and every actual row must be an input row (rows with equal keys may
     * come in any order).
     */
    static void assertSortedSlice(List<List<Object>> input, List<List<Object>> actual, List<SortKey> keys, long offset, long limit)
    {
        Comparator<List<Object>> oracle = TestingOrdering.rowComparator(keys);
        List<List<Object>> expected = new ArrayList<>(input);
        expected.sort(oracle);
        int from = (int) Math.min(offset, expected.size());
        int to = (int) Math.min(expected.size(), from + Math.min(limit, Integer.MAX_VALUE));
        expected = expected.subList(from, to);

        assertThat(actual).hasSize(expected.size());
        for (int row = 0; row < actual.size(); row++) {
            if (oracle.compare(expected.get(row), actual.get(row)) != 0) {
                fail("row %s: expected keys of %s, got %s (keys %s)".formatted(row, expected.get(row), actual.get(row), keys));
            }
        }
        assertSubMultiset(actual, input);
    }

    static void assertSubMultiset(List<List<Object>> rows, List<List<Object>> of)
    {
        Map<List<Object>, Integer> available = new HashMap<>();
        for (List<Object> row : of) {
            available.merge(row, 1, Integer::sum);
        }
        for (List<Object> row : rows) {
            Integer count = available.get(row);
            if (count == null || count == 0) {
                fail("row %s is not in the input (or appears too often)".formatted(row));
            }
            available.put(row, count - 1);
        }
    }

    static void assertPageSizes(List<Page> pages, int maxRows)
    {
        for (Page page : pages) {
            assertThat(page.getPositionCount()).isBetween(1, maxRows);
        }
    }
}
