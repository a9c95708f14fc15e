package io.basin.execution.operator;

import io.basin.execution.driver.DriverContext;
import io.basin.execution.expression.ExpressionContext;
import io.basin.execution.expression.PageProcessor;
import io.basin.execution.expression.PageProcessorFactory;
import io.trino.spi.Page;

import static java.util.Objects.requireNonNull;

/** Applies a compiled filter and projections (one generated class per expression shape). */
public final class FilterProjectOperatorFactory
        implements OperatorFactory
{
    private final PageProcessorFactory processorFactory;
    private final String description;

    public FilterProjectOperatorFactory(PageProcessorFactory processorFactory, String description)
    {
        this.processorFactory = requireNonNull(processorFactory, "processorFactory is null");
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public Operator createOperator(DriverContext driverContext)
    {
        PageProcessor processor = processorFactory.createProcessor(ExpressionContext.of(driverContext.queryContext()));
        return (page, output) -> {
            Page result = processor.process(page);
            if (result != null && result.getPositionCount() > 0) {
                output.accept(result);
            }
        };
    }

    @Override
    public String describe()
    {
        return description;
    }
}
