package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows a set of values accepts (a join's keys, offered as a dynamic filter): dense keys (a
 * bitmap over their range), sparse and extreme ones (a hash set), with NULLs, each row checked
 * against Trino's own {@link Domain#includesNullableValue}.
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
        }
    }

    private static List<Long> accepted(Type type, Domain domain, List<Long> values)
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
        Block block = builder.build();
        ScanColumn column = new ScanColumn(KEY.fieldId(), KEY.name(), type);
        RowFilter filter = RowFilter.create(TupleDomain.withColumnDomains(Map.of(column, domain)), List.of(column));
        int[] positions = new int[values.size()];
        int count = filter.filter(SourcePage.create(new Page(block)), positions);
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accepted.add(values.get(positions[i]));
        }
        return accepted;
    }
}
