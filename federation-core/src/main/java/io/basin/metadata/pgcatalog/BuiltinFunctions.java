package io.basin.metadata.pgcatalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

/** The functions {@code pg_proc} lists, read from {@code functions.txt}. */
public final class BuiltinFunctions
{
    private static final List<BuiltinFunction> ALL = load();

    private BuiltinFunctions() {}

    public static List<BuiltinFunction> all()
    {
        return ALL;
    }

    private static List<BuiltinFunction> load()
    {
        List<BuiltinFunction> functions = new ArrayList<>();
        try (InputStream input = BuiltinFunctions.class.getResourceAsStream("functions.txt")) {
            if (input == null) {
                throw new IllegalStateException("functions.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 8) {
                    throw new IllegalStateException("functions.txt: expected 8 fields in: " + line);
                }
                List<Long> arguments = f[4].isBlank() ? List.of() : Arrays.stream(f[4].trim().split(" ")).map(Long::parseLong).toList();
                functions.add(new BuiltinFunction(Long.parseLong(f[0]), f[1], f[2].charAt(0), Long.parseLong(f[3]), arguments, Long.parseLong(f[5]), f[6], f[7]));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(functions);
    }
}
