package io.basin.connector.tpch;

import io.trino.tpch.Customer;
import io.trino.tpch.LineItem;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.Part;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.Region;
import io.trino.tpch.Supplier;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.basin.connector.tpch.TpchColumnDefinition.bigint;
import static io.basin.connector.tpch.TpchColumnDefinition.date;
import static io.basin.connector.tpch.TpchColumnDefinition.integer;
import static io.basin.connector.tpch.TpchColumnDefinition.money;
import static io.basin.connector.tpch.TpchColumnDefinition.varchar;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toUnmodifiableMap;

/**
 * The eight TPC-H tables with the column names and types of the specification's DDL (as
 * PostgreSQL and Trino declare them): keys BIGINT, counts INTEGER, money DECIMAL(12,2), dates
 * DATE, and the specification's CHAR(n)/VARCHAR(n) both as VARCHAR(n).
 *
 * @param <E> the generator's row type
 */
final class TpchTableDefinition<E extends TpchEntity>
{
    static final TpchTableDefinition<Nation> NATION = new TpchTableDefinition<>(
            TpchTable.NATION,
            RowCount.fixed(25),
            List.of(
                    bigint("n_nationkey", Nation::nationKey),
                    varchar("n_name", 25, Nation::name),
                    bigint("n_regionkey", Nation::regionKey),
                    varchar("n_comment", 152, Nation::comment)));

    static final TpchTableDefinition<Region> REGION = new TpchTableDefinition<>(
            TpchTable.REGION,
            RowCount.fixed(5),
            List.of(
                    bigint("r_regionkey", Region::regionKey),
                    varchar("r_name", 25, Region::name),
                    varchar("r_comment", 152, Region::comment)));

    static final TpchTableDefinition<Part> PART = new TpchTableDefinition<>(
            TpchTable.PART,
            RowCount.scaled(200_000, 1),
            List.of(
                    bigint("p_partkey", Part::partKey),
                    varchar("p_name", 55, Part::name),
                    varchar("p_mfgr", 25, Part::manufacturer),
                    varchar("p_brand", 10, Part::brand),
                    varchar("p_type", 25, Part::type),
                    integer("p_size", Part::size),
                    varchar("p_container", 10, Part::container),
                    money("p_retailprice", Part::retailPriceInCents),
                    varchar("p_comment", 23, Part::comment)));

    static final TpchTableDefinition<Supplier> SUPPLIER = new TpchTableDefinition<>(
            TpchTable.SUPPLIER,
            RowCount.scaled(10_000, 1),
            List.of(
                    bigint("s_suppkey", Supplier::supplierKey),
                    varchar("s_name", 25, Supplier::name),
                    varchar("s_address", 40, Supplier::address),
                    bigint("s_nationkey", Supplier::nationKey),
                    varchar("s_phone", 15, Supplier::phone),
                    money("s_acctbal", Supplier::accountBalanceInCents),
                    varchar("s_comment", 101, Supplier::comment)));

    /** The generator emits four suppliers per part, and partitions the table by part. */
    static final TpchTableDefinition<PartSupplier> PART_SUPPLIER = new TpchTableDefinition<>(
            TpchTable.PART_SUPPLIER,
            RowCount.scaled(200_000, 4),
            List.of(
                    bigint("ps_partkey", PartSupplier::partKey),
                    bigint("ps_suppkey", PartSupplier::supplierKey),
                    integer("ps_availqty", PartSupplier::availableQuantity),
                    money("ps_supplycost", PartSupplier::supplyCostInCents),
                    varchar("ps_comment", 199, PartSupplier::comment)));

    static final TpchTableDefinition<Customer> CUSTOMER = new TpchTableDefinition<>(
            TpchTable.CUSTOMER,
            RowCount.scaled(150_000, 1),
            List.of(
                    bigint("c_custkey", Customer::customerKey),
                    varchar("c_name", 25, Customer::name),
                    varchar("c_address", 40, Customer::address),
                    bigint("c_nationkey", Customer::nationKey),
                    varchar("c_phone", 15, Customer::phone),
                    money("c_acctbal", Customer::accountBalanceInCents),
                    varchar("c_mktsegment", 10, Customer::marketSegment),
                    varchar("c_comment", 117, Customer::comment)));

    static final TpchTableDefinition<Order> ORDERS = new TpchTableDefinition<>(
            TpchTable.ORDERS,
            RowCount.scaled(1_500_000, 1),
            List.of(
                    bigint("o_orderkey", Order::orderKey),
                    bigint("o_custkey", Order::customerKey),
                    varchar("o_orderstatus", 1, order -> String.valueOf(order.orderStatus())),
                    money("o_totalprice", Order::totalPriceInCents),
                    date("o_orderdate", Order::orderDate),
                    varchar("o_orderpriority", 15, Order::orderPriority),
                    varchar("o_clerk", 15, Order::clerk),
                    integer("o_shippriority", Order::shipPriority),
                    varchar("o_comment", 79, Order::comment)));

