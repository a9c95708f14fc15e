package io.basin.plan;

import io.basin.metadata.QualifiedTableName;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Writes its input into a table (CREATE TABLE AS, INSERT); outputs the row count. */
public record TableWriterNode(PlanNode source, QualifiedTableName target, WriteTarget writeTarget)
        implements PlanNode
{
    /** How the engine obtains and finishes the connector's write handle (engine-side object). */
    public interface WriteTarget
    {
        String describe();
    }

    public TableWriterNode
    {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        requireNonNull(writeTarget, "writeTarget is null");
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes()
    {
        return List.of(BigintType.BIGINT);
    }
}
