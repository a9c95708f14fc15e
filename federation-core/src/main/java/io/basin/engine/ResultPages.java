package io.basin.engine;

import io.airlift.slice.Slices;
import io.basin.embedded.QueryResult;
import io.basin.error.BasinException;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.List;

import static io.basin.error.BasinErrorCode.INTERNAL_ERROR_CODE;

/**
 * Builds a page from rows of plain Java values, for the few results computed outside the
 * executor (EXPLAIN text, SHOW): every result then reaches clients the same way, as pages.
 */
final class ResultPages
{
    private ResultPages() {}

    static Page fromRows(List<QueryResult.Column> columns, List<List<Object>> rows)
    {
        List<Type> types = columns.stream().map(QueryResult.Column::type).toList();
        PageBuilder builder = new PageBuilder(rows.size(), types);
        for (List<Object> row : rows) {
            builder.declarePosition();
            for (int channel = 0; channel < types.size(); channel++) {
                write(types.get(channel), builder.getBlockBuilder(channel), row.get(channel));
            }
        }
        return builder.build();
    }

    private static void write(Type type, BlockBuilder block, Object value)
    {
        if (value == null) {
            block.appendNull();
            return;
        }
        switch (type) {
            case VarcharType varchar -> varchar.writeSlice(block, Slices.utf8Slice(value.toString()));
            case BigintType bigint -> bigint.writeLong(block, ((Number) value).longValue());
            case IntegerType integer -> integer.writeLong(block, ((Number) value).intValue());
            case BooleanType bool -> bool.writeBoolean(block, (Boolean) value);
            default -> throw new BasinException(INTERNAL_ERROR_CODE, "Cannot build a result page of type " + type);
        }
    }
}
