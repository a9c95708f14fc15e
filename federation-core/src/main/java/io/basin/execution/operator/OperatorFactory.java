package io.basin.execution.operator;

import io.basin.execution.driver.DriverContext;

/** Immutable configuration of a streaming operator; creates one instance per driver. */
public interface OperatorFactory
{
    Operator createOperator(DriverContext driverContext);

    /** One line for EXPLAIN ANALYZE and debugging. */
    String describe();
}
