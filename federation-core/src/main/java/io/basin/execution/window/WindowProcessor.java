package io.basin.execution.window;

import io.basin.execution.compare.RowComparator;
import io.basin.execution.compare.SortKey;
import io.basin.execution.operator.PageSupplier;
import io.basin.execution.sort.RowGatherer;
import io.basin.execution.sort.SortedRun;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Computes window functions over rows sorted by (partition channels, order keys), a page per
 * {@link #next} call: the input columns followed by one column per function. Partition and
 * peer group boundaries are found by comparing neighbouring rows, so every row is compared a
 * constant number of times; frames are computed per row from the boundaries. The run is
 * closed, releasing its memory, when the last page has been produced. Not thread-safe.
 */
public final class WindowProcessor
        implements PageSupplier
{
    private final SortedRun run;
    private final List<Type> inputTypes;
    private final RowComparator partitionComparator;
    private final RowComparator peerComparator;
    private final boolean hasOrderKeys;
    private final WindowFunction[] functions;
    private final WindowFrame[] frames;
    private final Type[] outputTypes;
    private final RowGatherer gatherer;

    private int currentRow;
    private int partitionStart;
    private int partitionEnd;
    private int peerGroupStart;
    private int peerGroupEnd;
    private boolean closed;

    public WindowProcessor(SortedRun run, List<Type> inputTypes, WindowSpec windowSpec, List<WindowFunctionSpec> functionSpecs)
    {
        this.run = requireNonNull(run, "run is null");
        this.inputTypes = List.copyOf(requireNonNull(inputTypes, "inputTypes is null"));
        requireNonNull(windowSpec, "windowSpec is null");
        // Only equality matters for partitions, so any direction and NULL placement will do.
        this.partitionComparator = RowComparator.of(windowSpec.partitionChannels().stream()
                .map(channel -> SortKey.ascending(channel, this.inputTypes.get(channel)))
                .toList());
        this.peerComparator = RowComparator.of(windowSpec.orderKeys());
        this.hasOrderKeys = !windowSpec.orderKeys().isEmpty();
        this.functions = functionSpecs.stream().map(spec -> WindowFunctions.create(spec, this.inputTypes)).toArray(WindowFunction[]::new);
        this.frames = functionSpecs.stream().map(spec -> spec.kind().usesFrame() ? spec.frame() : null).toArray(WindowFrame[]::new);
        this.outputTypes = functionSpecs.stream().map(WindowFunctionSpec::outputType).toArray(Type[]::new);
        this.gatherer = new RowGatherer(this.inputTypes);
    }

    @Override
    public Page next()
    {
        if (currentRow == run.rowCount()) {
            close();
            return null;
        }
        BlockBuilder[] builders = new BlockBuilder[functions.length];
        for (int function = 0; function < functions.length; function++) {
            builders[function] = outputTypes[function].createBlockBuilder(null, RowGatherer.DEFAULT_MAX_ROWS);
        }
        while (currentRow < run.rowCount() && !gatherer.isFull()) {
            if (currentRow == partitionEnd) {
                startPartition();
            }
            if (currentRow == peerGroupEnd) {
                peerGroupStart = currentRow;
                peerGroupEnd = hasOrderKeys ? findEnd(peerComparator, currentRow, partitionEnd) : partitionEnd;
            }
            int row = currentRow - partitionStart;
            int size = partitionEnd - partitionStart;
            int peerStart = peerGroupStart - partitionStart;
            int peerEnd = peerGroupEnd - partitionStart;
            for (int function = 0; function < functions.length; function++) {
                WindowFrame frame = frames[function];
                int frameStart = 0;
                int frameEnd = 0;
                if (frame != null) {
                    frameStart = frame.startIndex(row, peerStart, size);
                    frameEnd = frame.endIndex(row, peerEnd, size, frameStart);
                }
                functions[function].processRow(builders[function], row, peerStart, peerEnd, frameStart, frameEnd);
            }
            gatherer.append(run.page(currentRow), run.position(currentRow));
            currentRow++;
        }

        Page input = gatherer.build();
        Block[] blocks = new Block[inputTypes.size() + functions.length];
        for (int channel = 0; channel < inputTypes.size(); channel++) {
            blocks[channel] = input.getBlock(channel);
        }
        for (int function = 0; function < functions.length; function++) {
            blocks[inputTypes.size() + function] = builders[function].build();
        }
        return new Page(input.getPositionCount(), blocks);
    }

    private void startPartition()
    {
        partitionStart = currentRow;
        partitionEnd = findEnd(partitionComparator, currentRow, run.rowCount());
        peerGroupEnd = currentRow;
        WindowPartition partition = new WindowPartition(run, partitionStart, partitionEnd);
        for (WindowFunction function : functions) {
            function.reset(partition);
        }
    }

    /** The first row after {@code start}, before {@code limit}, that differs from it. */
    private int findEnd(RowComparator comparator, int start, int limit)
    {
        Page startPage = run.page(start);
        int startPosition = run.position(start);
        int end = start + 1;
        while (end < limit && comparator.compare(startPage, startPosition, run.page(end), run.position(end)) == 0) {
            end++;
        }
        return end;
    }

    private void close()
    {
        if (!closed) {
            closed = true;
            run.close();
        }
    }
}
