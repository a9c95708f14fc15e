package io.basin.error;

import io.trino.spi.ErrorCode;
import io.trino.spi.StandardErrorCode;

import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL error a Trino error code stands for: Basin's own codes, the SPI's standard codes
 * connectors raise, and connector codes known by name (the engine does not depend on the
 * connectors that define them). One mapping for every way an error leaves Basin: statement
 * results, the wire protocol and the command line.
 */
public final class ConnectorErrorCodes
{
    private static final Map<ErrorCode, BasinErrorCode> STANDARD = Map.ofEntries(
            Map.entry(StandardErrorCode.COLUMN_NOT_FOUND.toErrorCode(), BasinErrorCode.UNDEFINED_COLUMN),
            Map.entry(StandardErrorCode.COLUMN_ALREADY_EXISTS.toErrorCode(), BasinErrorCode.DUPLICATE_COLUMN),
            Map.entry(StandardErrorCode.DUPLICATE_COLUMN_NAME.toErrorCode(), BasinErrorCode.DUPLICATE_COLUMN),
            Map.entry(StandardErrorCode.CONSTRAINT_VIOLATION.toErrorCode(), BasinErrorCode.NOT_NULL_VIOLATION),
            Map.entry(StandardErrorCode.MERGE_TARGET_ROW_MULTIPLE_MATCHES.toErrorCode(), BasinErrorCode.CARDINALITY_VIOLATION),
            Map.entry(StandardErrorCode.TRANSACTION_CONFLICT.toErrorCode(), BasinErrorCode.SERIALIZATION_FAILURE),
            Map.entry(StandardErrorCode.TABLE_NOT_FOUND.toErrorCode(), BasinErrorCode.UNDEFINED_TABLE),
            Map.entry(StandardErrorCode.TABLE_ALREADY_EXISTS.toErrorCode(), BasinErrorCode.DUPLICATE_TABLE),
            Map.entry(StandardErrorCode.INVALID_TABLE_PROPERTY.toErrorCode(), BasinErrorCode.INVALID_TABLE_DEFINITION),
            Map.entry(StandardErrorCode.INVALID_COLUMN_PROPERTY.toErrorCode(), BasinErrorCode.INVALID_TABLE_DEFINITION),
            Map.entry(StandardErrorCode.NOT_SUPPORTED.toErrorCode(), BasinErrorCode.FEATURE_NOT_SUPPORTED));

    private static final Map<String, BasinErrorCode> BY_NAME = Map.of(
            "LAKE_NUMERIC_OVERFLOW", BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
            "LAKE_FILE_NOT_FOUND", BasinErrorCode.UNDEFINED_FILE,
            "LAKE_CORRUPT_FILE", BasinErrorCode.DATA_CORRUPTED,
            "LAKE_SCAN_WORKERS_UNAVAILABLE", BasinErrorCode.SCAN_WORKERS_UNAVAILABLE,
            "LAKE_SCAN_WORKER_FAILED", BasinErrorCode.SCAN_WORKER_FAILED);

    private ConnectorErrorCodes() {}

    public static Optional<BasinErrorCode> basinCode(ErrorCode code)
    {
        // error codes are equal when their numbers are, so a name must agree too
        for (BasinErrorCode basin : BasinErrorCode.values()) {
            ErrorCode candidate = basin.toErrorCode();
            if (candidate.equals(code) && candidate.getName().equals(code.getName())) {
                return Optional.of(basin);
            }
        }
        BasinErrorCode standard = STANDARD.get(code);
        if (standard != null) {
            return Optional.of(standard);
        }
        return Optional.ofNullable(BY_NAME.get(code.getName()));
    }
}
