package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.Statement.CreateUser;
import io.basin.sql.parser.Statement.PasswordOption;
import io.basin.sql.parser.Statement.UserOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestUserStatementParser
{
    @Test
    void testCreateUserRedshiftSyntax()
    {
        assertThat(StatementParser.parse("CREATE USER Alice WITH PASSWORD 'Abcd1234' CREATEDB CREATEUSER VALID UNTIL '2030-01-01' CONNECTION LIMIT 10;"))
                .isEqualTo(new CreateUser("alice", new UserOptions(
                        Optional.of(new PasswordOption.Literal("Abcd1234")),
                        Optional.of(true),
                        Optional.of(true),
                        Optional.empty(),
                        Optional.of("2030-01-01"),
                        OptionalInt.of(10)), false));
        assertThat(StatementParser.parse("create user \"Bob\" password disable nocreatedb nocreateuser connection limit unlimited"))
                .isEqualTo(new CreateUser("Bob", new UserOptions(
                        Optional.of(new PasswordOption.Disabled()),
                        Optional.of(false),
                        Optional.of(false),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.of(-1)), false));
        assertThat(StatementParser.parse("CREATE USER carol")).isEqualTo(new CreateUser("carol", UserOptions.NONE, false));
    }

    @Test
    void testCreateRolePostgreSqlSyntax()
    {
        // as pg_dumpall writes it
        assertThat(StatementParser.parse("CREATE ROLE dave WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS ENCRYPTED PASSWORD 'md5" + "0".repeat(32) + "'"))
                .isEqualTo(new CreateUser("dave", new UserOptions(
                        Optional.of(new PasswordOption.Literal("md5" + "0".repeat(32))),
                        Optional.of(false),
                        Optional.of(false),
                        Optional.of(true),
                        Optional.empty(),
                        OptionalInt.empty()), true));
        assertThat(StatementParser.parse("CREATE ROLE erin PASSWORD NULL CONNECTION LIMIT -1 SUPERUSER"))
                .isEqualTo(new CreateUser("erin", new UserOptions(Optional.of(new PasswordOption.Disabled()), Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.of(-1)), true));
    }

    @Test
    void testPasswordStringForms()
    {
        assertThat(password("PASSWORD 'it''s'")).isEqualTo("it's");
        assertThat(password("PASSWORD E'it\\'s\\n\\x41\\u00e9'")).isEqualTo("it's\nA\u00e9");
        assertThat(password("PASSWORD $$dollar 'quoted'$$")).isEqualTo("dollar 'quoted'");
        assertThat(password("PASSWORD $tag$with $$ inside$tag$")).isEqualTo("with $$ inside");
        assertThat(password("PASSWORD U&'\\00e9t\\+01F511'")).isEqualTo("\u00e9t\uD83D\uDD11");
        // adjacent constants on separate lines are one constant, as in PostgreSQL
        assertThat(password("PASSWORD 'first'\n'second'")).isEqualTo("firstsecond");
        assertThat(password("PASSWORD /* comment */ 'pw' -- trailing comment")).isEqualTo("pw");
    }

    private static String password(String clause)
    {
        CreateUser create = (CreateUser) StatementParser.parse("CREATE USER u " + clause);
        return ((PasswordOption.Literal) create.options().password().orElseThrow()).value();
    }

    @Test
    void testAlterAndRenameAndDrop()
    {
        assertThat(StatementParser.parse("ALTER USER alice PASSWORD 'x' VALID UNTIL 'infinity'"))
                .isEqualTo(new Statement.AlterUser("alice", new UserOptions(Optional.of(new PasswordOption.Literal("x")), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("infinity"), OptionalInt.empty())));
        assertThat(StatementParser.parse("ALTER ROLE alice WITH NOLOGIN")).isEqualTo(new Statement.AlterUser("alice",
                new UserOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false), Optional.empty(), OptionalInt.empty())));
        assertThat(StatementParser.parse("ALTER USER Alice RENAME TO \"Alice2\"")).isEqualTo(new Statement.RenameUser("alice", "Alice2"));
        assertThat(StatementParser.parse("DROP USER IF EXISTS a, \"B\" , c")).isEqualTo(new Statement.DropUser(List.of("a", "B", "c"), true));
        assertThat(StatementParser.parse("drop role a")).isEqualTo(new Statement.DropUser(List.of("a"), false));
        assertThat(StatementParser.parse("EXPLAIN DROP USER a")).isEqualTo(new Statement.Explain(new Statement.DropUser(List.of("a"), false), false));
    }

    @Test
    void testErrors()
    {
        assertSyntaxError("CREATE USER", "Syntax error at line 1, column 12: expected a user name at end of input");
        assertSyntaxError("CREATE USER u PASSWORD", "Syntax error at line 1, column 23: PASSWORD needs a string, DISABLE or NULL at end of input");
        assertSyntaxError("CREATE USER u SUPERUSER NOSUPERUSER", "conflicting or redundant options: NOSUPERUSER");
        assertSyntaxError("CREATE USER u PASSWORD 'a' PASSWORD 'b'", "conflicting or redundant options: PASSWORD");
        assertSyntaxError("CREATE USER u CONNECTION LIMIT lots", "Syntax error at line 1, column 32: CONNECTION LIMIT needs an integer or UNLIMITED");
        assertSyntaxError("CREATE USER u VALID UNTIL tomorrow", "Syntax error at line 1, column 27: VALID UNTIL needs a timestamp string");
        assertSyntaxError("ALTER USER u RENAME alice", "Syntax error at line 1, column 21: expected TO");
        assertSyntaxError("DROP USER a b", "Syntax error at line 1, column 13: syntax error at or near \"b\"");
        assertSyntaxError("CREATE USER u PASSWORD 'a\nb", "Syntax error at line 1, column 24: unterminated quoted string");
        assertThatThrownBy(() -> StatementParser.parse("CREATE USER u CREATEROLE"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
                .hasMessage("option CREATEROLE is not supported");
        assertThatThrownBy(() -> StatementParser.parse("CREATE USER u UNENCRYPTED PASSWORD 'x'"))
                .hasMessage("UNENCRYPTED PASSWORD is not supported");
        assertThatThrownBy(() -> StatementParser.parse("ALTER USER u SET search_path TO x"))
                .hasMessage("ALTER USER ... SET (per-user session defaults) is not supported");
    }

    @Test
    void testErrorsNeverQuoteStrings()
    {
        // a misplaced string may be a password: the error points at it without showing it
        assertSyntaxError("CREATE USER u 'hunter2'", "Syntax error at line 1, column 15: syntax error at or near \"'***'\"");
        assertSyntaxError("CREATE USER u PASSWORD 'hunter2' 'hunter3'", "Syntax error at line 1, column 34: syntax error at or near \"'***'\"");
        assertSyntaxError("ALTER USER u PASSWORD 'hunter2', LOGIN", "Syntax error at line 1, column 32: syntax error at or near \",\"");
    }

    @Test
    void testToStringHidesPassword()
    {
        Statement statement = StatementParser.parse("CREATE USER u PASSWORD 'hunter2'");
        assertThat(statement.toString()).doesNotContain("hunter2").contains("Literal[***]");
        Statement alter = StatementParser.parse("ALTER USER u PASSWORD 'hunter2'");
        assertThat(alter.toString()).doesNotContain("hunter2");
        assertThat(new Statement.Explain(alter, false).toString()).doesNotContain("hunter2");
    }

    private static void assertSyntaxError(String sql, String message)
    {
        assertThatThrownBy(() -> StatementParser.parse(sql))
                .isInstanceOfSatisfying(BasinException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42601");
                    assertThat(e.getMessage()).doesNotContain("hunter");
                })
                .hasMessage(message);
    }
}
