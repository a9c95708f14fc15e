package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * Dates, timestamps and intervals: literals, arithmetic, EXTRACT, DATE_TRUNC and Redshift's
 * DATEADD/DATEDIFF, checked against their PostgreSQL equivalents.
 */
class TestDateTimeFunctions
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE events (id integer, d date, ts timestamp)");
        executeInBoth("""
                INSERT INTO events VALUES
                    (1, DATE '2024-01-31', TIMESTAMP '2024-01-31 23:59:59.123456'),
                    (2, DATE '2024-02-29', TIMESTAMP '2024-02-29 00:00:00'),
                    (3, DATE '2023-12-31', TIMESTAMP '2023-12-31 12:30:45'),
                    (4, DATE '1999-03-15', TIMESTAMP '1999-03-15 06:07:08.5'),
                    (5, DATE '2000-02-28', TIMESTAMP '2000-02-28 18:00:00'),
                    (6, NULL, NULL)""");
    }

    @Test
    void testLiteralsAndComparisons()
    {
        assertQuery("SELECT DATE '2024-02-29', TIMESTAMP '2024-02-29 13:14:15.5', CAST('2024-02-29' AS date), '2023-01-01'::date");
        assertQuery("SELECT id FROM events WHERE d < DATE '2024-01-01'");
        assertQuery("SELECT id FROM events WHERE ts >= TIMESTAMP '2024-01-31 00:00:00'");
        assertQuery("SELECT id FROM events WHERE d BETWEEN DATE '2000-01-01' AND DATE '2024-01-31'");
        assertQuery("SELECT min(d), max(d), min(ts), max(ts) FROM events");
        assertQuery("SELECT id, d, ts FROM events ORDER BY d DESC, id");
        assertQuery("SELECT id, CAST(ts AS date), CAST(d AS timestamp) FROM events");
        // a constant cast keeps its microseconds; years after 9999 are dates like any other
        assertQuery("SELECT CAST('2024-02-29 13:14:15.123456' AS timestamp), CAST('2024-02-29 13:14:15.123456' AS timestamp) > TIMESTAMP '2024-02-29 13:14:15.123455'");
        assertQuery("SELECT DATE '12000-01-01', DATE '12000-01-01' + 1, TIMESTAMP '12000-06-30 10:00:00.5', DATE '9999-12-31' + 1");
    }

    /**
     * A date compared with a timestamp (as {@code d < DATE 'x' + INTERVAL '1' MONTH} is) is planned as
     * a comparison of the date with a day; at and around midnight, from both sides, every operator.
     */
    @Test
    void testDateComparedWithTimestamp()
    {
        for (String operator : java.util.List.of("<", "<=", ">", ">=", "=", "<>")) {
            for (String timestamp : java.util.List.of("TIMESTAMP '2024-01-31 00:00:00'", "TIMESTAMP '2024-01-31 00:00:00.000001'",
                    "TIMESTAMP '2024-01-30 23:59:59.999999'", "TIMESTAMP '1999-03-15 12:00:00'", "TIMESTAMP '1969-12-31 06:00:00'")) {
                assertQuery("SELECT id FROM events WHERE d %s %s".formatted(operator, timestamp));
                assertQuery("SELECT id FROM events WHERE %s %s d".formatted(timestamp, operator));
                assertQuery("SELECT id, d %s %s FROM events".formatted(operator, timestamp));
            }
        }
        assertQuery("SELECT id FROM events WHERE d >= DATE '2000-01-01' AND d < DATE '2024-01-01' + INTERVAL '1' MONTH");
        assertQuery("SELECT id FROM events WHERE d <= DATE '2024-03-01' - INTERVAL '1' DAY");
        String plan = String.join("\n", session().execute("EXPLAIN SELECT id FROM events WHERE d < DATE '2024-01-01' + INTERVAL '1' MONTH AND d > TIMESTAMP '1999-03-15 12:00:00'")
                .rows().stream().map(row -> (String) row.getFirst()).toList());
        org.assertj.core.api.Assertions.assertThat(plan)
                // DATE '2024-01-01' + INTERVAL '1' MONTH is the midnight of 2024-02-01; 12:00 on 1999-03-15 is within that day
                .contains("less_than($1, %d:date)".formatted(java.time.LocalDate.of(2024, 2, 1).toEpochDay()))
                .contains("greater_than($1, %d:date)".formatted(java.time.LocalDate.of(1999, 3, 15).toEpochDay()))
                .doesNotContain("cast");
    }

    @Test
    void testIntervalArithmetic()
    {
        assertQuery("SELECT id, d + INTERVAL '1' DAY, d - INTERVAL '1' MONTH, d + INTERVAL '1' YEAR FROM events");
        assertQuery("SELECT id, ts + INTERVAL '90' MINUTE, ts - INTERVAL '36' HOUR FROM events");
        assertQuery("SELECT id, d + 30, d - 1 FROM events");
        assertQuery("SELECT DATE '1998-12-01' - INTERVAL '90' DAY, DATE '1995-01-01' + INTERVAL '3' MONTH");
        assertQuery("SELECT id, DATE '2024-03-01' - d FROM events");
    }

    @Test
    void testExtract()
    {
        assertQuery("SELECT id, extract(year FROM d), extract(month FROM d), extract(day FROM d), extract(quarter FROM d) FROM events");
        assertQuery("SELECT id, extract(dow FROM d), extract(doy FROM d), extract(week FROM d) FROM events");
        assertQuery("SELECT id, extract(hour FROM ts), extract(minute FROM ts), extract(year FROM ts) FROM events");
        assertQuery("SELECT extract(year FROM d), count(*) FROM events GROUP BY extract(year FROM d)");
        assertQuery("SELECT id, date_part('month', d) FROM events");
    }

    @Test
    void testDateTrunc()
    {
        // Redshift's DATE_TRUNC returns a timestamp; PostgreSQL's date_trunc over a date argument would use timestamptz
        assertQuery(
                "SELECT id, DATE_TRUNC('month', d), DATE_TRUNC('year', d), DATE_TRUNC('quarter', d), DATE_TRUNC('week', d) FROM events",
                "SELECT id, date_trunc('month', d::timestamp), date_trunc('year', d::timestamp), date_trunc('quarter', d::timestamp), date_trunc('week', d::timestamp) FROM events");
        assertQuery("SELECT id, date_trunc('day', ts), date_trunc('hour', ts), date_trunc('minute', ts), date_trunc('month', ts) FROM events");
        assertQuery(
                "SELECT DATE_TRUNC('month', d) AS m, count(*) FROM events GROUP BY DATE_TRUNC('month', d)",
                "SELECT date_trunc('month', d::timestamp) AS m, count(*) FROM events GROUP BY date_trunc('month', d::timestamp)");
    }

    @Test
    void testDateAdd()
    {
        // DATEADD returns a timestamp; adding months clamps to the end of a shorter month
        assertQuery(
                "SELECT id, DATEADD(month, 1, d), DATEADD(day, -1, d), DATEADD(year, 1, d), DATEADD(week, 2, d) FROM events",
                "SELECT id, d + interval '1 month', d + interval '-1 day', d + interval '1 year', d + interval '2 weeks' FROM events");
        assertQuery(
                "SELECT id, DATEADD(hour, 25, ts), DATEADD(minute, -30, ts), DATEADD(month, -1, ts) FROM events",
                "SELECT id, ts + interval '25 hours', ts + interval '-30 minutes', ts + interval '-1 month' FROM events");
        assertQuery(
                "SELECT DATEADD(month, 1, DATE '2024-01-31'), DATEADD(month, 13, DATE '2023-01-31'), DATEADD(year, 1, DATE '2024-02-29')",
                "SELECT DATE '2024-01-31' + interval '1 month', DATE '2023-01-31' + interval '13 months', DATE '2024-02-29' + interval '1 year'");
    }

    @Test
    void testDateDiff()
    {
        // DATEDIFF counts the boundaries of the date part crossed between the two values
        assertQuery(
                "SELECT id, DATEDIFF(day, d, DATE '2024-03-01'), DATEDIFF(day, DATE '2024-03-01', d) FROM events",
                "SELECT id, DATE '2024-03-01' - d, d - DATE '2024-03-01' FROM events");
        assertQuery(
                "SELECT id, DATEDIFF(month, d, DATE '2024-03-01'), DATEDIFF(year, d, DATE '2024-03-01') FROM events",
                """
                SELECT id,
                       (2024 * 12 + 3) - (extract(year FROM d) * 12 + extract(month FROM d)),
                       2024 - extract(year FROM d)
                FROM events""");
        assertQuery(
                "SELECT id, DATEDIFF(hour, ts, TIMESTAMP '2024-03-01 00:00:00') FROM events",
                "SELECT id, (extract(epoch FROM date_trunc('hour', TIMESTAMP '2024-03-01 00:00:00')) - extract(epoch FROM date_trunc('hour', ts))) / 3600 FROM events");
        assertQuery(
                "SELECT DATEDIFF(day, DATE '2023-12-31', DATE '2024-01-01'), DATEDIFF(month, DATE '2023-12-31', DATE '2024-01-01'), DATEDIFF(year, DATE '2023-12-31', DATE '2024-01-01')",
                """
                SELECT DATE '2024-01-01' - DATE '2023-12-31',
                       (extract(year FROM DATE '2024-01-01') * 12 + extract(month FROM DATE '2024-01-01')) - (extract(year FROM DATE '2023-12-31') * 12 + extract(month FROM DATE '2023-12-31')),
                       extract(year FROM DATE '2024-01-01') - extract(year FROM DATE '2023-12-31')""");
    }

    @Test
    void testInvalidDates()
    {
        assertBothFail("SELECT CAST('2023-02-29' AS date)", "22008", "(?i)out of range|invalid|2023-02-29");
        assertBothFail("SELECT CAST('not a date' AS date)", "22007", "(?i)invalid|cannot|not a date");
    }
}
