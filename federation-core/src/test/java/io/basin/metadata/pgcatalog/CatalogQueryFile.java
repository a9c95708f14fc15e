package io.basin.metadata.pgcatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Statements a client sends for one of its commands, captured from the client against
 * PostgreSQL and kept verbatim under {@code src/test/resources/io/basin/metadata/pgcatalog}:
 * comment lines first, statements separated by lines holding only {@code ;;}. Placeholders —
 * {@code ${name}} in psql's, {@code $n} (bound parameters) in pgjdbc's — are filled in as text.
 */
final class CatalogQueryFile
{
    private CatalogQueryFile() {}

    static List<String> load(String path, Map<String, String> values)
    {
        String text;
        try (InputStream input = CatalogQueryFile.class.getResourceAsStream(path)) {
            requireNonNull(input, () -> "missing test resource " + path);
            text = new String(input.readAllBytes(), UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : body.toString().split("\n;;\n")) {
            String filled = statement.strip();
            for (Map.Entry<String, String> value : values.entrySet()) {
                filled = filled.replace(value.getKey(), value.getValue());
            }
            if (!filled.isEmpty()) {
                statements.add(filled);
            }
        }
        return statements;
    }

    static String load(String path)
    {
        List<String> statements = load(path, Map.of());
        if (statements.size() != 1) {
            throw new IllegalArgumentException(path + " holds " + statements.size() + " statements");
        }
        return statements.getFirst();
    }
}
