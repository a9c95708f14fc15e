package io.basin.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTpchQueries
{
    @ParameterizedTest
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testQueriesAreSingleStatements(int number)
    {
        String sql = TpchQueries.query(number);
        assertThat(sql).startsWithIgnoringCase(number == 15 ? "WITH" : "SELECT");
        assertThat(sql).doesNotContain(";").doesNotContain("-- database").doesNotContainIgnoringCase("date(");
    }

    @Test
    void testQ15IsRewrittenAsCommonTableExpression()
    {
        String sql = TpchQueries.query(15);
        assertThat(sql).doesNotContainIgnoringCase("CREATE").doesNotContainIgnoringCase("VIEW");
        assertThat(sql).startsWith("WITH revenue AS (\nSELECT");
        assertThat(sql).contains("sum(l_extendedprice * (1 - l_discount)) AS total_revenue");
        assertThat(sql).contains("GROUP BY\n  l_suppkey\n)\nSELECT\n  s_suppkey");
        assertThat(sql).endsWith("ORDER BY\n  s_suppkey");
    }

    @Test
    void testQ20UsesStandardDateLiterals()
    {
        assertThat(TpchQueries.query(20))
                .contains("l_shipdate >= DATE '1994-01-01'")
                .contains("l_shipdate < DATE '1994-01-01' + interval '1' YEAR");
    }

    @Test
    void testOtherQueriesAreUnchanged()
    {
        assertThat(TpchQueries.query(1)).isEqualTo(TpchQueries.readResource("io/trino/tpch/queries/q1.sql").lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow().strip());
    }

    @Test
    void testInvalidNumber()
    {
        assertThatThrownBy(() -> TpchQueries.query(23)).hasMessageContaining("between 1 and 22");
    }
}
