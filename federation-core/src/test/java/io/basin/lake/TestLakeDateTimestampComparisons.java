package io.basin.lake;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date column compared with a timestamp ({@code d <= TIMESTAMP '...'}, typed as
 * {@code CAST(d AS timestamp) <= ...}) is rewritten into a comparison of dates that reaches the
 * lake scan. Every operator, both ways round, with timestamps at, just before, just after and
 * between midnights (before and after 1970), selects the same rows as PostgreSQL.
 */
class TestLakeDateTimestampComparisons
        extends BasePostgresOracleTest
{
    private static final List<String> DAYS = List.of(
            "1969-12-29", "1969-12-30", "1969-12-31", "1970-01-01", "1970-01-02",
            "1998-08-31", "1998-09-01", "1998-09-02", "1998-09-03", "1998-09-04");

    private static final List<String> TIMESTAMPS = List.of(
            "1969-12-31 00:00:00", "1969-12-30 23:59:59.999999", "1969-12-31 00:00:00.000001", "1969-12-31 12:00:00.5",
            "1970-01-01 00:00:00", "1969-12-31 23:59:59.999999", "1970-01-01 00:00:00.000001",
            "1998-09-02 00:00:00", "1998-09-01 23:59:59.999999", "1998-09-02 00:00:00.000001", "1998-09-02 12:00:00",
            "1998-09-02 23:59:59", "1998-08-01 00:00:00", "1999-01-01 06:00:00");

    private static final List<String> OPERATORS = List.of("<", "<=", ">", ">=", "=", "<>");

    @Override
    protected void createTables()
    {
        session().execute("CREATE SCHEMA lake.date_ts");
        session().execute("CREATE TABLE lake.date_ts.days (id integer, d date)");
        assertions().executeOnPostgres("CREATE TABLE days (id integer, d date)");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            rows.add("(%s, DATE '%s')".formatted(i, DAYS.get(i)));
        }
        rows.add("(99, NULL)");
        String values = String.join(", ", rows);
        session().execute("INSERT INTO lake.date_ts.days VALUES " + values);
        assertions().executeOnPostgres("INSERT INTO days VALUES " + values);
    }

    @Test
    void testEveryOperatorAroundMidnight()
    {
        for (String timestamp : TIMESTAMPS) {
            for (String operator : OPERATORS) {
                for (String comparison : List.of("d %s TIMESTAMP '%s'".formatted(operator, timestamp), "TIMESTAMP '%s' %s d".formatted(timestamp, operator))) {
                    assertQuery("SELECT id FROM lake.date_ts.days WHERE " + comparison, "SELECT id FROM days WHERE " + comparison);
                    // inside an expression too, where NULL must stay NULL
                    assertQuery("SELECT id, NOT (" + comparison + ") FROM lake.date_ts.days", "SELECT id, NOT (" + comparison + ") FROM days");
                }
            }
        }
    }

    @Test
    void testPushedAsDateComparison()
    {
        String plan = String.join("\n", session().execute("EXPLAIN SELECT id FROM lake.date_ts.days WHERE d < TIMESTAMP '1998-09-02 12:00:00'").rows().stream()
                .map(row -> String.valueOf(row.getFirst())).toList());
        assertThat(plan).contains("predicate=(d in");
        // the same filter written with a date needs no engine filter either: the rewritten one is exact
        String datePlan = String.join("\n", session().execute("EXPLAIN SELECT id FROM lake.date_ts.days WHERE d <= DATE '1998-09-02'").rows().stream()
                .map(row -> String.valueOf(row.getFirst())).toList());
        assertThat(plan.replaceAll("\\s+", " ")).isEqualTo(datePlan.replaceAll("\\s+", " "));
    }
}
