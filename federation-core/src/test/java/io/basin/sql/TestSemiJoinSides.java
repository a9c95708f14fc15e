package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.StringJoiner;

/**
 * Semi and anti joins whose kept (left) side is much smaller than the other: Basin builds the
 * hash table on the small side and marks its rows while the large side streams past. Checked
 * against PostgreSQL, including NULL keys, duplicates and residual conditions.
 */
class TestSemiJoinSides
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE small (k integer, v integer)");
        executeInBoth("INSERT INTO small VALUES (1, 10), (2, 20), (2, 25), (3, 30), (NULL, 40), (999, 50)");
        executeInBoth("CREATE TABLE big (k integer, w integer)");
        StringJoiner rows = new StringJoiner(", ", "INSERT INTO big VALUES ", "");
        for (int i = 0; i < 2000; i++) {
            // keys 0..99 repeated, a few NULLs; 999 never appears
            rows.add(i % 97 == 0 ? "(NULL, " + i + ")" : "(" + (i % 100) + ", " + i + ")");
        }
        executeInBoth(rows.toString());
    }

    @Test
    void testSemiJoin()
    {
        assertQuery("SELECT k, v FROM small s WHERE EXISTS (SELECT 1 FROM big b WHERE b.k = s.k)");
        assertQuery("SELECT k, v FROM small WHERE k IN (SELECT k FROM big)");
        assertQuery("SELECT k, v FROM small s WHERE EXISTS (SELECT 1 FROM big b WHERE b.k = s.k AND b.w > s.v * 60)");
    }

    @Test
    void testAntiJoin()
    {
        assertQuery("SELECT k, v FROM small s WHERE NOT EXISTS (SELECT 1 FROM big b WHERE b.k = s.k)");
        assertQuery("SELECT k, v FROM small s WHERE NOT EXISTS (SELECT 1 FROM big b WHERE b.k = s.k AND b.w > s.v * 60)");
        assertQuery("SELECT k, v FROM small WHERE k NOT IN (SELECT k FROM big WHERE k IS NOT NULL)");
    }
}
