package io.basin.pgwire.type;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.error.BasinErrorCode.INVALID_TEXT_REPRESENTATION;

/**
 * The errors of decoding values that a client sent, worded as PostgreSQL words them.
 * <p>
 * {@link BasinErrorCode} has no codes yet for four of PostgreSQL's conditions:
 * protocol_violation (08P01: a binary value shorter than its type), invalid_binary_representation
 * (22P03: one longer, or malformed), character_not_in_repertoire (22021: text that is not valid
 * UTF-8) and interval_field_overflow (22015). Until it does they are reported as
 * {@link BasinErrorCode#INVALID_PARAMETER_VALUE} (22023),
 * {@link BasinErrorCode#INVALID_TEXT_REPRESENTATION} (22P02) and
 * {@link BasinErrorCode#DATETIME_FIELD_OVERFLOW} (22008), each from one method here.
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

    /** PostgreSQL: 22015 interval_field_overflow. */
    static BasinException intervalFieldOverflow(String message)
    {
        return new BasinException(DATETIME_FIELD_OVERFLOW, message);
    }

    /** 22P02 invalid_text_representation: {@code invalid input syntax for type integer: "abc"}. */
    static BasinException invalidInputSyntax(String typeName, String text)
    {
        return new BasinException(INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
}
