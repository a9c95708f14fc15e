package io.basin.pgwire.type;

/**
 * The two formats of values on the wire: PostgreSQL's text output, or the binary form of its
 * {@code *send}/{@code *recv} functions. Format codes are those of Bind and RowDescription.
 */
public enum PgFormat
{
    TEXT(0),
    BINARY(1);

    private final int code;

    PgFormat(int code)
    {
        this.code = code;
    }

    /** The format code of the protocol: 0 text, 1 binary. */
    public int code()
    {
        return code;
    }

    /**
     * The format of a protocol format code.
     *
     * @throws io.basin.error.BasinException (protocol violation) for a code other than 0 or 1
     */
    public static PgFormat fromCode(int code)
    {
        return switch (code) {
            case 0 -> TEXT;
            case 1 -> BINARY;
            default -> throw WireErrors.protocolViolation("invalid format code: " + code);
        };
    }
}
