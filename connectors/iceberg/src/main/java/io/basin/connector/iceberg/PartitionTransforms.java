package io.basin.connector.iceberg;

import io.trino.spi.TrinoException;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.trino.spi.StandardErrorCode.INVALID_TABLE_PROPERTY;

/**
 * The {@code partitioning} table property, a list of partition fields as in Trino: a column
 * ({@code region}), {@code year(c)}, {@code month(c)}, {@code day(c)}, {@code hour(c)},
 * {@code bucket(c, n)} or {@code truncate(c, n)}; turned into an Iceberg partition spec.
 */
final class PartitionTransforms
{
    private static final Pattern TRANSFORM = Pattern.compile("\\s*(?:(\\w+)\\s*\\(\\s*(\\w+)\\s*(?:,\\s*(\\d+)\\s*)?\\)|(\\w+))\\s*");

    private PartitionTransforms() {}

    static PartitionSpec toSpec(Schema schema, List<String> fields)
    {
        PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
        for (String field : fields) {
            Matcher matcher = TRANSFORM.matcher(field);
            if (!matcher.matches()) {
                throw invalid(field, "expected a column or a transform such as day(c) or bucket(c, 16)");
            }
            try {
                if (matcher.group(4) != null) {
                    builder.identity(column(schema, field, matcher.group(4)));
                    continue;
                }
                String column = column(schema, field, matcher.group(2));
                String transform = matcher.group(1).toLowerCase(Locale.ROOT);
                Integer width = matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3));
                switch (transform) {
                    case "year" -> builder.year(column);
                    case "month" -> builder.month(column);
                    case "day" -> builder.day(column);
                    case "hour" -> builder.hour(column);
                    case "bucket" -> builder.bucket(column, requireWidth(field, width));
                    case "truncate" -> builder.truncate(column, requireWidth(field, width));
                    default -> throw invalid(field, "unknown transform " + transform);
                }
                if (width != null && !transform.equals("bucket") && !transform.equals("truncate")) {
                    throw invalid(field, transform + " takes no width");
                }
            }
            catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Iceberg rejects a transform the column's type cannot take (day of a varchar)
                throw new TrinoException(INVALID_TABLE_PROPERTY, "Invalid partitioning '%s': %s".formatted(field, e.getMessage()), e);
            }
        }
        return builder.build();
    }

    private static String column(Schema schema, String field, String name)
    {
        String column = name.toLowerCase(Locale.ROOT);
        if (schema.findField(column) == null) {
            throw invalid(field, "no column " + column);
        }
        return column;
    }

    private static int requireWidth(String field, Integer width)
    {
        if (width == null || width <= 0) {
            throw invalid(field, "needs a positive width");
        }
        return width;
    }

    private static TrinoException invalid(String field, String reason)
    {
        return new TrinoException(INVALID_TABLE_PROPERTY, "Invalid partitioning '%s': %s".formatted(field, reason));
    }
}
