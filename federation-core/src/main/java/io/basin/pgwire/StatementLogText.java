package io.basin.pgwire;

/** A statement as the server log shows it: secrets replaced, on one line, shortened. */
final class StatementLogText
{
    private StatementLogText() {}

    static String of(String sql, int maxCharacters)
    {
        String line = io.basin.sql.parser.SqlRedactor.redact(sql).strip().replaceAll("\\s+", " ");
        return line.length() <= maxCharacters ? line : line.substring(0, maxCharacters) + "…";
    }
}
