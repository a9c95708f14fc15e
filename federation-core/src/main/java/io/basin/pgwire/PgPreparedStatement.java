package io.basin.pgwire;

import io.basin.embedded.QueryResult;
import io.basin.engine.Session;
import io.basin.engine.StatementDescription;
import io.basin.error.BasinException;
import io.basin.sql.parser.Statement;
import io.basin.sql.parser.StatementParser;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A statement prepared by a Parse message: its text with {@code $n} markers, the type of each
 * parameter (declared by the client, or inferred from where the marker stands, as PostgreSQL
 * resolves parameters of unspecified type), and the columns it returns.
 *
 * <p>Binding substitutes each marker with a SQL literal of the parameter's type, quoted by
 * {@link ParameterLiterals}: a value can never change the statement's structure.
 */
final class PgPreparedStatement
{
    private final String sql;
    private final ParameterMarkers markers;
    private final int[] parameterTypeOids;
    private final List<QueryResult.Column> columns;
    private final boolean empty;

    private PgPreparedStatement(String sql, ParameterMarkers markers, int[] parameterTypeOids, List<QueryResult.Column> columns, boolean empty)
    {
        this.sql = requireNonNull(sql, "sql is null");
        this.markers = requireNonNull(markers, "markers is null");
        this.parameterTypeOids = parameterTypeOids.clone();
        this.columns = List.copyOf(columns);
        this.empty = empty;
    }

    static PgPreparedStatement prepare(Session session, String sql, int[] declaredTypes)
    {
        ParameterMarkers markers = ParameterMarkers.scan(sql);
        int count = Math.max(markers.maxIndex(), declaredTypes.length);
        int[] oids = Arrays.copyOf(declaredTypes, count);
        if (sql.isBlank()) {
            return new PgPreparedStatement(sql, markers, oids, List.of(), true);
        }
        // infer the types of parameters the client left unspecified from their context
        List<Integer> inferred = new ArrayList<>();
        String describeText = markers.replace(index -> {
            Optional<String> typedNull = ParameterLiterals.typedNull(oids[index - 1]);
            if (typedNull.isPresent()) {
                return typedNull.get();
            }
            inferred.add(index);
            return "?";
        });
        StatementDescription description;
        try {
            description = session.describe(StatementParser.parse(describeText));
        }
        catch (BasinException e) {
            if (inferred.isEmpty()) {
                throw e;
            }
            // a marker whose context gives no type (SELECT $1) is text, as in PostgreSQL
            String textTyped = markers.replace(index -> ParameterLiterals.typedNull(oids[index - 1]).orElse("CAST(NULL AS VARCHAR)"));
            description = session.describe(StatementParser.parse(textTyped));
            inferred.clear();
        }
        List<Optional<Type>> types = description.parameterTypes();
        for (int i = 0; i < inferred.size() && i < types.size(); i++) {
            int index = inferred.get(i);
            if (oids[index - 1] == 0 && types.get(i).isPresent()) {
                oids[index - 1] = ParameterLiterals.oidOf(types.get(i).get());
            }
        }
        for (int i = 0; i < oids.length; i++) {
            if (oids[i] == 0) {
                oids[i] = ParameterLiterals.TEXT;
            }
        }
        return new PgPreparedStatement(sql, markers, oids, description.columns(), false);
    }

    String sql()
    {
        return sql;
    }

    boolean isEmpty()
    {
        return empty;
    }

    int parameterCount()
    {
        return parameterTypeOids.length;
    }

    int[] parameterTypeOids()
    {
        return parameterTypeOids.clone();
    }

    List<QueryResult.Column> columns()
    {
        return columns;
    }

    /** The statement text with every marker replaced by its bound value as a literal. */
    String bind(short[] formats, byte[][] values)
    {
        String[] literals = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            int format = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
            literals[i] = ParameterLiterals.render(parameterTypeOids[i], format, values[i], i + 1);
        }
        return markers.replace(index -> literals[index - 1]);
    }

}
