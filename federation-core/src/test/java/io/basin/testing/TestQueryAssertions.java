package io.basin.testing;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import static io.basin.testing.QueryAssertions.hasTopLevelOrderBy;
import static org.assertj.core.api.Assertions.assertThat;

class TestQueryAssertions
{
    @Test
    void testPostgreSqlValuesMapToBasinJavaTypes()
            throws Exception
    {
        try (QueryAssertions assertions = new QueryAssertions(TestingPostgreSqlServer.shared(), "query_assertions")) {
            List<Object> row = assertions.queryPostgres("""
                    SELECT true, 1::smallint, 2, 3::bigint, 4.50::numeric(5,2), 1.5::real, 2.5::double precision, 'x'::varchar, 'y'::char(3),
                           DATE '2024-02-29', TIMESTAMP '2024-02-29 10:11:12.123456', '\\x0102'::bytea, interval '1 year 2 months', interval '3 days 04:05:06',
                           NULL::integer""").getFirst();
            assertThat(row).containsExactly(
                    true, (short) 1, 2, 3L, new BigDecimal("4.50"), 1.5f, 2.5, "x", "y  ",
                    LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 10, 11, 12, 123_456_000), new byte[] {1, 2},
                    new PGInterval(1, 2, 0, 0, 0, 0), new PGInterval(0, 0, 3, 4, 5, 6), null);
            // and they match what Basin returns for the same SQL values
            List<Object> basin = Arrays.asList(
                    true, (short) 1, 2, 3L, new BigDecimal("4.5"), 1.5f, 2.5, "x", "y  ",
                    LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 10, 11, 12, 123_456_000), new byte[] {1, 2},
                    Period.of(1, 2, 0), Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6), null);
            assertThat(ResultComparator.rowsMatch(row, basin)).isTrue();
        }
    }

    @Test
    void testTopLevelOrderBy()
    {
        assertThat(hasTopLevelOrderBy("SELECT a FROM t ORDER BY a")).isTrue();
        assertThat(hasTopLevelOrderBy("select a from t order\n  by a limit 3")).isTrue();
        assertThat(hasTopLevelOrderBy("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1")).isTrue();
        assertThat(hasTopLevelOrderBy("WITH x AS (SELECT a FROM t ORDER BY a) SELECT * FROM x ORDER BY a DESC")).isTrue();
        assertThat(hasTopLevelOrderBy("SELECT a FROM t ORDER /* c */ BY a")).isTrue();
    }

    @Test
    void testNestedOrQuotedOrderByIsIgnored()
    {
        assertThat(hasTopLevelOrderBy("SELECT a FROM t")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a LIMIT 3) x")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT row_number() OVER (ORDER BY a) FROM t")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT string_agg(a, ',' ORDER BY a) FROM t")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT 'x ORDER BY y' FROM t")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT 'it''s' AS \"order by\" FROM t")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT a FROM t -- ORDER BY a")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT a AS \"order\", b AS by_ FROM t")).isFalse();
        assertThat(hasTopLevelOrderBy("SELECT border, by FROM t")).isFalse();
    }
}
