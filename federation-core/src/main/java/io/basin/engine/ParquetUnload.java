package io.basin.engine;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.sql.parser.Statement;
import io.basin.sql.parser.Statement.ObjectStoreAccess;
import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where {@code UNLOAD ('query') TO 'location' FORMAT PARQUET} puts the query's rows:
 * zstd-compressed Parquet part files named {@code <location>0000_part_00.parquet},
 * {@code <location>0001_part_00.parquet}, ... as Redshift names its parts, a new part once one
 * reaches {@code MAXFILESIZE} (a local location ending in {@code .parquet} is the one file
 * itself). Parts are written under temporary names and moved into place (local) or uploaded
 * whole once the query has finished (S3), so a failed query leaves no part behind; if an upload
 * fails, the parts already uploaded are deleted.
 */
final class ParquetUnload
{
    private ParquetUnload() {}

    /** Writes the pages (until null) and returns the row count. */
    static long write(Statement.Unload unload, List<String> names, List<Type> types, Supplier<Page> pages)
    {
        if (ObjectStoreAccess.isObjectStore(unload.location())) {
            return writeToS3(unload, names, types, pages);
        }
        Path location = DelimitedFileReader.localPath(unload.location());
        boolean single = location.toString().endsWith(".parquet");
        List<Path> temporaries = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        try {
            if (location.getParent() != null) {
                Files.createDirectories(location.getParent());
            }
            long rows = ParquetFiles.write(part -> {
                Path target = single ? location : Path.of(location + partName(part));
                targets.add(target);
                Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
                temporaries.add(temporary);
                return temporary;
            }, names, types, pages, single ? Long.MAX_VALUE : unload.maxFileBytes());
            for (int part = 0; part < targets.size(); part++) {
                Files.move(temporaries.get(part), targets.get(part), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return rows;
        }
        catch (IOException | UncheckedIOException e) {
            throw removing(temporaries, new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not write \"" + location + "\": " + e.getMessage(), e));
        }
        catch (RuntimeException e) {
            throw removing(temporaries, e);
        }
    }

    private static long writeToS3(Statement.Unload unload, List<String> names, List<Type> types, Supplier<Page> pages)
    {
        Path staging;
        try {
            staging = Files.createTempDirectory("basin-unload-");
        }
        catch (IOException e) {
            throw new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not create a local directory for the UNLOAD's parts: " + e.getMessage(), e);
        }
        try {
            List<Path> parts = new ArrayList<>();
            long rows = ParquetFiles.write(part -> {
                Path file = staging.resolve(partName(part));
                parts.add(file);
                return file;
            }, names, types, pages, unload.maxFileBytes());
            try (S3ObjectStore store = S3ObjectStore.open(unload.location(), unload.access())) {
                List<String> uploaded = new ArrayList<>();
                for (int part = 0; part < parts.size(); part++) {
                    String object = unload.location() + partName(part);
                    try {
                        store.upload(parts.get(part), object);
                    }
                    catch (RuntimeException e) {
                        for (String done : uploaded) {
                            RuntimeException failure = store.delete(done);
                            if (failure != null) {
                                e.addSuppressed(failure);
                            }
                        }
                        throw e;
                    }
                    uploaded.add(object);
                }
            }
            return rows;
        }
        catch (IOException | UncheckedIOException e) {
            throw cleaningUp(staging, new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not write the UNLOAD's parts locally before uploading them: " + e.getMessage(), e));
        }
        catch (RuntimeException e) {
            throw cleaningUp(staging, e);
        }
        finally {
            if (Files.exists(staging)) {
                deleteDirectory(staging);
            }
        }
    }

    private static RuntimeException cleaningUp(Path staging, RuntimeException failure)
    {
        try {
            deleteDirectory(staging);
        }
        catch (UncheckedIOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static String partName(int part)
    {
        return "%04d_part_00.parquet".formatted(part);
    }

    /** Removes partly written files before their failure is reported; failures to remove them are attached. */
    private static RuntimeException removing(List<Path> files, RuntimeException failure)
    {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    private static void deleteDirectory(Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not remove the UNLOAD's local staging directory " + directory, e);
        }
    }
}
