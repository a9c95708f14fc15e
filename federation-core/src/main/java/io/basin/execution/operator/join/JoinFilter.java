package io.basin.execution.operator.join;

import io.trino.spi.Page;

/**
 * The residual (non-equi) condition of a join, evaluated over candidate pairs laid out as the
 * join's output (left columns, then right columns). One instance per driver.
 */
@FunctionalInterface
public interface JoinFilter
{
    /** Returns the positions of {@code candidates} that satisfy the condition, ascending. */
    int[] filter(Page candidates);
}
