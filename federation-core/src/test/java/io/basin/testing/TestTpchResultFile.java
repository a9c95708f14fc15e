package io.basin.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

@TestInstance(PER_CLASS)
class TestTpchResultFile
{
    private QueryAssertions postgres;

    @BeforeAll
    void setUp()
    {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.shared();
        String schema = TpchPostgresLoader.load(server, 0.01);
        postgres = new QueryAssertions(server, schema);
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        postgres.close();
    }

    @Test
    void testParseHeaderAndRows()
    {
        TpchResultFile file = TpchResultFile.parse("""
                -- delimiter: |; ignoreOrder: false; types: BIGINT|DECIMAL|DATE|INTEGER
                47714|267010.5894|1995-03-11|0|
                22276|266351.5562|1995-01-29|0|
                """);
        assertThat(file.ignoreOrder()).isFalse();
        assertThat(file.types()).containsExactly("BIGINT", "DECIMAL", "DATE", "INTEGER");
        assertThat(file.rows()).containsExactly(
                List.of("47714", "267010.5894", "1995-03-11", "0"),
                List.of("22276", "266351.5562", "1995-01-29", "0"));
    }

    @Test
    void testRowsWithAndWithoutTrailingDelimiterAndNulls()
    {
        TpchResultFile q1 = TpchResultFile.forQuery(1);
        assertThat(q1.types()).isEmpty();
        assertThat(q1.rows()).hasSize(4).allSatisfy(row -> assertThat(row).hasSize(10));
        assertThat(q1.rows().getFirst()).startsWith("A", "F", "380456");

        TpchResultFile q17 = TpchResultFile.forQuery(17);
        assertThat(q17.types()).containsExactly("DOUBLE");
        assertThat(q17.rows()).containsExactly(Arrays.asList((String) null));

        TpchResultFile unordered = TpchResultFile.parse("-- delimiter: ,; ignoreOrder: true;\na,1\nb,2\n");
        assertThat(unordered.ignoreOrder()).isTrue();
        assertThat(unordered.rows()).containsExactly(List.of("a", "1"), List.of("b", "2"));
    }

    @Test
    void testNumbersMatchAtTheShownPrecision()
    {
        // averages are shown rounded
        assertThat(TpchResultFile.valueMatches("25.58", new BigDecimal("25.5797565591307037"), "")).isTrue();
        assertThat(TpchResultFile.valueMatches("25.58", new BigDecimal("25.57"), "")).isFalse();
        assertThat(TpchResultFile.valueMatches("25.58", 25.579756559, "")).isTrue();
        // sums are shown without trailing zeros
        assertThat(TpchResultFile.valueMatches("380456", new BigDecimal("380456.00"), "")).isTrue();
        assertThat(TpchResultFile.valueMatches("740210.757", new BigDecimal("740210.7570"), "")).isTrue();
        assertThat(TpchResultFile.valueMatches("740210.757", new BigDecimal("740210.7571"), "")).isTrue();
        assertThat(TpchResultFile.valueMatches("740210.757", new BigDecimal("740210.7580"), "")).isFalse();
        // a decimal with fewer digits than shown lost digits, unless the column is a double
        assertThat(TpchResultFile.valueMatches("505822441.4861", new BigDecimal("505822441"), "")).isFalse();
        assertThat(TpchResultFile.valueMatches("505822441.4861", new BigDecimal("505822441"), "DECIMAL")).isFalse();
        assertThat(TpchResultFile.valueMatches("15.4865458122841", new BigDecimal("15.486546"), "DOUBLE")).isTrue();
        assertThat(TpchResultFile.valueMatches("15.4865458122841", new BigDecimal("15.486545"), "DOUBLE")).isFalse();
        // integers are exact
        assertThat(TpchResultFile.valueMatches("14876", 14876L, "")).isTrue();
        assertThat(TpchResultFile.valueMatches("14876", 14877L, "")).isFalse();
        assertThat(TpchResultFile.valueMatches("2.5", 3L, "")).isFalse();
        // other types
        assertThat(TpchResultFile.valueMatches("1995-03-11", LocalDate.of(1995, 3, 11), "DATE")).isTrue();
        assertThat(TpchResultFile.valueMatches("1995-03-11", LocalDate.of(1995, 3, 12), "DATE")).isFalse();
        assertThat(TpchResultFile.valueMatches("Supplier#000000021", "Supplier#000000021   ", "")).isTrue();
        assertThat(TpchResultFile.valueMatches("Supplier#000000021", "Supplier#000000012", "")).isFalse();
        assertThat(TpchResultFile.valueMatches(null, null, "DOUBLE")).isTrue();
        assertThat(TpchResultFile.valueMatches(null, 0.0, "DOUBLE")).isFalse();
        assertThat(TpchResultFile.valueMatches("0", null, "")).isFalse();
        assertThat(TpchResultFile.valueMatches("abc", 1L, "")).isFalse();
    }

    /**
     * PostgreSQL, loaded by {@link TpchPostgresLoader} and running {@link TpchQueries}, gives the
     * shipped answers: this validates the loader, the query texts and the result-file comparison
     * together, independently of Basin.
     */
    @ParameterizedTest
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testPostgreSqlMatchesShippedAnswer(int number)
    {
        List<List<Object>> rows = postgres.queryPostgres(TpchQueries.query(number));
        TpchResultFile expected = TpchResultFile.forQuery(number);
        assertThat(expected.compare(rows)).as("q%s", number).isEmpty();
    }

    @Test
    void testWrongResultsAreRejected()
    {
        TpchResultFile expected = TpchResultFile.forQuery(3);
        List<List<Object>> rows = postgres.queryPostgres(TpchQueries.query(3));
        assertThat(expected.compare(rows)).isEmpty();

        // one revenue off by one cent
        List<List<Object>> wrongValue = copy(rows);
        wrongValue.get(4).set(1, ((BigDecimal) wrongValue.get(4).get(1)).add(new BigDecimal("0.01")));
        assertThat(expected.compare(wrongValue)).hasValueSatisfying(message -> assertThat(message)
                .contains("1 differing positions")
                .contains("row 5: expected"));

        // two rows swapped in an ordered result
        List<List<Object>> swapped = copy(rows);
        swapped.set(0, rows.get(1));
        swapped.set(1, rows.get(0));
        assertThat(expected.compare(swapped)).isPresent();

        // a row missing
        assertThat(expected.compare(copy(rows).subList(0, 9))).hasValueSatisfying(message -> assertThat(message).contains("expected 10 rows, actual 9 rows"));

        // a date a day off
        List<List<Object>> wrongDate = copy(rows);
        wrongDate.get(0).set(2, ((LocalDate) wrongDate.get(0).get(2)).plusDays(1));
        assertThat(expected.compare(wrongDate)).isPresent();

        // a NULL where a value is expected
        List<List<Object>> wrongNull = copy(rows);
        wrongNull.get(9).set(3, null);
        assertThat(expected.compare(wrongNull)).isPresent();

        // q17's answer is NULL: zero is wrong
        assertThat(TpchResultFile.forQuery(17).compare(List.of(Arrays.asList((Object) 0.0)))).isPresent();
        assertThat(TpchResultFile.forQuery(17).compare(List.of(Arrays.asList((Object) null)))).isEmpty();
    }

    private static List<List<Object>> copy(List<List<Object>> rows)
    {
        List<List<Object>> copy = new ArrayList<>();
        rows.forEach(row -> copy.add(new ArrayList<>(row)));
        return copy;
    }
}
