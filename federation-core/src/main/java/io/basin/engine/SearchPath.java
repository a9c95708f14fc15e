package io.basin.engine;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code search_path} values: schema names separated by commas, quoted where needed. */
final class SearchPath
{
    private SearchPath() {}

    /** The schemas of a search_path value as SHOW prints it ({@code "$user", public}). */
    static List<String> parse(String value)
    {
        List<String> schemas = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    name.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                add(schemas, name);
            }
            else if (!Character.isWhitespace(c)) {
                name.append(c);
            }
        }
        add(schemas, name);
        return schemas;
    }

    private static void add(List<String> schemas, StringBuilder name)
    {
        if (!name.isEmpty()) {
            schemas.add(name.toString());
        }
        name.setLength(0);
    }

    /** A schema name as search_path shows it: quoted unless a plain lower-case identifier. */
    static String quote(String schema)
    {
        return io.basin.execution.expression.function.PgCatalogFunctions.needsQuotes(schema) ? "\"" + schema.replace("\"", "\"\"") + "\"" : schema;
    }
}
