package io.basin.pgwire;

import io.basin.engine.ResultRows;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import java.nio.charset.StandardCharsets;

/** Text encoding through the engine's Java values; replaced by the type codec. */
final class ProvisionalTextEncoder
        implements ColumnEncoder
{
    private final Type type;

    ProvisionalTextEncoder(Type type)
    {
        this.type = type;
    }

    @Override
    public int typeOid()
    {
        return switch (type.getDisplayName().replaceAll("\\(.*", "")) {
            case "boolean" -> 16;
            case "bigint" -> 20;
            case "smallint", "tinyint" -> 21;
            case "integer" -> 23;
            case "real" -> 700;
            case "double" -> 701;
            case "date" -> 1082;
            case "timestamp" -> 1114;
            case "decimal" -> 1700;
            default -> 25;
        };
    }

    @Override
    public int typeSize()
    {
        return -1;
    }

    @Override
    public int typeModifier()
    {
        return -1;
    }

    @Override
    public int format()
    {
        return 0;
    }

    @Override
    public void write(Block block, int position, PgOutput out)
    {
        Object value = ResultRows.value(type, block, position);
        if (value == null) {
            out.writeInt32(-1);
            return;
        }
        String text = switch (value) {
            case Boolean b -> b ? "t" : "f";
            case java.math.BigDecimal d -> d.toPlainString();
            case java.time.LocalDateTime t -> t.toString().replace('T', ' ');
            default -> value.toString();
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt32(bytes.length);
        out.writeBytes(bytes);
    }
}
