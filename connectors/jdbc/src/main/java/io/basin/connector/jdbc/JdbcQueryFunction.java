package io.basin.connector.jdbc;

import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.function.table.AbstractConnectorTableFunction;
import io.trino.spi.function.table.Argument;
import io.trino.spi.function.table.Descriptor;
import io.trino.spi.function.table.ScalarArgument;
import io.trino.spi.function.table.ScalarArgumentSpecification;
import io.trino.spi.function.table.TableFunctionAnalysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.trino.spi.function.table.ReturnTypeSpecification.GenericTable.GENERIC_TABLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The table function {@code system.query(query => 'SELECT ...')}: a statement run by the remote
 * database as it is, its result read like a table. Basin's planner sends the subqueries it pushes down
 * through it (the statement is generated, with quoted identifiers and escaped literals); it is
 * also the pass-through users know from Trino. The statement is described by the database without
 * being run; its columns must have distinct names and mapped types.
 */
public final class JdbcQueryFunction
        extends AbstractConnectorTableFunction
{
    public static final String SCHEMA = "system";
    public static final String NAME = "query";
    public static final String QUERY_ARGUMENT = "QUERY";

    private final JdbcClient client;
    private final JdbcTypeMapping typeMapping;

    public JdbcQueryFunction(JdbcClient client, JdbcTypeMapping typeMapping)
    {
        super(SCHEMA, NAME, List.of(ScalarArgumentSpecification.builder().name(QUERY_ARGUMENT).type(VARCHAR).build()), GENERIC_TABLE);
        this.client = requireNonNull(client, "client is null");
        this.typeMapping = requireNonNull(typeMapping, "typeMapping is null");
    }

    @Override
    public TableFunctionAnalysis analyze(ConnectorSession session, ConnectorTransactionHandle transaction, Map<String, Argument> arguments, ConnectorAccessControl accessControl)
    {
        Object value = ((ScalarArgument) arguments.get(QUERY_ARGUMENT)).getValue();
        if (value == null) {
            throw new TrinoException(client.queryError(), "system.query needs a statement, not NULL");
        }
        String sql = ((Slice) value).toStringUtf8();
        List<JdbcColumnHandle> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RemoteColumn column : client.describeQuery(sql)) {
            if (!names.add(column.name().toLowerCase(java.util.Locale.ENGLISH))) {
                throw new TrinoException(client.queryError(), "The statement given to system.query has two columns named \"%s\"".formatted(column.name()));
            }
            columns.add(new JdbcColumnHandle(column.name(), typeMapping.map(column.name(), column.type()).type(), column.type(), true, Optional.empty()));
        }
        JdbcTableHandle table = new JdbcTableHandle(client.connectorName(), new SchemaTableName(SCHEMA, NAME), new JdbcRelation.Query(sql, columns));
        Descriptor descriptor = new Descriptor(columns.stream().map(column -> new Descriptor.Field(column.name(), Optional.of(column.type()))).toList());
        return TableFunctionAnalysis.builder()
                .returnedType(descriptor)
                .handle(new JdbcQueryFunctionHandle(table))
                .build();
    }
}
