package io.basin.sql.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Cuts SQL text into statements at semicolons, following PostgreSQL's lexical rules as psql does:
 * a semicolon ends a statement only outside string literals ({@code '...'}, and {@code E'...'}
 * with backslash escapes), quoted identifiers, dollar-quoted strings ({@code $$...$$},
 * {@code $tag$...$tag$}), comments ({@code --} and nested block comments) and parentheses.
 *
 * <p>Whitespace and comments before a statement are not part of it, and input holding nothing
 * else is no statement at all, so blank lines, comment-only tails and {@code ;;} produce nothing.
 * Nothing here understands SQL beyond that; the engine's parser reports every other error.
 */
public final class StatementSplitter
{
    private StatementSplitter() {}

    /** What the end of an unfinished input is still inside; the shell shows it in its prompt. */
    public enum Continuation
    {
        NONE('-'),
        PARENTHESIS('('),
        SINGLE_QUOTE('\''),
        DOUBLE_QUOTE('"'),
        DOLLAR_QUOTE('$'),
        BLOCK_COMMENT('*');

        private final char promptMarker;

        Continuation(char promptMarker)
        {
            this.promptMarker = promptMarker;
        }

        /** The character psql puts in its continuation prompt for this state, e.g. {@code '} in {@code basin'>}. */
        public char promptMarker()
        {
            return promptMarker;
        }

        /** Whether the input ends inside a literal or comment, where a backslash is just text. */
        public boolean insideLiteral()
        {
            return this != NONE && this != PARENTHESIS;
        }
    }

    /**
     * The result of splitting: the statements ended by a semicolon, the raw text after the last
     * terminating semicolon, the statement that text starts (if it has any content) and what
     * the text ends inside of.
     */
    public record Split(List<SqlStatement> statements, String remainder, Optional<SqlStatement> trailing, Continuation continuation)
    {
        public Split
        {
            statements = List.copyOf(requireNonNull(statements, "statements is null"));
            requireNonNull(remainder, "remainder is null");
            requireNonNull(trailing, "trailing is null");
            requireNonNull(continuation, "continuation is null");
        }

        /** Whether the remainder must be kept to finish a statement; otherwise it is only whitespace and comments. */
        public boolean hasPendingInput()
        {
            return trailing.isPresent() || continuation != Continuation.NONE;
        }
    }

    /**
     * All statements of a script, including a last one without a semicolon: like psql, a script
     * or {@code -e} text does not need to end with {@code ;}.
     */
    public static List<SqlStatement> splitScript(String text)
    {
        Split split = split(text);
        if (split.trailing().isEmpty()) {
            return split.statements();
        }
        List<SqlStatement> statements = new ArrayList<>(split.statements());
        statements.add(split.trailing().get());
        return List.copyOf(statements);
    }

