package io.basin.execution.operator;

import io.trino.spi.Page;

/** Where an operator pushes its output pages. */
@FunctionalInterface
public interface PageConsumer
{
    void accept(Page page);
}
