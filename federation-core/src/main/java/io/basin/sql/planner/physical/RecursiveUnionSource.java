package io.basin.sql.planner.physical;

import io.basin.execution.QueryContext;
import io.basin.execution.memory.LocalMemoryContext;
import io.basin.execution.operator.PageBufferSink;
import io.basin.execution.operator.PageSupplier;
import io.basin.execution.operator.Source;
import io.basin.execution.operator.WorkTableSource;
import io.basin.plan.PlanNode;
import io.basin.plan.RecursiveUnionNode;
import io.trino.spi.Page;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Runs a {@link RecursiveUnionNode} when its pipeline starts: the seed, then round after round of
 * the recursive term over the previous round's new rows, until a round adds none. Each round is
 * planned and run as pipelines of its own (a round's sinks hold state, so they are not reused).
 * The rows are held until the union's consumers read them, and counted against the query's
 * memory limit while the recursion runs, so a recursion that never ends fails with 53200 instead
 * of exhausting the heap.
 */
final class RecursiveUnionSource
        implements Source
{
    private final RecursiveUnionNode node;
    private final ExecutionServices services;
    private final SortPlanner sortPlanner;
    private final Map<String, WorkTableSource> enclosingWorkTables;

    RecursiveUnionSource(RecursiveUnionNode node, ExecutionServices services, SortPlanner sortPlanner, Map<String, WorkTableSource> enclosingWorkTables)
    {
        this.node = requireNonNull(node, "node is null");
        this.services = requireNonNull(services, "services is null");
        this.sortPlanner = requireNonNull(sortPlanner, "sortPlanner is null");
        this.enclosingWorkTables = Map.copyOf(requireNonNull(enclosingWorkTables, "enclosingWorkTables is null"));
    }

    @Override
    public List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        WorkTableSource workTable = new WorkTableSource(node.workTable());
        Map<String, WorkTableSource> workTables = new HashMap<>(enclosingWorkTables);
        workTables.put(node.workTable(), workTable);
        Optional<Set<List<Object>>> seen = node.all() ? Optional.empty() : Optional.of(new HashSet<>());
        List<Page> result = new ArrayList<>();
        long retainedBytes = 0;
        try (LocalMemoryContext memory = queryContext.memoryPool().newLocalMemoryContext("RecursiveUnion[" + node.workTable() + "]")) {
            List<Page> added = newRows(run(node.seed(), workTables), seen);
            while (!added.isEmpty()) {
                queryContext.checkCancelled();
                result.addAll(added);
                for (Page page : added) {
                    retainedBytes += page.getRetainedSizeInBytes();
                }
                // the set of seen rows holds about as much again
                memory.setBytes(seen.isPresent() ? 2 * retainedBytes : retainedBytes);
                workTable.set(added);
                added = newRows(run(node.recursive(), workTables), seen);
            }
        }
        return result.stream().<PageSupplier>map(SinglePage::new).toList();
    }

    private List<Page> run(PlanNode plan, Map<String, WorkTableSource> workTables)
    {
        PageBufferSink sink = new PageBufferSink("RecursiveUnion round");
        LocalExecutionPlan executionPlan = new PhysicalPlanner(services, sortPlanner, workTables).plan(plan, sink);
        services.run(executionPlan.pipelines());
        return sink.pages();
    }

    /** The rows of {@code pages} not seen before (all of them for UNION ALL). */
    private List<Page> newRows(List<Page> pages, Optional<Set<List<Object>>> seen)
    {
        if (seen.isEmpty()) {
            return pages.stream().filter(page -> page.getPositionCount() > 0).toList();
        }
        List<Page> kept = new ArrayList<>();
        for (Page page : pages) {
            int[] positions = new int[page.getPositionCount()];
            int count = 0;
            for (int position = 0; position < page.getPositionCount(); position++) {
                if (seen.get().add(row(page, position))) {
                    positions[count++] = position;
                }
            }
            if (count == page.getPositionCount() && count > 0) {
                kept.add(page);
            }
            else if (count > 0) {
                kept.add(page.copyPositions(positions, 0, count));
            }
        }
        return kept;
    }

    /** A row as values that are equal when SQL's DISTINCT calls them equal (NULLs alike, 0 and -0 alike). */
    private List<Object> row(Page page, int position)
    {
        List<Object> row = new ArrayList<>(page.getChannelCount());
        for (int channel = 0; channel < page.getChannelCount(); channel++) {
            Type type = node.types().get(channel);
            Object value = TypeUtils.readNativeValue(type, page.getBlock(channel), position);
            if (type instanceof DoubleType && value instanceof Double number && number == 0.0) {
                value = 0.0;
            }
            else if (type instanceof RealType && value instanceof Long bits && Float.intBitsToFloat(bits.intValue()) == 0.0f) {
                value = 0L;
            }
            row.add(value);
        }
        return row;
    }

    @Override
    public String describe()
    {
        return "RecursiveUnion" + (node.all() ? " ALL" : "") + "[" + node.workTable() + "]";
    }

    private static final class SinglePage
            implements PageSupplier
    {
        private Page page;

        SinglePage(Page page)
        {
            this.page = page;
        }

        @Override
        public Page next()
        {
            Page next = page;
            page = null;
            return next;
        }
    }
}
