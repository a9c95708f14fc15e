package io.basin.pgwire.type;

import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.CHARACTER_NOT_IN_REPERTOIRE;
import static io.basin.error.BasinErrorCode.INTERVAL_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.INVALID_BINARY_REPRESENTATION;
import static io.basin.error.BasinErrorCode.INVALID_TEXT_REPRESENTATION;
import static io.basin.error.BasinErrorCode.PROTOCOL_VIOLATION;

/** The errors of decoding values that a client sent, worded and coded as PostgreSQL's. */
final class WireErrors
{
    private WireErrors() {}

    /** PostgreSQL: 08P01 protocol_violation. */
    static BasinException protocolViolation(String message)
    {
        return new BasinException(PROTOCOL_VIOLATION, message);
    }

    /** PostgreSQL: 22P03 invalid_binary_representation. */
    static BasinException invalidBinaryRepresentation(String message)
    {
        return new BasinException(INVALID_BINARY_REPRESENTATION, message);
    }

    /** PostgreSQL: 22021 character_not_in_repertoire. */
    static BasinException invalidByteSequence(String message)
    {
        return new BasinException(CHARACTER_NOT_IN_REPERTOIRE, message);
    }

    /** PostgreSQL: 22015 interval_field_overflow. */
    static BasinException intervalFieldOverflow(String message)
    {
        return new BasinException(INTERVAL_FIELD_OVERFLOW, message);
    }

    /** 22P02 invalid_text_representation: {@code invalid input syntax for type integer: "abc"}. */
    static BasinException invalidInputSyntax(String typeName, String text)
    {
        return new BasinException(INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
}
