package io.basin.sql.parser;

import io.basin.error.BasinException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRedshiftTableAttributes
{
    @Test
    void testTableAndColumnAttributes()
    {
        Statement statement = StatementParser.parse("""
                CREATE TABLE sales (
                    id bigint NOT NULL ENCODE az64 DISTKEY,
                    sold date ENCODE delta SORTKEY,
                    region varchar(20) ENCODE bytedict,
                    note varchar(100))
                BACKUP NO""");
        Statement.CreateTable create = (Statement.CreateTable) statement;
        assertThat(create.properties()).isEqualTo(Map.of("distkey", "id", "sortkey", "sold"));
        assertThat(create.columns()).extracting(Statement.ColumnDefinition::encoding)
                .containsExactly(Optional.of("AZ64"), Optional.of("DELTA"), Optional.of("BYTEDICT"), Optional.empty());
        assertThat(create.columns()).extracting(Statement.ColumnDefinition::nullable).containsExactly(false, true, true, true);
    }

    @Test
    void testAttributesAfterTheColumnList()
    {
        Statement.CreateTable create = (Statement.CreateTable) StatementParser.parse(
                "create table t (a int, \"B\" int, c text) diststyle key distkey(a) interleaved sortkey(\"B\", c)");
        assertThat(create.properties()).isEqualTo(Map.of("diststyle", "KEY", "distkey", "a", "sortkey", "B,c", "sortstyle", "INTERLEAVED"));
        assertThat(create.columns()).extracting(Statement.ColumnDefinition::name).containsExactly("a", "B", "c");
    }

    @Test
    void testCreateTableAs()
    {
        Statement.CreateTableAs create = (Statement.CreateTableAs) StatementParser.parse(
                "CREATE TABLE t DISTSTYLE EVEN COMPOUND SORTKEY (k) AS SELECT 1 AS k, 'sortkey' AS v");
        assertThat(create.properties()).isEqualTo(Map.of("diststyle", "EVEN", "sortkey", "k", "sortstyle", "COMPOUND"));
        // a plain CREATE TABLE has no properties
        assertThat(((Statement.CreateTable) StatementParser.parse("CREATE TABLE u (x int)")).properties()).isEmpty();
    }

    @Test
    void testSlices()
    {
        Statement.CreateTable create = (Statement.CreateTable) StatementParser.parse("CREATE TABLE t (a int) DISTKEY (a) SLICES 8");
        assertThat(create.properties()).isEqualTo(Map.of("distkey", "a", "slices", "8"));
        Statement.CreateTableAs createAs = (Statement.CreateTableAs) StatementParser.parse("CREATE TABLE t DISTSTYLE EVEN SLICES 3 AS SELECT 1 AS slices");
        assertThat(createAs.properties()).isEqualTo(Map.of("diststyle", "EVEN", "slices", "3"));
        // a table named slices is not the attribute
        Statement.CreateTable named = (Statement.CreateTable) StatementParser.parse("CREATE TABLE slices (slices int)");
        assertThat(named.properties()).isEmpty();
        assertThat(named.columns()).extracting(Statement.ColumnDefinition::name).containsExactly("slices");
    }

    @Test
    void testMalformedAttributes()
    {
        assertThatThrownBy(() -> StatementParser.parse("CREATE TABLE t (a int) DISTKEY (a, b)"))
                .isInstanceOf(BasinException.class).hasMessageContaining("DISTKEY names exactly one column");
        assertThatThrownBy(() -> StatementParser.parse("CREATE TABLE t (a int) INTERLEAVED (a)"))
                .isInstanceOf(BasinException.class).hasMessageContaining("INTERLEAVED must be followed by SORTKEY");
        assertThatThrownBy(() -> StatementParser.parse("CREATE TABLE t (a int) SORTKEY a"))
                .isInstanceOf(BasinException.class).hasMessageContaining("expected a parenthesized list of columns");
        assertThat(List.of(StatementParser.parse("DELETE FROM t WHERE a = 1"), StatementParser.parse("TRUNCATE TABLE s.t")))
                .extracting(statement -> statement.getClass().getSimpleName()).containsExactly("Delete", "Truncate");
        assertThat(StatementParser.parse("VACUUM SORT ONLY s.t")).isEqualTo(new Statement.Vacuum(Optional.of(List.of("s", "t"))));
        assertThat(StatementParser.parse("vacuum")).isEqualTo(new Statement.Vacuum(Optional.empty()));
    }
}
