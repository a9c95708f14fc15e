package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlTokenizer.Token;

import java.util.List;
import java.util.Locale;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.sql.parser.StatementParser.blankPrefix;
import static io.basin.sql.parser.StatementParser.syntaxError;

/**
 * {@code EXPLAIN [ANALYZE] [VERBOSE] statement}, and PostgreSQL's {@code EXPLAIN (option [value]
 * [, ...]) statement}: {@code ANALYZE} and {@code VERBOSE} (every operator of a node, under EXPLAIN
 * ANALYZE) take an optional boolean; {@code COSTS},
 * {@code BUFFERS}, {@code TIMING}, {@code SUMMARY}, {@code SETTINGS}, {@code WAL},
 * {@code MEMORY} and {@code SERIALIZE} are accepted and change nothing in Basin's output;
 * {@code FORMAT} is {@code TEXT} only.
 */
final class ExplainStatementParser
{
    private static final List<String> IGNORED_OPTIONS = List.of("COSTS", "BUFFERS", "TIMING", "SUMMARY", "SETTINGS", "WAL", "MEMORY", "SERIALIZE", "GENERIC_PLAN");

    private ExplainStatementParser() {}

    /** {@code tokens.getFirst()} is EXPLAIN. */
    static Statement.Explain parse(String text, List<Token> tokens)
    {
        int index = 1;
        boolean analyze = false;
        boolean verbose = false;
        // "EXPLAIN (SELECT ...)" explains a parenthesized query; any other "(" opens the options
        if (index + 1 < tokens.size() && isPunctuation(tokens.get(index), "(") && !StatementParser.matches(tokens, index + 1, "SELECT")
                && !StatementParser.matches(tokens, index + 1, "WITH") && !StatementParser.matches(tokens, index + 1, "VALUES") && !isPunctuation(tokens.get(index + 1), "(")) {
            index++;
            while (true) {
                if (index >= tokens.size()) {
                    throw syntaxError(text, text.length(), "syntax error at end of input");
                }
                Token option = tokens.get(index++);
                String name = option.keyword();
                String value = null;
                if (index < tokens.size() && !isPunctuation(tokens.get(index), ",") && !isPunctuation(tokens.get(index), ")")) {
                    value = tokens.get(index++).text();
                }
                switch (name) {
                    case "ANALYZE", "ANALYSE" -> analyze = booleanValue(text, option, value);
                    case "FORMAT" -> {
                        if (value == null || !unquote(value).equalsIgnoreCase("TEXT")) {
                            throw new BasinException(FEATURE_NOT_SUPPORTED, "EXPLAIN FORMAT %s is not supported; Basin prints plans as text".formatted(value == null ? "" : unquote(value)));
                        }
                    }
                    case "VERBOSE" -> verbose = booleanValue(text, option, value);
                    default -> {
                        if (!IGNORED_OPTIONS.contains(name)) {
                            throw syntaxError(text, option.offset(), "unrecognized EXPLAIN option \"%s\"".formatted(option.text().toLowerCase(Locale.ROOT)));
                        }
                        booleanValue(text, option, value);
                    }
                }
                if (index < tokens.size() && isPunctuation(tokens.get(index), ",")) {
                    index++;
                    continue;
                }
                if (index < tokens.size() && isPunctuation(tokens.get(index), ")")) {
                    index++;
                    break;
                }
                throw index < tokens.size()
                        ? syntaxError(text, tokens.get(index).offset(), "syntax error at or near \"" + tokens.get(index).text() + "\"")
                        : syntaxError(text, text.length(), "syntax error at end of input");
            }
        }
        else {
            while (index < tokens.size() && (StatementParser.matches(tokens, index, "ANALYZE") || StatementParser.matches(tokens, index, "ANALYSE") || StatementParser.matches(tokens, index, "VERBOSE"))) {
                boolean isVerbose = tokens.get(index).keyword().equals("VERBOSE");
                analyze |= !isVerbose;
                verbose |= isVerbose;
                index++;
            }
        }
        if (index >= tokens.size()) {
            throw syntaxError(text, text.length(), "EXPLAIN needs a statement");
        }
        int offset = tokens.get(index).offset();
        return new Statement.Explain(StatementParser.parse(blankPrefix(text, offset)), analyze, verbose);
    }

    /** An option's boolean, as PostgreSQL reads it: none (true), TRUE/FALSE, ON/OFF, 1/0. */
    private static boolean booleanValue(String text, Token option, String value)
    {
        if (value == null) {
            return true;
        }
        return switch (unquote(value).toUpperCase(Locale.ROOT)) {
            case "TRUE", "ON", "1" -> true;
            case "FALSE", "OFF", "0" -> false;
            default -> throw syntaxError(text, option.offset(), "%s requires a Boolean value".formatted(option.text().toLowerCase(Locale.ROOT)));
        };
    }

    private static boolean isPunctuation(Token token, String text)
    {
        return !token.quoted() && token.text().equals(text);
    }

    private static String unquote(String value)
    {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1) : value;
    }
}
