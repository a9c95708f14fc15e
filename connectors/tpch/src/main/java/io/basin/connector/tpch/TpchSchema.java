package io.basin.connector.tpch;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A schema of the TPC-H catalog: a name that encodes the scale factor. {@code tiny} is SF 0.01;
 * {@code sfN} is SF N and {@code sfN_M} is SF N.M (so {@code sf0_1} is SF 0.1).
 *
 * @param name the schema name as written in SQL
 * @param scaleFactor the TPC-H scale factor, greater than zero
 */
record TpchSchema(String name, double scaleFactor)
{
    static final String TINY = "tiny";

    /** The schemas {@code SHOW SCHEMAS} lists; every other {@code sfN} name works as well. */
    static final List<String> LISTED_SCHEMAS = List.of(TINY, "sf0_1", "sf1", "sf10", "sf100");

    private static final Pattern SCALE_FACTOR_NAME = Pattern.compile("sf(\\d+)(?:_(\\d+))?");

    TpchSchema
    {
        requireNonNull(name, "name is null");
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw new IllegalArgumentException("scaleFactor must be positive and finite: " + scaleFactor);
        }
    }

    /** Parses a schema name; empty when it names no scale factor. */
    static Optional<TpchSchema> parse(String schemaName)
    {
        requireNonNull(schemaName, "schemaName is null");
        if (schemaName.equals(TINY)) {
            return Optional.of(new TpchSchema(TINY, 0.01));
        }
        Matcher matcher = SCALE_FACTOR_NAME.matcher(schemaName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String fraction = matcher.group(2) == null ? "" : "." + matcher.group(2);
        double scaleFactor = Double.parseDouble(matcher.group(1) + fraction);
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            return Optional.empty();
        }
        return Optional.of(new TpchSchema(schemaName, scaleFactor));
    }
}
