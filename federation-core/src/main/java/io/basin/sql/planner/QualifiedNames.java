package io.basin.sql.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a possibly qualified, possibly quoted name as PostgreSQL's {@code ::regclass} reads it. */
final class QualifiedNames
{
    private QualifiedNames() {}

    /** {@code public."My Table"} is [public, My Table]; unquoted parts are lower-cased. */
    static List<String> split(String text)
    {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    part.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == '.') {
                parts.add(wasQuoted ? part.toString() : part.toString().trim().toLowerCase(Locale.ROOT));
                part.setLength(0);
                wasQuoted = false;
            }
            else {
                part.append(c);
            }
        }
        parts.add(wasQuoted ? part.toString() : part.toString().trim().toLowerCase(Locale.ROOT));
        return parts;
    }
}
