package io.basin.engine;

import io.airlift.slice.Slice;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Converts result pages to the plain Java values of {@link io.basin.embedded.QueryResult}. */
public final class ResultRows
{
    private ResultRows() {}

    public static List<List<Object>> toRows(List<Type> types, List<Page> pages)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.getPositionCount(); position++) {
                List<Object> row = new ArrayList<>(types.size());
                for (int channel = 0; channel < types.size(); channel++) {
                    row.add(value(types.get(channel), page.getBlock(channel), position));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public static Object value(Type type, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        return switch (type) {
            case BooleanType booleanType -> booleanType.getBoolean(block, position);
            case TinyintType tinyint -> (short) tinyint.getLong(block, position);
            case SmallintType smallint -> (short) smallint.getLong(block, position);
            case IntegerType integer -> (int) integer.getLong(block, position);
            case BigintType bigint -> bigint.getLong(block, position);
            case RealType real -> Float.intBitsToFloat((int) real.getLong(block, position));
            case DoubleType doubleType -> doubleType.getDouble(block, position);
            case DecimalType decimal when decimal.isShort() -> BigDecimal.valueOf(decimal.getLong(block, position), decimal.getScale());
            case DecimalType decimal -> new BigDecimal(((Int128) decimal.getObject(block, position)).toBigInteger(), decimal.getScale());
            case VarcharType varchar -> varchar.getSlice(block, position).toStringUtf8();
            case CharType charType -> charType.getSlice(block, position).toStringUtf8();
            case VarbinaryType varbinary -> varbinary.getSlice(block, position).getBytes();
            case DateType date -> LocalDate.ofEpochDay(date.getLong(block, position));
            case TimestampType timestamp -> {
                long micros = timestamp.getLong(block, position);
                yield LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
            }
            case IntervalDayTimeType interval -> Duration.ofMillis(interval.getLong(block, position));
            case IntervalYearMonthType interval -> Period.ofMonths((int) interval.getLong(block, position)).normalized();
            default -> {
                Object value = type.getObjectValue(null, block, position);
                yield value instanceof Slice slice ? slice.toStringUtf8() : value;
            }
        };
    }
}
