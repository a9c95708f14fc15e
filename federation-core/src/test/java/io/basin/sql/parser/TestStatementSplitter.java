package io.basin.sql.parser;

import io.basin.sql.parser.StatementSplitter.Continuation;
import io.basin.sql.parser.StatementSplitter.Split;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.basin.sql.parser.StatementSplitter.split;
import static io.basin.sql.parser.StatementSplitter.splitScript;
import static org.assertj.core.api.Assertions.assertThat;

class TestStatementSplitter
{
    @Test
    void testSemicolonsSeparateStatements()
    {
        assertStatements("SELECT 1; SELECT 2;", "SELECT 1", "SELECT 2");
        assertStatements("SELECT 1;SELECT 2", "SELECT 1", "SELECT 2");
        assertStatements("  SELECT 1  ;\n\n  SELECT\n  2\t;  \n", "SELECT 1", "SELECT\n  2");
    }

    @Test
    void testEmptyStatementsAndBlankInput()
    {
        assertStatements("");
        assertStatements("   \n\t ");
        assertStatements(";;;");
        assertStatements("SELECT 1;;\n;  SELECT 2;  ;", "SELECT 1", "SELECT 2");
    }

    @Test
    void testTrailingStatementWithoutSemicolon()
    {
        assertStatements("SELECT 1; SELECT 2   \n\n", "SELECT 1", "SELECT 2");
        Split split = split("SELECT 1; SELECT 2");
        assertThat(texts(split.statements())).containsExactly("SELECT 1");
        assertThat(split.trailing()).map(SqlStatement::text).contains("SELECT 2");
        assertThat(split.remainder()).isEqualTo(" SELECT 2");
        assertThat(split.continuation()).isEqualTo(Continuation.NONE);
    }

