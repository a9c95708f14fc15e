package io.basin.sql.parser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqlRedactor
{
    @Test
    void testPasswordClauses()
    {
        assertRedacted("CREATE USER alice PASSWORD 'hunter2'", "CREATE USER alice PASSWORD '***'");
        assertRedacted("create user alice with password 'hunter2' createdb", "create user alice with password '***' createdb");
        assertRedacted("ALTER USER alice PaSsWoRd 'hun''ter2' VALID UNTIL '2030-01-01'", "ALTER USER alice PaSsWoRd '***' VALID UNTIL '2030-01-01'");
        assertRedacted("CREATE ROLE r LOGIN ENCRYPTED PASSWORD 'md5abc'", "CREATE ROLE r LOGIN ENCRYPTED PASSWORD '***'");
        assertRedacted("ALTER USER alice PASSWORD DISABLE", "ALTER USER alice PASSWORD DISABLE");
        assertRedacted("SELECT 'PASSWORD ''x'''", "SELECT 'PASSWORD ''x'''");
    }

    @Test
    void testStringForms()
    {
        assertRedacted("ALTER USER a PASSWORD E'hun\\'ter2'", "ALTER USER a PASSWORD '***'");
        assertRedacted("ALTER USER a PASSWORD e'hunter2\\\\' LOGIN", "ALTER USER a PASSWORD '***' LOGIN");
        assertRedacted("ALTER USER a PASSWORD $$hunter2 ' $$ LOGIN", "ALTER USER a PASSWORD '***' LOGIN");
        assertRedacted("ALTER USER a PASSWORD $pw$hunter2 $$ '$pw$", "ALTER USER a PASSWORD '***'");
        assertRedacted("ALTER USER a PASSWORD U&'hunter\\0032'", "ALTER USER a PASSWORD '***'");
        // PostgreSQL joins constants separated by a line break: all of it goes
        assertRedacted("ALTER USER a PASSWORD 'hun'\n  'ter2' LOGIN", "ALTER USER a PASSWORD '***' LOGIN");
        // unterminated: everything to the end
        assertRedacted("ALTER USER a PASSWORD 'hunter2 LOGIN", "ALTER USER a PASSWORD '***'");
    }

    @Test
    void testComments()
    {
        assertRedacted("ALTER USER a PASSWORD /* the new one */ 'hunter2'", "ALTER USER a PASSWORD /* the new one */ '***'");
        assertRedacted("ALTER USER a PASSWORD 'x' /* 'note' */", "ALTER USER a PASSWORD '***' /* 'note' */");
        // secrets inside comments are redacted too, nested block comments included
        assertRedacted("SELECT 1 -- CREATE USER a PASSWORD 'hunter2'", "SELECT 1 -- CREATE USER a PASSWORD '***'");
        assertRedacted("SELECT 1 /* outer /* inner */ PASSWORD 'hunter2' */ + 2", "SELECT 1 /* outer /* inner */ PASSWORD '***' */ + 2");
        // a quote inside a comment does not swallow the statement
        assertRedacted("SELECT 1 /* don't */, 'visible' -- it's\n, PASSWORD 'hunter2'", "SELECT 1 /* don't */, 'visible' -- it's\n, PASSWORD '***'");
        // a password-looking string in a quoted identifier is not a string constant
        assertRedacted("SELECT 1 AS \"PASSWORD 'x'\"", "SELECT 1 AS \"PASSWORD 'x'\"");
    }

    @Test
    void testOtherSecrets()
    {
        assertRedacted("CREATE EXTERNAL SCHEMA s FROM POSTGRES DATABASE 'db' URI 'h' USER 'app' PASSWORD 'hunter2'",
                "CREATE EXTERNAL SCHEMA s FROM POSTGRES DATABASE 'db' URI 'h' USER 'app' PASSWORD '***'");
        assertRedacted("COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=A;aws_secret_access_key=hunter2'",
                "COPY t FROM 's3://b/k' CREDENTIALS '***'");
        assertRedacted("CREATE EXTERNAL SCHEMA l FROM DATA CATALOG ACCESS_KEY_ID 'AKIA' SECRET_ACCESS_KEY 'hunter2' SESSION_TOKEN 'tok'",
                "CREATE EXTERNAL SCHEMA l FROM DATA CATALOG ACCESS_KEY_ID '***' SECRET_ACCESS_KEY '***' SESSION_TOKEN '***'");
        assertRedacted("CREATE TABLE t WITH ('s3.secret-access-key' = 'hunter2', 'format' = 'PARQUET')",
                "CREATE TABLE t WITH ('s3.secret-access-key' = '***', 'format' = 'PARQUET')");
        assertRedacted("OPTIONS (user 'u', password 'hunter2', \"db_password\" = 'hunter3')",
                "OPTIONS (user 'u', password '***', \"db_password\" = '***')");
    }

    @Test
    void testNothingToRedact()
    {
        String sql = "SELECT a, 'text', $1, \"col\", 1.5e-3 FROM t WHERE b = 'x' -- note\n";
        assertRedacted(sql, sql);
        assertRedacted("", "");
    }

    private static void assertRedacted(String sql, String expected)
    {
        String redacted = SqlRedactor.redact(sql);
        assertThat(redacted).isEqualTo(expected);
        assertThat(redacted).doesNotContain("hunter2");
    }
}
