package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.List;

/**
 * The kept rows of the page being added, and the vectors of their values, each column and
 * expression read at most once per page.
 */
final class AggregationInputs
{
    private final List<Type> columnTypes;
    // filled by the aggregator's constructor after this is made
    private final List<ScanExpressionEvaluator> expressions;
    private final LongVector[] columns;
    private LongVector[] expressionValues;
    private boolean[] loaded;
    Page page;
    int[] positions;
    int count;
    private int[] groups;
    private int groupCount;
    // rows per group of the page, counted once when some aggregate asks
    private long[] groupRows = new long[16];
    private boolean groupRowsCounted;

    AggregationInputs(List<Type> columnTypes, List<ScanExpressionEvaluator> expressions)
    {
        this.columnTypes = columnTypes;
        this.expressions = expressions;
        this.columns = new LongVector[columnTypes.size()];
    }

    void start(Page page, int[] positions, int count)
    {
        if (loaded == null) {
            expressionValues = new LongVector[expressions.size()];
            loaded = new boolean[columns.length + expressions.size()];
        }
        this.page = page;
        this.positions = positions;
        this.count = count;
        Arrays.fill(loaded, false);
        groupRowsCounted = false;
    }

    void groupsAssigned(int[] groups, int groupCount)
    {
        this.groups = groups;
        this.groupCount = groupCount;
    }

    /**
     * How many of the page's rows are in each group, or null when there are more groups than
     * rows (then a loop over the rows is cheaper than one over the groups).
     */
    long[] groupRows()
    {
        if (groupCount > count) {
            return null;
        }
        if (!groupRowsCounted) {
            if (groupRows.length < groupCount) {
                groupRows = new long[Math.max(groupCount, groupRows.length * 2)];
            }
            long[] rows = groupRows;
            Arrays.fill(rows, 0, groupCount, 0);
            if (groupCount == 1) {
                rows[0] = count;
            }
            else {
                int[] groups = this.groups;
                for (int i = 0; i < count; i++) {
                    rows[groups[i]]++;
                }
            }
            groupRowsCounted = true;
        }
        return groupRows;
    }

    LongVector vector(int channel)
    {
        if (channel >= columns.length) {
            int expression = channel - columns.length;
            if (!loaded[channel]) {
                expressionValues[expression] = expressions.get(expression).evaluateVector(page, positions, count);
                loaded[channel] = true;
            }
            return expressionValues[expression];
        }
        LongVector vector = columns[channel];
        if (vector == null) {
            vector = new LongVector();
            columns[channel] = vector;
        }
        if (!loaded[channel]) {
            vector.load(page.getBlock(channel), columnTypes.get(channel), positions, count);
            loaded[channel] = true;
        }
        return vector;
    }

    /** The block of a column; for an expression, its values in a block positioned like the page. */
    Block block(int channel)
    {
        if (channel >= columns.length) {
            return expressions.get(channel - columns.length).evaluate(page, positions, count);
        }
        return page.getBlock(channel);
    }

    boolean isExpression(int channel)
    {
        return channel >= columns.length;
    }
}
