package io.basin.sql.planner.pushdown;

import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.TableColumn;
import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.sql.planner.pushdown.TablePartitionings.TablePartitioning;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule marks a join co-located exactly when both inputs reach scans (through filters,
 * projections of columns and streaming joins) of tables with equal partitioning handles and bucket
 * counts, each partitioning column joined to the other's at the same position; it does not fire
 * otherwise. The partitionings are the tables' own, as a connector would report them.
 */
class TestMarkCoLocatedJoins
{
    private record Table(String name) implements ConnectorTableHandle {}

    private record Column(String table, String name) implements ColumnHandle {}

    private record Partitioning(String function) implements ConnectorPartitioningHandle {}

    private static final Partitioning BY_HASH = new Partitioning("hash");

    /** Tables a, b: partitioned by k into 4 buckets; c: by k into 8; d: by another function; e: none; f: by (k, x). */
    private static final Map<String, TablePartitioning> PARTITIONINGS = Map.of(
            "a", new TablePartitioning(BY_HASH, List.of(new Column("a", "k")), 4),
            "b", new TablePartitioning(BY_HASH, List.of(new Column("b", "k")), 4),
            "c", new TablePartitioning(BY_HASH, List.of(new Column("c", "k")), 8),
            "d", new TablePartitioning(new Partitioning("range"), List.of(new Column("d", "k")), 4),
            "f", new TablePartitioning(BY_HASH, List.of(new Column("f", "k"), new Column("f", "x")), 4),
            "g", new TablePartitioning(BY_HASH, List.of(new Column("g", "k"), new Column("g", "x")), 4));

    private static final MarkCoLocatedJoins RULE = new MarkCoLocatedJoins((catalog, handle) -> Optional.ofNullable(PARTITIONINGS.get(((Table) handle).name())));

    /** A scan of columns k and x of {@code table}, with {@code rows} rows. */
    private static TableScanNode scan(String table, double rows)
    {
        return new TableScanNode(new QualifiedTableName("local", "public", table), new Table(table),
                List.of(new TableColumn("k", BIGINT, new Column(table, "k")), new TableColumn("x", BIGINT, new Column(table, "x"))),
                OptionalDouble.of(rows));
    }

    private static JoinNode join(JoinNode.Type type, PlanNode left, PlanNode right, List<Integer> leftKeys, List<Integer> rightKeys)
    {
        return new JoinNode(type, left, right, leftKeys, rightKeys, leftKeys.stream().map(_ -> false).toList(), Optional.empty());
    }

    private static Optional<JoinNode.CoLocation> coLocation(PlanNode plan)
    {
        PlanNode rewritten = RULE.rewrite(plan);
        return ((JoinNode) rewritten).coLocated();
    }

    @Test
    void testJoinOnBothPartitioningColumnsIsMarked()
    {
        JoinNode.CoLocation location = coLocation(join(JoinNode.Type.INNER, scan("a", 100), scan("b", 1000), List.of(0), List.of(0))).orElseThrow();
        assertThat(location.partitioning()).isEqualTo(BY_HASH);
        assertThat(location.bucketCount()).isEqualTo(4);
        assertThat(location.keys()).containsExactly(0);
        assertThat(location.catalog()).isEqualTo("local");
        for (JoinNode.Type type : JoinNode.Type.values()) {
            assertThat(coLocation(join(type, scan("a", 100), scan("b", 1000), List.of(1, 0), List.of(1, 0))).orElseThrow().keys()).containsExactly(1);
        }
    }

    @Test
    void testNotMarkedWhenPartitioningsDiffer()
    {
        // another bucket count, another function, a table without partitioning
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), scan("c", 1000), List.of(0), List.of(0)))).isEmpty();
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), scan("d", 1000), List.of(0), List.of(0)))).isEmpty();
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), scan("e", 1000), List.of(0), List.of(0)))).isEmpty();
        // joined on a column that is not the partitioning column, on one side or both
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), scan("b", 1000), List.of(0), List.of(1)))).isEmpty();
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), scan("b", 1000), List.of(1), List.of(1)))).isEmpty();
        // a cross join
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), scan("b", 1000), List.of(), List.of()))).isEmpty();
        // partitioned by two columns and joined on one of them
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("f", 100), scan("g", 1000), List.of(0), List.of(0)))).isEmpty();
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("f", 100), scan("g", 1000), List.of(1, 0), List.of(1, 0))).orElseThrow().keys()).containsExactly(1, 0);
        // each column joined to the other's column at another position
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("f", 100), scan("g", 1000), List.of(0, 1), List.of(1, 0)))).isEmpty();
    }

    @Test
    void testTracedThroughFiltersProjectionsAndStreamingJoins()
    {
        Expression filter = new Constant(true, BOOLEAN);
        PlanNode filtered = new FilterNode(scan("a", 100), filter);
        PlanNode swapped = new ProjectNode(scan("b", 1000), List.of(new InputReference(1, BIGINT), new InputReference(0, BIGINT)));
        assertThat(coLocation(join(JoinNode.Type.INNER, filtered, swapped, List.of(0), List.of(1)))).isPresent();
        // a computed key is not the partitioning column
        PlanNode computed = new ProjectNode(scan("b", 1000), List.of(new Call(FunctionNames.ADD, List.of(new InputReference(0, BIGINT), new Constant(1L, BIGINT)), BIGINT)));
        assertThat(coLocation(join(JoinNode.Type.INNER, filtered, computed, List.of(0), List.of(0)))).isEmpty();
        // b's rows stream through an inner join with a smaller table, which b probes
        JoinNode probedByB = join(JoinNode.Type.INNER, scan("e", 10), scan("b", 1000), List.of(1), List.of(1));
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), probedByB, List.of(0), List.of(2)))).isPresent();
        // but not when b is the side that join builds from (its rows come out at random as the other side probes)
        JoinNode builtFromB = join(JoinNode.Type.INNER, scan("e", 100_000), scan("b", 1000), List.of(1), List.of(1));
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), builtFromB, List.of(0), List.of(2)))).isEmpty();
        // nor through a full join, nor an aggregation
        JoinNode full = join(JoinNode.Type.FULL, scan("b", 1000), scan("e", 10), List.of(1), List.of(1));
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), full, List.of(0), List.of(0)))).isEmpty();
        PlanNode grouped = new AggregationNode(scan("b", 1000), List.of(0), List.of(List.of(0)), List.of());
        assertThat(coLocation(join(JoinNode.Type.INNER, scan("a", 100), grouped, List.of(0), List.of(0)))).isEmpty();
    }
}
