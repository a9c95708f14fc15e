package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * String ordering (byte order, as PostgreSQL's "C" collation), pattern matching and string
 * functions.
 */
class TestStringFunctions
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE words (id integer, w varchar(30))");
        executeInBoth("""
                INSERT INTO words VALUES
                    (1, 'apple'), (2, 'Apple'), (3, 'APPLE'), (4, 'banana'), (5, 'Zebra'), (6, 'zebra'),
                    (7, ''), (8, NULL), (9, 'éclair'), (10, 'a b,c'), (11, '  padded  '), (12, '10'), (13, '9'),
                    (14, 'a_c'), (15, 'abc'), (16, 'ÄPFEL'), (17, '日本語')""");
        executeInBoth("CREATE TABLE csv (id integer, line varchar(40))");
        executeInBoth("INSERT INTO csv VALUES (1, 'a,b,c'), (2, 'one,,three'), (3, 'single'), (4, ''), (5, NULL), (6, ',lead,trail,')");
    }

    @Test
    void testOrderingIsByCodePoint()
    {
        // uppercase before lowercase, digits before letters, '10' before '9', non-ASCII after ASCII
        assertQuery("SELECT id, w FROM words ORDER BY w, id");
        assertQuery("SELECT id, w FROM words ORDER BY w DESC, id");
        assertQuery("SELECT min(w), max(w) FROM words");
        assertQuery("SELECT id FROM words WHERE w < 'a'");
        assertQuery("SELECT id FROM words WHERE w BETWEEN 'A' AND 'Z'");
        assertQuery("SELECT 'a' < 'B', 'Z' < 'a', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'é' > 'z'");
        assertQuery("SELECT w, count(*) FROM words GROUP BY w ORDER BY w NULLS FIRST");
    }

    @Test
    void testLikeAndIlike()
    {
        assertQuery("SELECT id FROM words WHERE w LIKE 'a%'");
        assertQuery("SELECT id FROM words WHERE w LIKE '%e'");
        assertQuery("SELECT id FROM words WHERE w LIKE '_pple'");
        assertQuery("SELECT id FROM words WHERE w NOT LIKE '%a%'");
        assertQuery("SELECT id FROM words WHERE w ILIKE 'apple'");
        assertQuery("SELECT id FROM words WHERE w ILIKE 'a%'");
        assertQuery("SELECT id FROM words WHERE w NOT ILIKE '%E%'");
        assertQuery("SELECT id FROM words WHERE w LIKE 'a!_c' ESCAPE '!'");
        assertQuery("SELECT id FROM words WHERE w LIKE '%'");
        assertQuery("SELECT id FROM words WHERE w LIKE ''");
    }

    @Test
    void testCaseAndLength()
    {
        assertQuery("SELECT id, upper(w), lower(w) FROM words");
        assertQuery("SELECT id, length(w), char_length(w), octet_length(w) FROM words");
        assertQuery("SELECT id, initcap(w) FROM words WHERE id IN (1, 3, 10)");
    }

    @Test
    void testSubstringAndPosition()
    {
        assertQuery("SELECT id, substring(w from 2 for 3), substring(w from 3), substring(w, 2, 3), substr(w, 2) FROM words");
        assertQuery("SELECT id, substring(w from 0 for 3), substring(w from 10 for 2) FROM words WHERE id IN (1, 9, 17)");
        assertQuery("SELECT id, position('a' in w), position('' in w), strpos(w, 'pp') FROM words");
        assertQuery("SELECT id, left(w, 2), right(w, 2) FROM words");
    }

    @Test
    void testTrimAndPad()
    {
        assertQuery("SELECT id, trim(w), ltrim(w), rtrim(w), '[' || trim(both ' ' from w) || ']' FROM words");
        assertQuery("SELECT id, trim(leading 'a' from w), trim(trailing 'e' from w), btrim(w, 'ae') FROM words WHERE id IN (1, 4, 15)");
        assertQuery("SELECT id, lpad(w, 8, '*'), rpad(w, 8, '-'), lpad(w, 3), rpad(w, 2) FROM words");
    }

    @Test
    void testReplaceSplitAndConcat()
    {
        assertQuery("SELECT id, replace(w, 'p', 'P'), replace(w, 'an', ''), reverse(w), repeat(w, 2) FROM words");
        assertQuery("SELECT id, split_part(line, ',', 1), split_part(line, ',', 2), split_part(line, ',', 3), split_part(line, ',', 4) FROM csv");
        assertQuery("SELECT id, w || '!', w || NULL, 'x' || id, id || w, concat(w, '-', id) FROM words");
        assertQuery("SELECT string_agg(w, ',' ORDER BY w) FROM words WHERE id < 7");
        assertQuery("SELECT id, ascii(w), chr(65 + id) FROM words WHERE id IN (1, 2, 5)");
    }

    @Test
    void testStringComparisonsAndConversions()
    {
        assertQuery("SELECT id, w = 'apple', w <> 'apple', upper(w) = 'APPLE' FROM words");
        assertQuery("SELECT id, CAST(w AS integer) + 1 FROM words WHERE id IN (12, 13)");
        assertQuery("SELECT id, CAST(id AS varchar(5)) || '/' || w FROM words");
        assertQuery("SELECT id, w IN ('apple', 'zebra'), w IS NULL FROM words");
    }
}
