package io.basin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The 22 TPC-H queries as shipped in {@code io.trino.tpch} ({@code io/trino/tpch/queries/qN.sql}),
 * made runnable unchanged on Basin and PostgreSQL over unqualified table names:
 * <ul>
 * <li>the leading {@code -- database: ...} comment and the trailing {@code ;} are removed;</li>
 * <li>Q15's {@code CREATE OR REPLACE VIEW revenue AS ...; SELECT ...} becomes
 * {@code WITH revenue AS (...) SELECT ...} (the TPC-H specification's own variant), so the query
 * is one statement and leaves nothing behind;</li>
 * <li>Q20's Trino-style {@code date('1994-01-01')} becomes the standard literal
 * {@code DATE '1994-01-01'}, as in the TPC-H specification.</li>
 * </ul>
 * Everything else is standard SQL that PostgreSQL runs as is: {@code INTERVAL '3' MONTH},
 * {@code DATE '...' - INTERVAL '90' DAY}, {@code decimal '0.06'}, {@code extract(YEAR FROM d)},
 * {@code substr}, derived-column lists ({@code AS c_orders (c_custkey, c_count)}).
 */
public final class TpchQueries
{
    public static final int QUERY_COUNT = 22;

    private static final Pattern Q15 = Pattern.compile(
            "(?is)\\s*CREATE\\s+OR\\s+REPLACE\\s+VIEW\\s+revenue\\s+AS\\s+(?<view>.+?);\\s*(?<query>SELECT\\s.+?);?\\s*");
    private static final Pattern DATE_FUNCTION = Pattern.compile("(?i)\\bdate\\('(\\d{4}-\\d{2}-\\d{2})'\\)");

    private TpchQueries() {}

    /** Query numbers 1 to 22, for parameterized tests. */
    public static List<Integer> queryNumbers()
    {
        return IntStream.rangeClosed(1, QUERY_COUNT).boxed().toList();
    }

    /** The text of query {@code number}, one statement without a trailing semicolon. */
    public static String query(int number)
    {
        checkArgument(number >= 1 && number <= QUERY_COUNT, "TPC-H query number must be between 1 and 22: %s", number);
        return normalize(number, readResource("io/trino/tpch/queries/q%d.sql".formatted(number)));
    }

    static String normalize(int number, String text)
    {
        String sql = stripDatabaseComment(text).strip();
        if (number == 15) {
            Matcher matcher = Q15.matcher(sql);
            checkArgument(matcher.matches(), "Unexpected shape of TPC-H Q15: %s", sql);
            sql = "WITH revenue AS (\n" + matcher.group("view").strip() + "\n)\n" + matcher.group("query").strip();
        }
        sql = DATE_FUNCTION.matcher(sql).replaceAll("DATE '$1'");
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        checkArgument(!sql.contains(";"), "TPC-H query %s has more than one statement: %s", number, sql);
        return sql;
    }

    private static String stripDatabaseComment(String text)
    {
        StringBuilder result = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (line.stripLeading().startsWith("-- database:")) {
                continue;
            }
            result.append(line).append('\n');
        }
        return result.toString();
    }

    static String readResource(String name)
    {
        try (InputStream in = TpchQueries.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("Resource not found: " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
