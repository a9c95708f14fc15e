package io.basin.spectrum;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

import static io.trino.spi.ErrorType.EXTERNAL;
import static io.trino.spi.ErrorType.INTERNAL_ERROR;
import static io.trino.spi.ErrorType.USER_ERROR;

/** Errors of the scan fleet and the lake connector; the message always names the file or table. */
public enum SpectrumErrorCode
        implements ErrorCodeSupplier
{
    /** A data file is not a valid Parquet/ORC file, or is truncated. */
    LAKE_CORRUPT_FILE(0, EXTERNAL),
    /** A data file or metadata file that the table refers to does not exist. */
    LAKE_FILE_NOT_FOUND(1, EXTERNAL),
    /** Reading or writing the object store or file system failed. */
    LAKE_IO_ERROR(2, EXTERNAL),
    /** The Iceberg catalog refused or failed an operation. */
    LAKE_CATALOG_ERROR(3, EXTERNAL),
    /** The table uses something this version cannot read or write. */
    LAKE_NOT_SUPPORTED(4, USER_ERROR),
    /** A catalog property is missing or invalid. */
    LAKE_INVALID_CONFIGURATION(5, USER_ERROR),
    /** A worker failed in a way that is a bug. */
    LAKE_INTERNAL_ERROR(6, INTERNAL_ERROR),
    /** A sum the scan workers compute does not fit its type. */
    LAKE_NUMERIC_OVERFLOW(7, USER_ERROR),
    /** No remote scan worker answers (and the local pool is not a fallback). */
    LAKE_SCAN_WORKERS_UNAVAILABLE(90, EXTERNAL),
    /** A scan task failed on every worker it was retried on. */
    LAKE_SCAN_WORKER_FAILED(91, EXTERNAL);

    // Trino reserves 0x0100_0000 and up for connectors; Basin's lake takes its own block, apart
    // from Basin's own codes (0x0B00_0000): error codes are equal when their numbers are
    private static final int BASE = 0x0B01_0000;

    private final ErrorCode errorCode;

    SpectrumErrorCode(int code, ErrorType type)
    {
        this.errorCode = new ErrorCode(BASE + code, name(), type);
    }

    @Override
    public ErrorCode toErrorCode()
    {
        return errorCode;
    }

    /**
     * A failure's message followed by its root cause's, which is where storage clients say what
     * actually went wrong (a 403, a missing bucket) under a generic "cannot create file".
     */
    public static String describe(Throwable failure)
    {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        if (root == failure || root.getMessage() == null || message.contains(root.getMessage())) {
            return message;
        }
        return message + ": " + root.getMessage();
    }
}