    public static Split split(String text)
    {
        requireNonNull(text, "text is null");
        LineIndex lines = new LineIndex(text);
        List<SqlStatement> statements = new ArrayList<>();
        int length = text.length();
        // offset of the first character of the current statement that is not whitespace or comment
        int start = -1;
        int remainderStart = 0;
        int parenthesisDepth = 0;
        Continuation unterminated = Continuation.NONE;
        int position = 0;
        while (position < length) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
                continue;
            }
            if (text.startsWith("--", position)) {
                position = endOfLine(text, position);
                continue;
            }
            if (text.startsWith("/*", position)) {
                position = endOfBlockComment(text, position);
                if (position < 0) {
                    unterminated = Continuation.BLOCK_COMMENT;
                    break;
                }
                continue;
            }
            if (c == ';' && parenthesisDepth == 0) {
                if (start >= 0) {
                    statements.add(statement(text, start, position, lines));
                }
                start = -1;
                remainderStart = position + 1;
                position++;
                continue;
            }
            if (start < 0) {
                start = position;
            }
            switch (c) {
                case '\'' -> {
                    position = endOfQuoted(text, position, '\'', isEscapeString(text, position));
                    if (position < 0) {
                        unterminated = Continuation.SINGLE_QUOTE;
                    }
                }
                case '"' -> {
                    position = endOfQuoted(text, position, '"', false);
                    if (position < 0) {
                        unterminated = Continuation.DOUBLE_QUOTE;
                    }
                }
                case '$' -> {
                    Optional<String> delimiter = dollarQuoteDelimiter(text, position);
                    if (delimiter.isEmpty()) {
                        position++;
                    }
                    else {
                        int close = text.indexOf(delimiter.get(), position + delimiter.get().length());
                        if (close < 0) {
                            unterminated = Continuation.DOLLAR_QUOTE;
                            position = -1;
                        }
                        else {
                            position = close + delimiter.get().length();
                        }
                    }
                }
                case '(' -> {
                    parenthesisDepth++;
                    position++;
                }
                case ')' -> {
                    // an unbalanced ')' is the parser's error to report; it must not hide later semicolons
                    parenthesisDepth = Math.max(0, parenthesisDepth - 1);
                    position++;
                }
                default -> position++;
            }
            if (position < 0) {
                break;
            }
        }
        Optional<SqlStatement> trailing = start < 0 ? Optional.empty() : Optional.of(statement(text, start, length, lines));
        Continuation continuation = unterminated == Continuation.NONE && parenthesisDepth > 0 ? Continuation.PARENTHESIS : unterminated;
        return new Split(statements, text.substring(remainderStart), trailing, continuation);
    }

    private static SqlStatement statement(String text, int start, int end, LineIndex lines)
    {
        return new SqlStatement(text.substring(start, end).stripTrailing(), lines.line(start), lines.column(start));
    }

    /** The offset of the newline ending a {@code --} comment, or the end of the text. */
    private static int endOfLine(String text, int position)
    {
        int newline = text.indexOf('\n', position);
        return newline < 0 ? text.length() : newline;
    }

    /** The offset after a block comment starting at {@code position}, or -1; they nest in PostgreSQL. */
    private static int endOfBlockComment(String text, int position)
    {
        int depth = 0;
        int current = position;
        while (current < text.length()) {
            if (text.startsWith("/*", current)) {
                depth++;
                current += 2;
            }
            else if (text.startsWith("*/", current)) {
                depth--;
                current += 2;
                if (depth == 0) {
                    return current;
                }
            }
            else {
                current++;
            }
        }
        return -1;
    }

    /**
     * The offset after a literal or quoted identifier opened at {@code position}, or -1. A doubled
     * quote stands for itself; with {@code backslashEscapes} (E'...') a backslash escapes any character.
     */
    private static int endOfQuoted(String text, int position, char quote, boolean backslashEscapes)
    {
        int current = position + 1;
        while (current < text.length()) {
            char c = text.charAt(current);
            if (backslashEscapes && c == '\\') {
                current += 2;
            }
            else if (c == quote) {
                if (current + 1 < text.length() && text.charAt(current + 1) == quote) {
                    current += 2;
                }
                else {
                    return current + 1;
                }
            }
            else {
                current++;
            }
        }
        return -1;
    }

    /** Whether the quote at {@code position} opens an escape string: {@code E'...'} with E a word of its own. */
    private static boolean isEscapeString(String text, int position)
    {
        if (position == 0 || Character.toUpperCase(text.charAt(position - 1)) != 'E') {
            return false;
        }
        return position == 1 || !isIdentifierPart(text.charAt(position - 2));
    }

    /**
     * The delimiter ({@code $$} or {@code $tag$}) of a dollar-quoted string opening at
     * {@code position}, if one opens there. A {@code $} inside a word ({@code a$b}) or before a
     * digit (the parameter {@code $1}) opens nothing.
     */
    private static Optional<String> dollarQuoteDelimiter(String text, int position)
    {
        if (position > 0 && isIdentifierPart(text.charAt(position - 1))) {
            return Optional.empty();
        }
        int current = position + 1;
        if (current < text.length() && (Character.isLetter(text.charAt(current)) || text.charAt(current) == '_')) {
            while (current < text.length() && (Character.isLetterOrDigit(text.charAt(current)) || text.charAt(current) == '_')) {
                current++;
            }
        }
        if (current < text.length() && text.charAt(current) == '$') {
            return Optional.of(text.substring(position, current + 1));
        }
        return Optional.empty();
    }

    private static boolean isIdentifierPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Maps offsets in a text to 1-based lines and columns. */
    private static final class LineIndex
    {
        private final int[] lineStarts;

        LineIndex(String text)
        {
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            this.lineStarts = Arrays.copyOf(starts, count);
        }

        int line(int offset)
        {
            return lineIndex(offset) + 1;
        }

        int column(int offset)
        {
            return offset - lineStarts[lineIndex(offset)] + 1;
        }

        private int lineIndex(int offset)
        {
            int index = Arrays.binarySearch(lineStarts, offset);
            return index >= 0 ? index : -index - 2;
        }
    }
}