    /**
     * Each order has one to seven line items drawn at random, four on average; the generator
     * partitions this table by order. Quantity is a whole number and discount and tax are whole
     * percentages, so their DECIMAL(12,2) unscaled values are {@code quantity * 100} and the
     * percentage itself.
     */
    static final TpchTableDefinition<LineItem> LINE_ITEM = new TpchTableDefinition<>(
            TpchTable.LINE_ITEM,
            RowCount.estimatedLineItems(),
            List.of(
                    bigint("l_orderkey", LineItem::orderKey),
                    bigint("l_partkey", LineItem::partKey),
                    bigint("l_suppkey", LineItem::supplierKey),
                    integer("l_linenumber", LineItem::lineNumber),
                    money("l_quantity", lineItem -> lineItem.quantity() * 100),
                    money("l_extendedprice", LineItem::extendedPriceInCents),
                    money("l_discount", LineItem::discountPercent),
                    money("l_tax", LineItem::taxPercent),
                    varchar("l_returnflag", 1, LineItem::returnFlag),
                    varchar("l_linestatus", 1, LineItem::status),
                    date("l_shipdate", LineItem::shipDate),
                    date("l_commitdate", LineItem::commitDate),
                    date("l_receiptdate", LineItem::receiptDate),
                    varchar("l_shipinstruct", 25, LineItem::shipInstructions),
                    varchar("l_shipmode", 10, LineItem::shipMode),
                    varchar("l_comment", 44, LineItem::comment)));

    private static final List<TpchTableDefinition<?>> TABLES = Stream.<TpchTableDefinition<?>>of(NATION, REGION, PART, SUPPLIER, PART_SUPPLIER, CUSTOMER, ORDERS, LINE_ITEM)
            .sorted(Comparator.comparing(TpchTableDefinition::name))
            .toList();

    private static final Map<String, TpchTableDefinition<?>> BY_NAME = TABLES.stream()
            .collect(toUnmodifiableMap(TpchTableDefinition::name, Function.identity()));

    private final TpchTable<E> generator;
    private final RowCount rowCount;
    private final List<TpchColumnDefinition<E>> columns;

    private TpchTableDefinition(TpchTable<E> generator, RowCount rowCount, List<TpchColumnDefinition<E>> columns)
    {
        this.generator = requireNonNull(generator, "generator is null");
        this.rowCount = requireNonNull(rowCount, "rowCount is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    /** All eight tables, sorted by name. */
    static List<TpchTableDefinition<?>> tables()
    {
        return TABLES;
    }

    static Optional<TpchTableDefinition<?>> forName(String name)
    {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The table name, e.g. {@code lineitem}, as the TPC-H specification spells it. */
    String name()
    {
        return generator.getTableName();
    }

    List<TpchColumnDefinition<E>> columns()
    {
        return columns;
    }

    /** Rows at {@code scaleFactor}: exact for every table but lineitem, whose count is estimated. */
    long rowCount(double scaleFactor)
    {
        return rowCount.at(scaleFactor);
    }

    /** Whether {@link #rowCount} is exact. */
    boolean isRowCountExact()
    {
        return rowCount.exact();
    }

    /** Whether the generator can split this table into parts; nation and region cannot. */
    boolean isPartitionable()
    {
        return !(rowCount instanceof RowCount.Fixed);
    }

    /** Generates part {@code part} (1-based) of {@code partCount} of the table. */
    Iterable<E> generate(double scaleFactor, int part, int partCount)
    {
        return generator.createGenerator(scaleFactor, part, partCount);
    }

    @Override
    public String toString()
    {
        return name();
    }

    /** How many rows a table has at a scale factor. */
    private sealed interface RowCount
    {
        long at(double scaleFactor);

        boolean exact();

        static RowCount fixed(long rows)
        {
            return new Fixed(rows);
        }

        /**
         * {@code rowsPerScaleFactor × SF} base rows, as the generator truncates them, each
         * expanding to {@code rowsPerBaseRow} rows.
         */
        static RowCount scaled(long rowsPerScaleFactor, int rowsPerBaseRow)
        {
            return new Scaled(rowsPerScaleFactor, rowsPerBaseRow);
        }

        /** Four line items per order on average (uniform over one to seven). */
        static RowCount estimatedLineItems()
        {
            return new EstimatedLineItems();
        }

        record Fixed(long rows)
                implements RowCount
        {
            @Override
            public long at(double scaleFactor)
            {
                return rows;
            }

            @Override
            public boolean exact()
            {
                return true;
            }
        }

        record Scaled(long rowsPerScaleFactor, int rowsPerBaseRow)
                implements RowCount
        {
            @Override
            public long at(double scaleFactor)
            {
                // Same truncation as the generator's GenerateUtils.calculateRowCount.
                return (long) (rowsPerScaleFactor * scaleFactor) * rowsPerBaseRow;
            }

            @Override
            public boolean exact()
            {
                return true;
            }
        }

        record EstimatedLineItems()
                implements RowCount
        {
            @Override
            public long at(double scaleFactor)
            {
                return new Scaled(1_500_000, 1).at(scaleFactor) * 4;
            }

            @Override
            public boolean exact()
            {
                return false;
            }
        }
    }
}
