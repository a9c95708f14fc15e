package io.basin.testing;

import org.junit.jupiter.api.Test;

import static io.basin.testing.QueryAssertions.hasTopLevelOrderBy;
import static org.assertj.core.api.Assertions.assertThat;

class TestHasTopLevelOrderBy
{
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