    @Test
    void testSemicolonsInStringLiterals()
    {
        assertStatements("SELECT ';'; SELECT 'a;b'", "SELECT ';'", "SELECT 'a;b'");
        // a doubled quote is a quote inside the literal, not its end
        assertStatements("SELECT 'it''s; fine'; SELECT 2", "SELECT 'it''s; fine'", "SELECT 2");
        assertStatements("SELECT '';SELECT ''''", "SELECT ''", "SELECT ''''");
        // standard strings have no backslash escapes: the literal ends after the backslash
        assertStatements("SELECT 'a\\'; SELECT 2", "SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void testEscapeStrings()
    {
        // in E'...' a backslash escapes the quote, so the semicolon is still inside the literal
        assertStatements("SELECT E'a\\';b'; SELECT 2", "SELECT E'a\\';b'", "SELECT 2");
        assertStatements("SELECT e'\\\\'; SELECT 2", "SELECT e'\\\\'", "SELECT 2");
        // an identifier ending in e before a quote is not an escape string
        assertStatements("SELECT some'\\'; SELECT 2", "SELECT some'\\'", "SELECT 2");
    }

    @Test
    void testQuotedIdentifiers()
    {
        assertStatements("SELECT 1 AS \"a;b\"; SELECT 2", "SELECT 1 AS \"a;b\"", "SELECT 2");
        assertStatements("SELECT 1 AS \"say \"\"hi\"\";\"; SELECT 2", "SELECT 1 AS \"say \"\"hi\"\";\"", "SELECT 2");
        assertStatements("SELECT '\"'; SELECT \"'\"", "SELECT '\"'", "SELECT \"'\"");
    }

    @Test
    void testLineComments()
    {
        assertStatements("SELECT 1 -- first; not a terminator\n; SELECT 2", "SELECT 1 -- first; not a terminator", "SELECT 2");
        // comments before a statement are not part of it; a comment-only tail is no statement
        assertStatements("-- header\n-- more\nSELECT 1;\n-- trailing comment", "SELECT 1");
        assertStatements("-- only a comment");
        assertStatements("SELECT '--not a comment;'; SELECT 2", "SELECT '--not a comment;'", "SELECT 2");
    }

    @Test
    void testBlockComments()
    {
        assertStatements("SELECT /* ; */ 1; SELECT 2", "SELECT /* ; */ 1", "SELECT 2");
        // PostgreSQL block comments nest
        assertStatements("SELECT /* outer /* inner; */ still; comment */ 1; SELECT 2", "SELECT /* outer /* inner; */ still; comment */ 1", "SELECT 2");
        assertStatements("/* leading */ SELECT 1; /* trailing */", "SELECT 1");
    }

    @Test
    void testDollarQuotes()
    {
        assertStatements("SELECT $$a;b$$; SELECT 2", "SELECT $$a;b$$", "SELECT 2");
        assertStatements("SELECT $fn$ body; 'quote $$ inner $$ $fn$; SELECT 2", "SELECT $fn$ body; 'quote $$ inner $$ $fn$", "SELECT 2");
        assertStatements("SELECT $a$ $b$; $b$ $a$;", "SELECT $a$ $b$; $b$ $a$");
        assertStatements("SELECT $_x1$;$_x1$;", "SELECT $_x1$;$_x1$");
        assertStatements("SELECT $$ multi\nline; $$ ; SELECT 2", "SELECT $$ multi\nline; $$", "SELECT 2");
    }

    @Test
    void testDollarSignsThatOpenNothing()
    {
        // parameters and identifiers containing $ are not dollar quotes
        assertStatements("SELECT $1; SELECT $2", "SELECT $1", "SELECT $2");
        assertStatements("SELECT a$b$ FROM t; SELECT 2", "SELECT a$b$ FROM t", "SELECT 2");
        assertStatements("SELECT x$$; SELECT 2", "SELECT x$$", "SELECT 2");
    }

    @Test
    void testParentheses()
    {
        // as in psql, a semicolon inside parentheses does not end the statement
        assertStatements("SELECT (1; 2); SELECT 3", "SELECT (1; 2)", "SELECT 3");
        assertStatements("SELECT ((1)); SELECT 2", "SELECT ((1))", "SELECT 2");
        // an unbalanced ')' must not swallow later statements
        assertStatements("SELECT 1); SELECT 2", "SELECT 1)", "SELECT 2");
    }

    @Test
    void testUnterminatedConstructs()
    {
        assertContinuation("SELECT 'abc", Continuation.SINGLE_QUOTE);
        assertContinuation("SELECT E'abc\\'", Continuation.SINGLE_QUOTE);
        assertContinuation("SELECT \"abc", Continuation.DOUBLE_QUOTE);
        assertContinuation("SELECT $$abc", Continuation.DOLLAR_QUOTE);
        assertContinuation("SELECT $x$abc $y$", Continuation.DOLLAR_QUOTE);
        assertContinuation("SELECT /* abc", Continuation.BLOCK_COMMENT);
        assertContinuation("/* a /* b */", Continuation.BLOCK_COMMENT);
        assertContinuation("SELECT (1,", Continuation.PARENTHESIS);
        assertContinuation("SELECT 1", Continuation.NONE);
        // unfinished input in a script is still sent, so the parser can report it
        assertStatements("SELECT 1; SELECT 'oops", "SELECT 1", "SELECT 'oops");
    }

    @Test
    void testPendingInput()
    {
        assertThat(split("SELECT 1;").hasPendingInput()).isFalse();
        assertThat(split("SELECT 1; -- done").hasPendingInput()).isFalse();
        assertThat(split("SELECT 1;\n  \n").hasPendingInput()).isFalse();
        assertThat(split("SELECT 1; SELECT").hasPendingInput()).isTrue();
        // an open comment has no statement yet but must be kept to find where it ends
        Split openComment = split("SELECT 1; /* still");
        assertThat(openComment.trailing()).isEmpty();
        assertThat(openComment.hasPendingInput()).isTrue();
        assertThat(openComment.remainder()).isEqualTo(" /* still");
    }

    @Test
    void testPositions()
    {
        List<SqlStatement> statements = splitScript("SELECT 1;\n\n  -- comment\n  SELECT\n 2; SELECT 3;\r\nSELECT 4");
        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 1", 1, 1),
                new SqlStatement("SELECT\n 2", 4, 3),
                new SqlStatement("SELECT 3", 5, 5),
                new SqlStatement("SELECT 4", 6, 1));
    }

    @Test
    void testContinuationPromptMarkers()
    {
        assertThat(Continuation.NONE.promptMarker()).isEqualTo('-');
        assertThat(Continuation.SINGLE_QUOTE.promptMarker()).isEqualTo('\'');
        assertThat(Continuation.PARENTHESIS.insideLiteral()).isFalse();
        assertThat(Continuation.DOLLAR_QUOTE.insideLiteral()).isTrue();
    }

    private static void assertStatements(String script, String... expected)
    {
        assertThat(texts(splitScript(script))).as("statements of %s", script).containsExactly(expected);
    }

    private static void assertContinuation(String text, Continuation expected)
    {
        assertThat(split(text).continuation()).as("continuation of %s", text).isEqualTo(expected);
    }

    private static List<String> texts(List<SqlStatement> statements)
    {
        return statements.stream().map(SqlStatement::text).toList();
    }
}
