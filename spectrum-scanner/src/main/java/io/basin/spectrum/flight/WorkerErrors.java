package io.basin.spectrum.flight;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorType;
import io.trino.spi.TrinoException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;

import java.util.Optional;

/**
 * How a worker reports a scan's own failure (a corrupt file, a missing object) apart from a
 * transport failure: the Trino error code travels in the Flight error's metadata, so the caller
 * rethrows it as it would have been thrown in process instead of retrying a task that fails the
 * same way everywhere.
 */
final class WorkerErrors
{
    private static final String CODE = "basin-error-code";
    private static final String NAME = "basin-error-name";
    private static final String TYPE = "basin-error-type";

    private WorkerErrors() {}

    static FlightRuntimeException toFlight(TrinoException failure)
    {
        ErrorCode code = failure.getErrorCode();
        ErrorFlightMetadata metadata = new ErrorFlightMetadata();
        metadata.insert(CODE, String.valueOf(code.getCode()));
        metadata.insert(NAME, code.getName());
        metadata.insert(TYPE, code.getType().name());
        return CallStatus.INTERNAL.withDescription(String.valueOf(failure.getMessage())).withMetadata(metadata).toRuntimeException();
    }

    /** The scan failure a worker reported, or empty when the call failed for another reason. */
    static Optional<TrinoException> scanFailure(FlightRuntimeException failure)
    {
        ErrorFlightMetadata metadata = failure.status().metadata();
        if (metadata == null || !metadata.containsKey(CODE)) {
            return Optional.empty();
        }
        try {
            ErrorCode code = new ErrorCode(Integer.parseInt(metadata.get(CODE)), metadata.get(NAME), ErrorType.valueOf(metadata.get(TYPE)));
            return Optional.of(new TrinoException(() -> code, failure.status().description(), failure));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
