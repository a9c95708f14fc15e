package io.basin.connector.iceberg;

import io.basin.spectrum.ColumnComparison;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** A comparison of two columns of a lake table that its scans apply ({@link ColumnComparison}). */
public record IcebergColumnComparison(IcebergColumnHandle left, ColumnComparison.Operator operator, IcebergColumnHandle right)
{
    public IcebergColumnComparison
    {
        requireNonNull(left, "left is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(right, "right is null");
        checkArgument(ColumnComparison.supports(left.toScanColumn(), right.toScanColumn()), "cannot compare %s with %s in the scan", left, right);
    }

    ColumnComparison toScan()
    {
        return new ColumnComparison(left.toScanColumn(), operator, right.toScanColumn());
    }

    String describe()
    {
        return toScan().describe();
    }
}
