package io.basin.connector.mysql;

import io.basin.connector.jdbc.JdbcColumnHandle;
import io.basin.connector.jdbc.JdbcQueryBuilder;
import io.basin.connector.jdbc.JdbcRelation;
import io.basin.connector.jdbc.SplitReads;
import io.trino.spi.connector.ConnectorSplit;

import java.util.ArrayList;
import java.util.List;

import static io.basin.pushdown.RemoteSqlDialect.MYSQL;

/** How a MySQL split is read: the relation, restricted to the split's primary-key range if it has one. */
final class MySqlSplitReads
        implements SplitReads
{
    @Override
    public String sql(JdbcRelation relation, List<JdbcColumnHandle> columns, ConnectorSplit split)
    {
        MySqlSplit range = (MySqlSplit) split;
        String select = JdbcQueryBuilder.selectColumns(MYSQL, relation, columns);
        if (range.keyColumn().isEmpty()) {
            return select;
        }
        // the bounds are longs the connector computed, never user text
        String key = MYSQL.quoteIdentifier(range.keyColumn().get());
        List<String> conditions = new ArrayList<>();
        range.low().ifPresent(low -> conditions.add(key + " >= " + low));
        range.high().ifPresent(high -> conditions.add(key + " < " + high));
        return conditions.isEmpty() ? select : select + " WHERE " + String.join(" AND ", conditions);
    }
}
