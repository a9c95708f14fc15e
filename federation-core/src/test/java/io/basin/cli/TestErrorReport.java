package io.basin.cli;

import io.basin.sql.parser.SqlStatement;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class TestErrorReport
{
    @Test
    void testErrorWithoutPosition()
    {
        BasinException failure = new BasinException(BasinErrorCode.UNDEFINED_TABLE, "relation \"t\" does not exist");
        assertThat(ErrorReport.format(failure, Optional.of(new SqlStatement("SELECT * FROM t", 1, 1)), Optional.empty()))
                .isEqualTo("""
                        ERROR:  relation "t" does not exist
                        SQLSTATE: 42P01
                        """);
    }

    @Test
    void testSyntaxErrorShowsTheLineWithACaret()
    {
        BasinException failure = syntaxError(2, 6);
        assertThat(ErrorReport.format(failure, Optional.of(new SqlStatement("SELECT a\nFROM WHERE x", 1, 1)), Optional.empty()))
                .isEqualTo("""
                        ERROR:  bad syntax
                        LINE 2: FROM WHERE x
                                     ^
                        SQLSTATE: 42601
                        """);
    }

    @Test
    void testErrorInFileIsLocatedInTheFile()
    {
        // the statement starts on line 10 of the file and the error is on its second line
        BasinException failure = syntaxError(2, 1);
        assertThat(ErrorReport.format(failure, Optional.of(new SqlStatement("SELECT 1\nFROM", 10, 1)), Optional.of("load.sql")))
                .startsWith("basin:load.sql:11: ERROR:  bad syntax\n");
    }

    @Test
    void testLongLinesAreShortenedAroundTheCaret()
    {
        String line = "SELECT " + "x, ".repeat(60) + "oops FROM t";
        int column = line.indexOf("oops") + 1;
        String report = ErrorReport.format(syntaxError(1, column), Optional.of(new SqlStatement(line, 1, 1)), Optional.empty());
        String[] lines = report.split("\n");
        assertThat(lines[1]).startsWith("LINE 1: ...").contains("oops FROM t");
        assertThat(lines[1].length()).isLessThan(100);
        // the caret still points at the start of "oops"
        assertThat(lines[1].charAt(lines[2].indexOf('^'))).isEqualTo('o');
    }

    @Test
    void testUnexpectedFailure()
    {
        assertThat(ErrorReport.format(new IllegalStateException(), Optional.empty(), Optional.empty()))
                .isEqualTo("ERROR:  java.lang.IllegalStateException\nSQLSTATE: XX000\n");
    }

    private static BasinException syntaxError(int line, int column)
    {
        return new BasinException(BasinErrorCode.SYNTAX_ERROR, "bad syntax", OptionalInt.of(line), OptionalInt.of(column), null);
    }
}
