package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows a set of values accepts (a join's keys, offered as a dynamic filter): dense keys (a
 * bitmap over their range), sparse and extreme ones (a hash set), with NULLs, each row checked
 * against Trino's own {@link Domain#includesNullableValue}; and single ranges (comparisons,
 * BETWEEN) over every long-valued type, their ends included or not, at the extremes of the longs.
 */
class TestRowFilter
{
    private static final ScanColumn KEY = new ScanColumn(1, "key", BIGINT);

    @Test
    void testDenseKeySet()
    {
        Random random = new Random(17);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            keys.add((long) random.nextInt(200_000) + 1);
        }
        // probe values around and beyond the keys' range, every row tested
        assertFilterMatchesDomain(BIGINT, Domain.multipleValues(BIGINT, keys), random, -10, 200_020);
    }

    @Test
    void testSparseAndExtremeKeySet()
    {
        Random random = new Random(23);
        List<Object> keys = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L));
        for (int i = 0; i < 200; i++) {
            keys.add(random.nextLong());
        }
        Domain domain = Domain.multipleValues(BIGINT, keys);
        assertFilterMatchesDomain(BIGINT, domain, random, -1_000, 1_000);
        // the keys themselves are accepted, including the long marking an empty hash slot
        assertThat(accepted(BIGINT, domain, keys.stream().map(Long.class::cast).toList())).hasSize(keys.size());
    }

    @Test
    void testNullsAndSmallerTypes()
    {
        Random random = new Random(31);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add((long) random.nextInt(1_000) - 500);
        }
        assertFilterMatchesDomain(INTEGER, Domain.multipleValues(INTEGER, keys), random, -600, 600);
        assertFilterMatchesDomain(DATE, Domain.create(Domain.multipleValues(DATE, keys).getValues(), true), random, -600, 600);
    }

    @Test
    void testSingleRanges()
    {
        Random random = new Random(41);
        for (Type type : List.of(BIGINT, INTEGER, DATE, SMALLINT, TINYINT, createDecimalType(12, 2))) {
            for (Range range : List.of(
                    Range.range(type, -20L, true, 30L, true),
                    Range.range(type, -20L, false, 30L, false),
                    Range.range(type, -20L, false, 30L, true),
                    Range.range(type, -20L, true, 30L, false),
                    Range.range(type, 7L, false, 9L, false),
                    Range.lessThan(type, 5L),
                    Range.lessThanOrEqual(type, 5L),
                    Range.greaterThan(type, -5L),
                    Range.greaterThanOrEqual(type, -5L),
                    Range.equal(type, 3L))) {
                for (boolean nullAllowed : new boolean[] {false, true}) {
                    Domain domain = Domain.create(ValueSet.ofRanges(range), nullAllowed);
                    assertFilterMatchesDomain(type, domain, random, -40, 40);
                }
            }
        }
        // the ends of the longs: an excluded extreme leaves the rest of the longs
        Random extremes = new Random(43);
        for (Range range : List.of(
                Range.greaterThan(BIGINT, Long.MIN_VALUE),
                Range.lessThan(BIGINT, Long.MAX_VALUE),
                Range.range(BIGINT, Long.MIN_VALUE, false, Long.MAX_VALUE, false),
                Range.range(BIGINT, Long.MIN_VALUE, true, Long.MAX_VALUE, true),
                Range.greaterThanOrEqual(BIGINT, Long.MAX_VALUE),
                Range.lessThanOrEqual(BIGINT, Long.MIN_VALUE),
                // ends that cannot move in: no long lies in these
                Range.greaterThan(BIGINT, Long.MAX_VALUE),
                Range.lessThan(BIGINT, Long.MIN_VALUE))) {
            Domain domain = Domain.create(ValueSet.ofRanges(range), false);
            List<Long> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE));
            for (int i = 0; i < 1_000; i++) {
                values.add(extremes.nextLong());
            }
            List<Long> expected = values.stream().filter(domain::includesNullableValue).toList();
            assertThat(accepted(BIGINT, domain, values)).isEqualTo(expected);
        }
    }

    @Test
    void testSecondColumnFiltersTheFirstColumnsSurvivors()
    {
        // the second column's test reads only the rows the first kept, through their positions
        Random random = new Random(47);
        ScanColumn first = new ScanColumn(1, "first", DATE);
        ScanColumn second = new ScanColumn(2, "second", BIGINT);
        Domain firstDomain = Domain.create(ValueSet.ofRanges(Range.range(DATE, 100L, true, 200L, false)), false);
        Domain secondDomain = Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 5L, true, 7L, true)), true);
        BlockBuilder firstBuilder = DATE.createBlockBuilder(null, 10_000);
        BlockBuilder secondBuilder = BIGINT.createBlockBuilder(null, 10_000);
        List<Integer> expected = new ArrayList<>();
        for (int row = 0; row < 10_000; row++) {
            long date = random.nextInt(400);
            Long value = row % 13 == 0 ? null : (long) random.nextInt(11);
            DATE.writeLong(firstBuilder, date);
            if (value == null) {
                secondBuilder.appendNull();
            }
            else {
                BIGINT.writeLong(secondBuilder, value);
            }
            if (firstDomain.includesNullableValue(date) && secondDomain.includesNullableValue(value)) {
                expected.add(row);
            }
        }
        RowFilter filter = RowFilter.create(TupleDomain.withColumnDomains(Map.of(first, firstDomain, second, secondDomain)), List.of(first, second));
        int[] positions = new int[10_000];
        int count = filter.filter(SourcePage.create(new Page(firstBuilder.build(), secondBuilder.build())), positions);
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accepted.add(positions[i]);
        }
        assertThat(expected).isNotEmpty();
        assertThat(accepted).isEqualTo(expected);
    }

    private static void assertFilterMatchesDomain(Type type, Domain domain, Random random, long low, long high)
    {
        // a block with NULLs and one without (the filter has a loop for each)
        for (int nullEvery : new int[] {97, 0}) {
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                values.add(nullEvery > 0 && i % nullEvery == 1 ? null : low + (long) (random.nextDouble() * (high - low)));
            }
            List<Long> expected = values.stream().filter(value -> domain.includesNullableValue(value)).toList();
            assertThat(expected).isNotEmpty();
            assertThat(accepted(type, domain, values)).isEqualTo(expected);
            // dictionary-encoded, as decoders hand over such columns: decided once per entry
            assertThat(acceptedFromDictionary(type, domain, values, 0)).isEqualTo(expected);
            // a dictionary far larger than the page: decided through the rows' values
            assertThat(acceptedFromDictionary(type, domain, values, 100_000)).isEqualTo(expected);
        }
    }

    @Test
    void testDictionarySharedByPages()
    {
        // one dictionary for every page of a column chunk, decided once, then read by each page's ids
        Type type = DATE;
        Domain domain = Domain.create(ValueSet.ofRanges(Range.range(type, 10L, true, 20L, false)), false);
        BlockBuilder entries = type.createBlockBuilder(null, 31);
        for (long day = 0; day < 30; day++) {
            type.writeLong(entries, day);
        }
        entries.appendNull();
        Block dictionary = entries.build();
        RowFilter filter = filterOf(type, domain);
        Random random = new Random(53);
        for (int page = 0; page < 3; page++) {
            int[] ids = new int[2_000];
            List<Integer> expected = new ArrayList<>();
            for (int row = 0; row < ids.length; row++) {
                ids[row] = random.nextInt(31);
                if (ids[row] < 30 && domain.includesNullableValue((long) ids[row])) {
                    expected.add(row);
                }
            }
            int[] positions = new int[ids.length];
            int count = filter.filter(SourcePage.create(new Page(DictionaryBlock.create(ids.length, dictionary, ids))), positions);
            assertThat(Arrays.stream(positions, 0, count).boxed().toList()).isEqualTo(expected);
        }
    }

    @Test
    void testColumnComparisons()
    {
        // every operator on every long-valued type, values drawn from a small range so that many
        // rows are equal; with NULLs on either side or none; the right side flat or dictionary-encoded;
        // after a domain on a third column, so the comparison reads only that column's survivors
        Random random = new Random(61);
        for (Type type : List.of(BIGINT, INTEGER, DATE, SMALLINT, TINYINT, createDecimalType(12, 2))) {
            ScanColumn left = new ScanColumn(1, "left", type);
            ScanColumn right = new ScanColumn(2, "right", type);
            ScanColumn third = new ScanColumn(3, "third", BIGINT);
            for (ColumnComparison.Operator operator : ColumnComparison.Operator.values()) {
                for (int nullEvery : new int[] {0, 7}) {
                    for (boolean dictionary : new boolean[] {false, true}) {
                        int rows = 5_000;
                        List<Long> lefts = new ArrayList<>();
                        List<Long> rights = new ArrayList<>();
                        List<Long> thirds = new ArrayList<>();
                        List<Integer> expected = new ArrayList<>();
                        for (int row = 0; row < rows; row++) {
                            Long l = nullEvery > 0 && row % nullEvery == 3 ? null : (long) random.nextInt(21) - 10;
                            Long r = nullEvery > 0 && row % (nullEvery + 4) == 5 ? null : (long) random.nextInt(21) - 10;
                            lefts.add(l);
                            rights.add(r);
                            long thirdValue = random.nextInt(4);
                            thirds.add(thirdValue);
                            if (thirdValue != 0 && l != null && r != null && compares(operator, l, r)) {
                                expected.add(row);
                            }
                        }
                        Block rightBlock = dictionary ? dictionaryBlock(type, rights, 0) : flatBlock(type, rights);
                        Page page = new Page(flatBlock(type, lefts), rightBlock, flatBlock(BIGINT, thirds));
                        RowFilter filter = RowFilter.create(
                                TupleDomain.withColumnDomains(Map.of(third, Domain.create(ValueSet.ofRanges(Range.greaterThan(BIGINT, 0L)), false))),
                                List.of(new ColumnComparison(left, operator, right)),
                                List.of(left, right, third));
                        int[] positions = new int[rows];
                        int count = filter.filter(SourcePage.create(page), positions);
                        assertThat(expected).isNotEmpty();
                        assertThat(Arrays.stream(positions, 0, count).boxed().toList())
                                .as("%s %s, NULL every %s, dictionary %s", type, operator, nullEvery, dictionary)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    private static boolean compares(ColumnComparison.Operator operator, long left, long right)
    {
        return switch (operator) {
            case EQUAL -> left == right;
            case NOT_EQUAL -> left != right;
            case LESS_THAN -> left < right;
            case LESS_THAN_OR_EQUAL -> left <= right;
            case GREATER_THAN -> left > right;
            case GREATER_THAN_OR_EQUAL -> left >= right;
        };
    }

    private static Block flatBlock(Type type, List<Long> values)
    {
        BlockBuilder builder = type.createBlockBuilder(null, values.size());
        for (Long value : values) {
            if (value == null) {
                builder.appendNull();
            }
            else {
                type.writeLong(builder, value);
            }
        }
        return builder.build();
    }

    /** The values {@code domain} accepts of a dictionary-encoded block of {@code values} (see {@link #dictionaryBlock}). */
    private static List<Long> acceptedFromDictionary(Type type, Domain domain, List<Long> values, int padding)
    {
        return accepted(type, domain, dictionaryBlock(type, values, padding), values);
    }

    private static List<Long> accepted(Type type, Domain domain, List<Long> values)
    {
        return accepted(type, domain, flatBlock(type, values), values);
    }

    /**
     * The values dictionary-encoded: the entries are the distinct values in their order of
     * appearance, then a NULL entry, then {@code padding} entries no row uses.
     */
    private static Block dictionaryBlock(Type type, List<Long> values, int padding)
    {
        List<Long> distinct = values.stream().filter(Objects::nonNull).distinct().toList();
        List<Long> entries = new ArrayList<>(distinct);
        entries.add(null);
        entries.addAll(java.util.Collections.nCopies(padding, 0L));
        Map<Long, Integer> idOfValue = new HashMap<>();
        distinct.forEach(value -> idOfValue.put(value, idOfValue.size()));
        int[] ids = new int[values.size()];
        for (int row = 0; row < ids.length; row++) {
            ids[row] = values.get(row) == null ? distinct.size() : idOfValue.get(values.get(row));
        }
        return DictionaryBlock.create(ids.length, flatBlock(type, entries), ids);
    }

    /** The {@code values} whose rows of {@code block} (which holds them) the filter of {@code domain} keeps. */
    private static List<Long> accepted(Type type, Domain domain, Block block, List<Long> values)
    {
        int[] positions = new int[values.size()];
        int count = filterOf(type, domain).filter(SourcePage.create(new Page(block)), positions);
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accepted.add(values.get(positions[i]));
        }
        return accepted;
    }

    private static RowFilter filterOf(Type type, Domain domain)
    {
        ScanColumn column = new ScanColumn(KEY.fieldId(), KEY.name(), type);
        return RowFilter.create(TupleDomain.withColumnDomains(Map.of(column, domain)), List.of(column));
    }
}
