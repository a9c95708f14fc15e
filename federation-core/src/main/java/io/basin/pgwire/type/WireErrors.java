package io.basin.pgwire.type;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.error.BasinErrorCode.INVALID_TEXT_REPRESENTATION;

/**
 * The errors of decoding values that a client sent, worded as PostgreSQL words them.
 * <p>
 * {@link BasinErrorCode} has no codes yet for two of PostgreSQL's conditions, protocol_violation
 * (08P01: a binary value shorter than its type) and invalid_binary_representation (22P03: one
 * longer, or malformed), nor for character_not_in_repertoire (22021: text that is not valid
 * UTF-8); until it does they are reported as {@link BasinErrorCode#INVALID_PARAMETER_VALUE}
 * (22023) and {@link BasinErrorCode#INVALID_TEXT_REPRESENTATION}, each from one method here.
 */
final class WireErrors
{
    private WireErrors() {}

    /** PostgreSQL: 08P01 protocol_violation. */
    static BasinException protocolViolation(String message)
    {
        return new BasinException(INVALID_PARAMETER_VALUE, message);
    }

    /** PostgreSQL: 22P03 invalid_binary_representation. */
    static BasinException invalidBinaryRepresentation(String message)
    {
        return new BasinException(INVALID_PARAMETER_VALUE, message);
    }

    /** PostgreSQL: 22021 character_not_in_repertoire. */
    static BasinException invalidByteSequence(String message)
    {
        return new BasinException(INVALID_TEXT_REPRESENTATION, message);
    }

    /** 22P02 invalid_text_representation: {@code invalid input syntax for type integer: "abc"}. */
    static BasinException invalidInputSyntax(String typeName, String text)
    {
        return new BasinException(INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
}
