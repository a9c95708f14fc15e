package io.basin.error;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

import static io.trino.spi.ErrorType.EXTERNAL;
import static io.trino.spi.ErrorType.INSUFFICIENT_RESOURCES;
import static io.trino.spi.ErrorType.INTERNAL_ERROR;
import static io.trino.spi.ErrorType.USER_ERROR;

/**
 * Every error Basin raises, grouped by type, each with the PostgreSQL SQLSTATE that the wire
 * server reports. Codes are stable: append, never renumber.
 */
public enum BasinErrorCode
        implements ErrorCodeSupplier
{
    SYNTAX_ERROR(1, USER_ERROR, "42601"),
    UNDEFINED_TABLE(2, USER_ERROR, "42P01"),
    UNDEFINED_COLUMN(3, USER_ERROR, "42703"),
    UNDEFINED_FUNCTION(4, USER_ERROR, "42883"),
    UNDEFINED_SCHEMA(5, USER_ERROR, "3F000"),
    UNDEFINED_DATABASE(6, USER_ERROR, "3D000"),
    DATATYPE_MISMATCH(7, USER_ERROR, "42804"),
    AMBIGUOUS_COLUMN(8, USER_ERROR, "42702"),
    GROUPING_ERROR(9, USER_ERROR, "42803"),
    FEATURE_NOT_SUPPORTED(10, USER_ERROR, "0A000"),
    DIVISION_BY_ZERO(11, USER_ERROR, "22012"),
    NUMERIC_VALUE_OUT_OF_RANGE(12, USER_ERROR, "22003"),
    INVALID_TEXT_REPRESENTATION(13, USER_ERROR, "22P02"),
    INVALID_DATETIME_FORMAT(14, USER_ERROR, "22007"),
    DATETIME_FIELD_OVERFLOW(15, USER_ERROR, "22008"),
    INVALID_PARAMETER_VALUE(16, USER_ERROR, "22023"),
    STRING_DATA_RIGHT_TRUNCATION(17, USER_ERROR, "22001"),
    CARDINALITY_VIOLATION(18, USER_ERROR, "21000"),
    DUPLICATE_TABLE(19, USER_ERROR, "42P07"),
    DUPLICATE_SCHEMA(20, USER_ERROR, "42P06"),
    INVALID_ESCAPE_SEQUENCE(21, USER_ERROR, "22025"),
    QUERY_CANCELED(22, USER_ERROR, "57014"),
    INVALID_NAME(23, USER_ERROR, "42602"),
    READ_ONLY_CATALOG(24, USER_ERROR, "25006"),
    INVALID_REGULAR_EXPRESSION(25, USER_ERROR, "2201B"),
    NULL_VALUE_NOT_ALLOWED(26, USER_ERROR, "22004"),
    UNDEFINED_OBJECT(27, USER_ERROR, "42704"),
    CANT_CHANGE_RUNTIME_PARAM(28, USER_ERROR, "55P02"),
    CHARACTER_NOT_IN_REPERTOIRE(29, USER_ERROR, "22021"),
    UNDEFINED_PARAMETER(30, USER_ERROR, "42P02"),
    STATEMENT_TOO_COMPLEX(31, USER_ERROR, "54001"),
    INVALID_BINARY_REPRESENTATION(32, USER_ERROR, "22P03"),
    INTERVAL_FIELD_OVERFLOW(33, USER_ERROR, "22015"),
    /** A concurrent transaction changed what this one read or wrote; retry the transaction. */
    SERIALIZATION_FAILURE(34, USER_ERROR, "40001"),
    /** A row of a file loaded by COPY FROM does not fit the table (the message names line and column). */
    BAD_COPY_FILE_FORMAT(39, USER_ERROR, "22P04"),

    // warehouse tables: UPDATE, ALTER TABLE, NOT NULL
    DUPLICATE_COLUMN(60, USER_ERROR, "42701"),
    NOT_NULL_VIOLATION(61, USER_ERROR, "23502"),
    /** ALTER TABLE refused because of what depends on the column (a sort or distribution key). */
    INVALID_TABLE_DEFINITION(62, USER_ERROR, "42P16"),

    // users and roles
    DUPLICATE_OBJECT(40, USER_ERROR, "42710"),
    RESERVED_NAME(42, USER_ERROR, "42939"),
    DEPENDENT_OBJECTS_STILL_EXIST(43, USER_ERROR, "2BP01"),
    OBJECT_IN_USE(44, USER_ERROR, "55006"),
    INSUFFICIENT_PRIVILEGE(45, USER_ERROR, "42501"),
    LOCK_NOT_AVAILABLE(46, USER_ERROR, "55P03"),

    // sessions and the wire protocol
    IN_FAILED_SQL_TRANSACTION(50, USER_ERROR, "25P02"),
    PROTOCOL_VIOLATION(51, USER_ERROR, "08P01"),
    INVALID_AUTHORIZATION_SPECIFICATION(52, USER_ERROR, "28000"),
    INVALID_PASSWORD(53, USER_ERROR, "28P01"),
    ADMIN_SHUTDOWN(54, USER_ERROR, "57P01"),
    DUPLICATE_PREPARED_STATEMENT(55, USER_ERROR, "42P05"),
    UNDEFINED_PREPARED_STATEMENT(56, USER_ERROR, "26000"),
    UNDEFINED_CURSOR(57, USER_ERROR, "34000"),
    TOO_MANY_CONNECTIONS(58, INSUFFICIENT_RESOURCES, "53300"),

    EXCEEDED_MEMORY_LIMIT(100, INSUFFICIENT_RESOURCES, "53200"),

    CONNECTOR_ERROR(200, EXTERNAL, "58000"),
    PLUGIN_LOAD_ERROR(201, EXTERNAL, "58000"),
    CATALOG_STORE_ERROR(202, EXTERNAL, "58030"),
    CATALOG_VERSION_MISMATCH(203, EXTERNAL, "58000"),
    /** A file named by COPY FROM cannot be read. */
    UNDEFINED_FILE(209, EXTERNAL, "58P01"),
    /** COPY or UNLOAD could not read or write an object in S3 for a reason other than a missing object or refused credentials. */
    OBJECT_STORE_ERROR(75, EXTERNAL, "58030"),
    /** A lake data or delete file that cannot be decoded (LAKE_CORRUPT_FILE): PostgreSQL's data_corrupted. */
    DATA_CORRUPTED(59, EXTERNAL, "XX001"),
    /** The scan fleet's remote workers: the SQLSTATEs of the lake's LAKE_SCAN_WORKERS_UNAVAILABLE and LAKE_SCAN_WORKER_FAILED. */
    SCAN_WORKERS_UNAVAILABLE(90, EXTERNAL, "08001"),
    SCAN_WORKER_FAILED(91, EXTERNAL, "08006"),

    INTERNAL_ERROR_CODE(300, INTERNAL_ERROR, "XX000"),
    /**/;

    private static final int BASE = 0x0B00_0000;

    private final ErrorCode errorCode;
    private final String sqlState;

    BasinErrorCode(int code, ErrorType type, String sqlState)
    {
        this.errorCode = new ErrorCode(BASE + code, name(), type);
        this.sqlState = sqlState;
    }

    @Override
    public ErrorCode toErrorCode()
    {
        return errorCode;
    }

    /** The PostgreSQL SQLSTATE clients see for this error. */
    public String sqlState()
    {
        return sqlState;
    }
}
