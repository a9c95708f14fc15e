package io.basin.connector.tpch;

import io.trino.spi.type.Type;
import io.trino.tpch.TpchEntity;

import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static java.util.Objects.requireNonNull;

/**
 * One column of a TPC-H table: its SQL name and type, and how to read its value from a generated
 * row. Values are read through primitive accessors of the generator's records (cents rather than
 * doubles, epoch days rather than formatted dates) so that page generation never boxes.
 *
 * @param <E> the generator's row type
 */
abstract sealed class TpchColumnDefinition<E extends TpchEntity>
{
    /** TPC-H money, quantities and percentages: DECIMAL(12,2), stored as unscaled cents. */
    static final Type MONEY = createDecimalType(12, 2);

    private final String name;
    private final Type type;

    private TpchColumnDefinition(String name, Type type)
    {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
    }

    final String name()
    {
        return name;
    }

    final Type type()
    {
        return type;
    }

    /** Creates a buffer that accumulates up to {@code capacity} values of this column. */
    abstract ColumnBuffer<E> createBuffer(int capacity);

    static <E extends TpchEntity> TpchColumnDefinition<E> bigint(String name, ToLongFunction<E> getter)
    {
        return new LongColumn<>(name, BIGINT, getter);
    }

    /** A DECIMAL(12,2) column whose getter returns the value in hundredths (cents). */
    static <E extends TpchEntity> TpchColumnDefinition<E> money(String name, ToLongFunction<E> centsGetter)
    {
        return new LongColumn<>(name, MONEY, centsGetter);
    }

    static <E extends TpchEntity> TpchColumnDefinition<E> integer(String name, ToIntFunction<E> getter)
    {
        return new IntColumn<>(name, INTEGER, getter);
    }

    /** A DATE column whose getter returns days since 1970-01-01. */
    static <E extends TpchEntity> TpchColumnDefinition<E> date(String name, ToIntFunction<E> epochDayGetter)
    {
        return new IntColumn<>(name, DATE, epochDayGetter);
    }

    static <E extends TpchEntity> TpchColumnDefinition<E> varchar(String name, int length, Function<E, String> getter)
    {
        return new VarcharColumn<>(name, length, getter);
    }

    private static final class LongColumn<E extends TpchEntity>
            extends TpchColumnDefinition<E>
    {
        private final ToLongFunction<E> getter;

        LongColumn(String name, Type type, ToLongFunction<E> getter)
        {
            super(name, type);
            this.getter = requireNonNull(getter, "getter is null");
        }

        @Override
        ColumnBuffer<E> createBuffer(int capacity)
        {
            return new ColumnBuffer.LongBuffer<>(getter, capacity);
        }
    }

    private static final class IntColumn<E extends TpchEntity>
            extends TpchColumnDefinition<E>
    {
        private final ToIntFunction<E> getter;

        IntColumn(String name, Type type, ToIntFunction<E> getter)
        {
            super(name, type);
            this.getter = requireNonNull(getter, "getter is null");
        }

        @Override
        ColumnBuffer<E> createBuffer(int capacity)
        {
            return new ColumnBuffer.IntBuffer<>(getter, capacity);
        }
    }

    private static final class VarcharColumn<E extends TpchEntity>
            extends TpchColumnDefinition<E>
    {
        private final int length;
        private final Function<E, String> getter;

        VarcharColumn(String name, int length, Function<E, String> getter)
        {
            super(name, createVarcharType(length));
            this.length = length;
            this.getter = requireNonNull(getter, "getter is null");
        }

        @Override
        ColumnBuffer<E> createBuffer(int capacity)
        {
            // Half the declared length is a fair first guess for TPC-H's variable-length text;
            // the buffer grows when a page holds longer values.
            return new ColumnBuffer.VarcharBuffer<>(getter, capacity, capacity * Math.max(1, length / 2));
        }
    }
}
