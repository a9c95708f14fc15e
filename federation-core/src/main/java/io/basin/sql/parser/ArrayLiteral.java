package io.basin.sql.parser;

import io.basin.error.BasinException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_TEXT_REPRESENTATION;

/** PostgreSQL's text form of a one-dimensional array: {@code {a,"b c",NULL}}. */
public final class ArrayLiteral
{
    private ArrayLiteral() {}

    /** Parses PostgreSQL's array text: {@code {a,"b c",NULL}}; one dimension. */
    public static List<String> parse(String text)
    {
        String trimmed = text.trim();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '{' || trimmed.charAt(trimmed.length() - 1) != '}') {
            throw new BasinException(INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"");
        }
        List<String> elements = new ArrayList<>();
        String body = trimmed.substring(1, trimmed.length() - 1);
        if (body.isBlank()) {
            return elements;
        }
        StringBuilder element = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < body.length()) {
                    element.append(body.charAt(++i));
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    element.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == ',') {
                elements.add(finish(element, wasQuoted));
                element.setLength(0);
                wasQuoted = false;
            }
            else if (c == '{' || c == '}') {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported: \"" + text + "\"");
            }
            else {
                element.append(c);
            }
        }
        elements.add(finish(element, wasQuoted));
        return elements;
    }

    private static String finish(StringBuilder element, boolean wasQuoted)
    {
        String value = wasQuoted ? element.toString() : element.toString().trim();
        return !wasQuoted && value.toUpperCase(Locale.ROOT).equals("NULL") ? null : value;
    }
}
