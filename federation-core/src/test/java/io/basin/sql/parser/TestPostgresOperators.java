package io.basin.sql.parser;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's {@code ^ & | # ~ << >>} against PostgreSQL: each operator on each integer type,
 * NULLs, and their precedence among themselves, arithmetic, comparison, BETWEEN, IN, NOT, CASE,
 * casts, calls and parentheses (a wrong grouping gives a different number, not an error).
 */
class TestPostgresOperators
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE bits (s smallint, i integer, b bigint)");
        executeInBoth("INSERT INTO bits VALUES (12, 10, 9000000000), (-7, 3, -5), (1, -1, 1), (NULL, 6, NULL), (255, 0, 4294967296)");
    }

    @Test
    void testEachOperator()
    {
        assertQuery("SELECT 12 & 10, 12 | 3, 12 # 10, ~5, 1 << 4, 256 >> 2, -8 >> 1, 2 ^ 10, 2.5 ^ 2");
        assertQuery("SELECT i & 6, i | 1, i # 5, ~i, i << 2, i >> 1, i ^ 2 FROM bits");
        assertQuery("SELECT s & 6, s | 256, s # s, ~s, s << 4, s >> 1, s & i, s | b FROM bits");
        assertQuery("SELECT b & 255, b | 1, b # -1, ~b, b << 3, b >> 2, b & i FROM bits");
        // shifts wrap to the operand's width, as in PostgreSQL
        assertQuery("SELECT 1 << 31, 1 << 32, 1::smallint << 15, 1::smallint << 16, 1::bigint << 63, -1 >> 40");
        assertQuery("SELECT i & NULL, NULL::int << 1, ~ NULL::bigint FROM bits");
    }

    @Test
    void testPrecedence()
    {
        // ^ binds tighter than * and /, and is left-associative
        assertQuery("SELECT 2 ^ 3 ^ 2, 2 * 3 ^ 2, 18 / 3 ^ 2, -2 ^ 2, 2 ^ -1, (2 ^ 3) ^ 2");
        // & | # << >> sit below + and -, left-associative among themselves
        assertQuery("SELECT 1 + 2 & 3, 5 & 3 + 1, 1 | 2 & 3, 6 # 3 | 8, 1 << 2 + 1, 2 * 3 << 1, 7 - 1 >> 1, 1 | 6 # 3 & 5 << 1");
        // prefix ~ takes what binds tighter than it
        assertQuery("SELECT ~ 1 + 2, ~1 & 3, 5 & ~ 1, ~ 2 * 2, - ~ 3, ~ - 3");
        // and above comparison, BETWEEN, IN, IS, NOT
        assertQuery("SELECT 5 & 3 = 1, 5 | 2 > 6, 6 >= 4 | 2, 7 & 3 BETWEEN 2 AND 4, 3 IN (7 & 3, 1), 5 & 4 IS NULL, NOT 4 & 1 = 0");
        assertQuery("SELECT i FROM bits WHERE i & 2 = 2 AND b | 1 > 0 OR s # 1 = 0");
    }

    @Test
    void testOperands()
    {
        // casts, calls, CASE, subscripts-free parentheses, typed literals and aliases
        assertQuery("SELECT (7 & 3)::int * 2, 15 & 6::smallint, '12'::int & 10, abs(-6) & 3, coalesce(i, 0) >> 1 AS shifted FROM bits");
        assertQuery("SELECT CASE WHEN i & 1 = 1 THEN 'odd' ELSE 'even' END, (CASE WHEN i > 3 THEN i END) # 3 x, CASE i & 3 WHEN 2 THEN 2 ^ 2 END FROM bits");
        assertQuery("SELECT sum(i & 3), max(b >> 1), count(*) FILTER (WHERE i & 1 = 0) FROM bits");
        assertQuery("SELECT i, (SELECT max(x & i) FROM (VALUES (3), (12)) t(x)) FROM bits");
        assertQuery("SELECT i & 3 AS k, count(*) FROM bits GROUP BY i & 3 ORDER BY i & 3");
        assertQuery("SELECT i, sum(i) OVER (PARTITION BY i & 1 ORDER BY i) & 7 FROM bits");
        assertQuery("SELECT (SELECT max(i) FROM bits) & 6, i FROM bits");
        assertQuery("SELECT i FROM bits WHERE i & 1 IN (SELECT b2.b & 1 FROM bits b2 WHERE b2.b | 1 > 0)");
        // without spaces: PostgreSQL's lexer splits 2*-3 into * and -
        assertQuery("SELECT 1<<2, 8>>1, 2*-3, 7&3, 1|2, 5#1, 2^3, ~0");
        // strings and names that hold the operator characters are left alone
        assertQuery("SELECT 'a&b|c#d^e~f<<g>>' || 'x', \"weird|name\" FROM (SELECT 1 AS \"weird|name\") t");
        assertQuery("SELECT 'abc' ~ 'b', 'abc' !~ 'z', 'a' || 'b' || 'c'");
    }

    @Test
    void testTypeErrors()
    {
        assertBothFail("SELECT 1.5 & 1", "42883", ".*");
        assertBothFail("SELECT 2 ^ 2 >> 1", "42883", ".*");
    }
}
