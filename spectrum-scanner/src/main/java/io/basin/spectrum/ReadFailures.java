package io.basin.spectrum;

import io.trino.orc.OrcCorruptionException;
import io.trino.parquet.ParquetCorruptionException;
import io.trino.spi.TrinoException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_CORRUPT_FILE;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_FILE_NOT_FOUND;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_IO_ERROR;
import static io.basin.spectrum.SpectrumErrorCode.describe;

/**
 * A failure to read a data or delete file as the error a user sees, naming the file: a missing
 * file, a file the decoder finds invalid (corrupt or truncated), or storage that failed.
 */
final class ReadFailures
{
    private ReadFailures() {}

    static TrinoException translate(String path, Throwable e)
    {
        if (e instanceof TrinoException trinoException) {
            return trinoException;
        }
        if (e instanceof UncheckedIOException unchecked) {
            e = unchecked.getCause();
        }
        if (e instanceof FileNotFoundException || e instanceof NoSuchFileException || e instanceof org.apache.iceberg.exceptions.NotFoundException) {
            return new TrinoException(LAKE_FILE_NOT_FOUND, "Cannot read %s: the file does not exist".formatted(path), e);
        }
        // both decoders report invalid content as an IOException subtype: that is the file's fault, not the storage's
        if (e instanceof ParquetCorruptionException || e instanceof OrcCorruptionException) {
            return new TrinoException(LAKE_CORRUPT_FILE, "Cannot read %s: %s".formatted(path, describe(e)), e);
        }
        if (e instanceof IOException) {
            return new TrinoException(LAKE_IO_ERROR, "Cannot read %s: %s".formatted(path, describe(e)), e);
        }
        return new TrinoException(LAKE_CORRUPT_FILE, "Cannot read %s: %s".formatted(path, describe(e)), e);
    }
}
