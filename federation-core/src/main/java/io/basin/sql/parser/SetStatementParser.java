package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlTokenizer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;

/**
 * PostgreSQL's SET statement: {@code SET [SESSION | LOCAL] name {TO | =} {value [, ...] | DEFAULT}},
 * and its special forms {@code SET TIME ZONE}, {@code SET NAMES}, {@code SET SCHEMA},
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION ...}.
 */
final class SetStatementParser
{
    private SetStatementParser() {}

    static Statement parse(String sql, List<Token> tokens)
    {
        int index = 1;
        boolean local = false;
        if (keyword(tokens, index, "SESSION") && !keyword(tokens, index + 1, "AUTHORIZATION") && !keyword(tokens, index + 1, "CHARACTERISTICS")) {
            index++;
        }
        else if (keyword(tokens, index, "LOCAL")) {
            local = true;
            index++;
        }
        if (keyword(tokens, index, "SESSION") && keyword(tokens, index + 1, "CHARACTERISTICS")) {
            return sessionCharacteristics(sql, tokens, index + 2);
        }
        if (keyword(tokens, index, "TRANSACTION")) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "SET TRANSACTION is not supported");
        }
        if (keyword(tokens, index, "NAMES")) {
            return new Statement.SetSession("client_encoding", values(sql, tokens, index + 1), local);
        }
        if (keyword(tokens, index, "SCHEMA")) {
            return new Statement.SetSession("search_path", values(sql, tokens, index + 1), local);
        }
        StatementParser.SettingName name = StatementParser.settingName(sql, tokens, index);
        index = name.end();
        boolean timeZone = name.name().equals("timezone") && keyword(tokens, index - 1, "ZONE");
        if (timeZone) {
            // SET TIME ZONE value: no TO
            if (keyword(tokens, index, "LOCAL") && index + 1 == tokens.size()) {
                return new Statement.SetSession(name.name(), Optional.empty(), local);
            }
            return new Statement.SetSession(name.name(), values(sql, tokens, index), local);
        }
        if (index < tokens.size() && (tokens.get(index).text().equals("=") || keyword(tokens, index, "TO"))) {
            index++;
        }
        else {
            throw StatementParser.syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected = or TO after SET " + name.name());
        }
        return new Statement.SetSession(name.name(), values(sql, tokens, index), local);
    }

    /** The value list; empty for DEFAULT. */
    private static Optional<List<String>> values(String sql, List<Token> tokens, int index)
    {
        if (index >= tokens.size()) {
            throw StatementParser.syntaxError(sql, sql.length(), "SET needs a value");
        }
        if (keyword(tokens, index, "DEFAULT") && index + 1 == tokens.size()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        boolean empty = true;
        for (int i = index; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String text = token.text();
            if (!token.quoted() && text.equals(",")) {
                if (empty) {
                    throw StatementParser.syntaxError(sql, token.offset(), "syntax error at or near \",\"");
                }
                values.add(element.toString());
                element.setLength(0);
                empty = true;
                continue;
            }
            if (!token.quoted() && text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
                element.append(text, 1, text.length() - 1);
            }
            else if (!token.quoted() && (text.equals(".") || text.equals("-") || text.equals("+"))) {
                element.append(text);
            }
            else if (!empty && !element.isEmpty() && !element.toString().endsWith(".") && !element.toString().endsWith("-") && !element.toString().endsWith("+")) {
                // words of one element (READ COMMITTED), as PostgreSQL joins them
                element.append(' ').append(token.identifier());
            }
            else {
                element.append(token.quoted() ? text : token.identifier());
            }
            empty = false;
        }
        if (empty) {
            throw StatementParser.syntaxError(sql, sql.length(), "SET needs a value");
        }
        values.add(element.toString());
        return Optional.of(values);
    }

    private static Statement sessionCharacteristics(String sql, List<Token> tokens, int index)
    {
        if (!keyword(tokens, index, "AS") || !keyword(tokens, index + 1, "TRANSACTION")) {
            throw StatementParser.syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected AS TRANSACTION");
        }
        index += 2;
        if (keyword(tokens, index, "ISOLATION") && keyword(tokens, index + 1, "LEVEL")) {
            StringBuilder level = new StringBuilder();
            for (int i = index + 2; i < tokens.size(); i++) {
                level.append(level.isEmpty() ? "" : " ").append(tokens.get(i).text().toLowerCase(Locale.ROOT));
            }
            return new Statement.SetSession("default_transaction_isolation", Optional.of(List.of(level.toString())), false);
        }
        if (keyword(tokens, index, "READ") && index + 2 == tokens.size()) {
            return new Statement.SetSession("default_transaction_read_only", Optional.of(List.of(keyword(tokens, index + 1, "ONLY") ? "on" : "off")), false);
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "SET SESSION CHARACTERISTICS supports ISOLATION LEVEL and READ ONLY / READ WRITE");
    }

    private static boolean keyword(List<Token> tokens, int index, String keyword)
    {
        return index >= 0 && index < tokens.size() && tokens.get(index).keyword().equals(keyword);
    }
}
