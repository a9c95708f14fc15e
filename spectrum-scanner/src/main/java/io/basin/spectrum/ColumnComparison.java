package io.basin.spectrum;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A filter that compares two columns of one row, {@code left operator right}, such as TPC-H's
 * {@code l_commitdate < l_receiptdate}: the scan workers keep only the rows where it is true (a
 * NULL on either side is not), so those rows never leave the fleet. Both columns have the same
 * type, one whose values order like the longs that hold them (integers, dates, short decimals,
 * short timestamps), so the workers compare the longs.
 */
public record ColumnComparison(ScanColumn left, Operator operator, ScanColumn right)
{
    public enum Operator
    {
        EQUAL("="),
        NOT_EQUAL("<>"),
        LESS_THAN("<"),
        LESS_THAN_OR_EQUAL("<="),
        GREATER_THAN(">"),
        GREATER_THAN_OR_EQUAL(">=");

        private final String symbol;

        Operator(String symbol)
        {
            this.symbol = symbol;
        }

        public String symbol()
        {
            return symbol;
        }

        /** Whether a row whose left value compares to its right value as {@code comparison} (negative, zero, positive) passes. */
        public boolean accepts(int comparison)
        {
            return (acceptedOrderings() >> (Integer.signum(comparison) + 1) & 1) != 0;
        }

        /**
         * The outcomes of {@code Long.compare(left, right)} this operator accepts, as bit
         * {@code compare + 1} (bit 0: less, bit 1: equal, bit 2: greater), so that a row is tested
         * with a shift instead of a branch per operator.
         */
        int acceptedOrderings()
        {
            return switch (this) {
                case EQUAL -> 0b010;
                case NOT_EQUAL -> 0b101;
                case LESS_THAN -> 0b001;
                case LESS_THAN_OR_EQUAL -> 0b011;
                case GREATER_THAN -> 0b100;
                case GREATER_THAN_OR_EQUAL -> 0b110;
            };
        }
    }

    public ColumnComparison
    {
        requireNonNull(left, "left is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(right, "right is null");
        checkArgument(supports(left, right), "cannot compare %s (%s) with %s (%s) in the scan", left.name(), left.type(), right.name(), right.type());
    }

    /** Whether the workers can compare these two columns. */
    public static boolean supports(ScanColumn left, ScanColumn right)
    {
        return left.type().equals(right.type()) && RowFilter.orderedAsLong(left.type());
    }

    /** The comparison for EXPLAIN, e.g. {@code l_commitdate < l_receiptdate}. */
    public String describe()
    {
        return left.name() + " " + operator.symbol() + " " + right.name();
    }
}
