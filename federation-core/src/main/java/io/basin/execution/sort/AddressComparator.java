package io.basin.execution.sort;

/** Orders two {@link RowAddress}es by the rows they point at. */
@FunctionalInterface
public interface AddressComparator
{
    int compare(long leftAddress, long rightAddress);
}
