package io.basin.connector.jdbc;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.transaction.IsolationLevel;
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
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.basin.connector.testing.TestingConnectorSession.SESSION;

/** Reads through a JDBC connector's SPI as an engine would, turning values into plain Java objects (shared by the dialects' tests). */
public final class TestingJdbcReads
{
    private TestingJdbcReads() {}

    public static ConnectorTransactionHandle begin(Connector connector)
    {
        return connector.beginTransaction(IsolationLevel.READ_COMMITTED, true, true);
    }

    public static ConnectorTableHandle table(Connector connector, ConnectorTransactionHandle transaction, String schema, String table)
    {
        return connector.getMetadata(SESSION, transaction).getTableHandle(SESSION, new SchemaTableName(schema, table), Optional.empty(), Optional.empty());
    }

    /** Every row of the table's columns, in the table's column order. */
    public static List<List<Object>> readAll(Connector connector, String schema, String table)
    {
        ConnectorTransactionHandle transaction = begin(connector);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle handle = table(connector, transaction, schema, table);
        List<ColumnHandle> columns = List.copyOf(metadata.getColumnHandles(SESSION, handle).values());
        return read(connector, transaction, handle, columns);
    }

    public static List<List<Object>> read(Connector connector, ConnectorTransactionHandle transaction, ConnectorTableHandle handle, List<ColumnHandle> columns)
    {
        List<Type> types = columns.stream().map(column -> ((JdbcColumnHandle) column).type()).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (ConnectorSplit split : splits(connector, transaction, handle)) {
            try (ConnectorPageSource source = connector.getPageSourceProvider().createPageSource(transaction, SESSION, split, handle, columns, DynamicFilter.EMPTY)) {
                while (!source.isFinished()) {
                    SourcePage sourcePage = source.getNextSourcePage();
                    if (sourcePage == null) {
                        continue;
                    }
                    Page page = sourcePage.getPage();
                    for (int position = 0; position < page.getPositionCount(); position++) {
                        List<Object> row = new ArrayList<>();
                        for (int channel = 0; channel < types.size(); channel++) {
                            row.add(value(types.get(channel), page.getBlock(channel), position));
                        }
                        rows.add(row);
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    public static List<ConnectorSplit> splits(Connector connector, ConnectorTransactionHandle transaction, ConnectorTableHandle handle)
    {
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ConnectorSplitSource source = connector.getSplitManager().getSplits(transaction, SESSION, handle, DynamicFilter.EMPTY, Constraint.alwaysTrue())) {
            while (!source.isFinished()) {
                ConnectorSplitSource.ConnectorSplitBatch batch = source.getNextBatch(100).join();
                splits.addAll(batch.getSplits());
                if (batch.isNoMoreSplits()) {
                    break;
                }
            }
        }
        return splits;
    }

    /**
     * A value as a plain Java object: Long for integers, Float, Double, BigDecimal, String for
     * text, a hex String for binary, LocalDate, LocalDateTime.
     */
    public static Object value(Type type, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        return switch (type) {
            case BooleanType _ -> BooleanType.BOOLEAN.getBoolean(block, position);
            case io.trino.spi.type.TinyintType _, SmallintType _, IntegerType _, BigintType _ -> type.getLong(block, position);
            case RealType real -> real.getFloat(block, position);
            case DoubleType _ -> type.getDouble(block, position);
            case DecimalType decimal when decimal.isShort() -> BigDecimal.valueOf(decimal.getLong(block, position), decimal.getScale());
            case DecimalType decimal -> new BigDecimal(((Int128) decimal.getObject(block, position)).toBigInteger(), decimal.getScale());
            case VarcharType _, CharType _ -> type.getSlice(block, position).toStringUtf8();
            case VarbinaryType _ -> HexFormat.of().formatHex(type.getSlice(block, position).getBytes());
            case DateType _ -> LocalDate.ofEpochDay(type.getLong(block, position));
            case TimestampType _ -> {
                long micros = type.getLong(block, position);
                yield LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
            }
            default -> throw new IllegalArgumentException("No Java value for " + type);
        };
    }
}
