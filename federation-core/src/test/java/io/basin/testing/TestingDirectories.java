package io.basin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of tests: removed with everything in them when a test class is done. */
public final class TestingDirectories
{
    private TestingDirectories() {}

    /** Deletes {@code directory} and its contents, deepest first; nothing when it does not exist (or is null). */
    public static void deleteRecursively(Path directory)
    {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
