package io.basin.pgwire;

import io.basin.error.BasinException;
import io.basin.pgwire.type.PgColumnType;
import io.basin.pgwire.type.PgFormat;
import io.basin.pgwire.type.PgParameterDecoder;
import io.basin.pgwire.type.PgType;
import io.basin.pgwire.type.SqlLiteral;
import io.trino.spi.type.Type;

import java.util.Optional;

/**
 * Bound parameter values as SQL literals of their PostgreSQL type, through the type codec's
 * decoder: a value is parsed (text) or read (binary) as its type first, so it can never change
 * the statement it is bound into.
 */
final class ParameterLiterals
{
    static final int TEXT = PgType.TEXT.oid();

    private ParameterLiterals() {}

    /** The literal for value {@code value} (null for SQL NULL) of parameter {@code $index}. */
    static String render(int oid, int format, byte[] value, int index)
    {
        return PgParameterDecoder.decode(index, oid, PgFormat.fromCode(format), value).sql();
    }

    /** A NULL of the Basin type a declared parameter type becomes, to type its context; empty when there is none. */
    static Optional<String> typedNull(int oid)
    {
        if (oid == 0 || oid == PgType.UNKNOWN.oid()) {
            return Optional.empty();
        }
        try {
            SqlLiteral literal = PgParameterDecoder.decode(1, oid, PgFormat.TEXT, null);
            return literal.type().isPresent() ? Optional.of(literal.sql()) : Optional.empty();
        }
        catch (BasinException e) {
            return Optional.empty();
        }
    }

    /** The PostgreSQL type OID a Basin type is described as. */
    static int oidOf(Type type)
    {
        return PgColumnType.forType(type).oid();
    }
}
