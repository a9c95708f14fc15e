package io.basin.pushdown;

import org.junit.jupiter.api.Test;

import static io.basin.pushdown.RemoteSqlDialect.MYSQL;
import static io.basin.pushdown.RemoteSqlDialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRemoteSqlDialect
{
    @Test
    void quotesIdentifiers()
    {
        assertThat(POSTGRESQL.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(POSTGRESQL.quoteIdentifier("Mixed Case")).isEqualTo("\"Mixed Case\"");
        assertThat(MYSQL.quoteIdentifier("a`b")).isEqualTo("`a``b`");
        assertThat(POSTGRESQL.quoteQualified("s", "t")).isEqualTo("\"s\".\"t\"");
        assertThatThrownBy(() -> POSTGRESQL.quoteIdentifier("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
