package io.basin.pushdown;

/**
 * The SQL dialects Basin sends to remote databases, with their quoting rules. Identifiers are
 * always quoted, so a remote name is used exactly as the source spells it, whatever its case and
 * whether or not it is a reserved word.
 */
public enum RemoteSqlDialect
{
    /** PostgreSQL with {@code standard_conforming_strings} on (the default since 9.1). */
    POSTGRESQL('"'),
    /** MySQL and MariaDB, with {@code ANSI_QUOTES} off (the default). */
    MYSQL('`');

    private final char identifierQuote;

    RemoteSqlDialect(char identifierQuote)
    {
        this.identifierQuote = identifierQuote;
    }

    /** {@code name} as a quoted identifier: the quote character doubled inside. */
    public String quoteIdentifier(String name)
    {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An identifier cannot contain the character U+0000");
        }
        String quote = String.valueOf(identifierQuote);
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /** A qualified name {@code a.b.c}, each part quoted. */
    public String quoteQualified(String... parts)
    {
        StringBuilder result = new StringBuilder();
        for (String part : parts) {
            if (!result.isEmpty()) {
                result.append('.');
            }
            result.append(quoteIdentifier(part));
        }
        return result.toString();
    }
}
