package io.basin.execution.expression;

import io.basin.error.BasinException;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.basin.execution.expression.TestingExpressions.CONTEXT;
import static io.basin.execution.expression.TestingExpressions.block;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.compiler;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.form;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.basin.execution.expression.TestingExpressions.page;
import static io.basin.execution.expression.TestingExpressions.values;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filters and projections over dictionary blocks are evaluated once per dictionary entry; the rows
 * they produce must be exactly those computed here in plain Java from the decoded values,
 * including NULL entries, pages sharing a dictionary, and entries whose evaluation fails but that
 * no selected row uses.
 */
class TestDictionaryProcessing
{
    private static final String[] ENTRIES = {"MAIL", "SHIP", "AIR", null, "TRUCK", "RAIL", "x"};
    private static final Expression MODE = input(0, VARCHAR);
    private static final Expression ID = input(1, BIGINT);

    @Test
    void filterAndProjectionMatchTheDecodedRows()
    {
        Block dictionary = block(VARCHAR, (Object[]) ENTRIES);
        // mode IN ('MAIL', 'SHIP') OR mode IS NULL; projecting length(mode) + 1 and the id
        Expression filter = form(SpecialForm.Form.OR, BOOLEAN,
                form(SpecialForm.Form.IN, BOOLEAN, MODE, constant("MAIL", VARCHAR), constant("SHIP", VARCHAR)),
                form(SpecialForm.Form.IS_NULL, BOOLEAN, MODE));
        Expression length = call(FunctionNames.ADD, BIGINT, call(FunctionNames.LENGTH, BIGINT, MODE), constant(1L, BIGINT));
        PageProcessor processor = compiler().compile(Optional.of(filter), List.of(MODE, length, ID)).createProcessor(CONTEXT);

        Random random = new Random(42);
        for (int pageNumber = 0; pageNumber < 4; pageNumber++) {
            int positions = 200 + pageNumber;
            int[] ids = new int[positions];
            Long[] rowIds = new Long[positions];
            for (int i = 0; i < positions; i++) {
                ids[i] = random.nextInt(ENTRIES.length - 1); // the last entry ("x") is never used
                rowIds[i] = (long) (pageNumber * 1000 + i);
            }
            // pages 0 and 1 share one dictionary instance; pages 2 and 3 have their own copies
            Block pageDictionary = pageNumber < 2 ? dictionary : block(VARCHAR, (Object[]) ENTRIES);
            Page input = page(DictionaryBlock.create(positions, pageDictionary, ids), block(BIGINT, (Object[]) rowIds));

            List<Object> expectedModes = new ArrayList<>();
            List<Object> expectedLengths = new ArrayList<>();
            List<Object> expectedIds = new ArrayList<>();
            for (int i = 0; i < positions; i++) {
                String mode = ENTRIES[ids[i]];
                if (mode == null || mode.equals("MAIL") || mode.equals("SHIP")) {
                    expectedModes.add(mode);
                    expectedLengths.add(mode == null ? null : (long) mode.length() + 1);
                    expectedIds.add(rowIds[i]);
                }
            }
            Page output = processor.process(input);
            assertThat(values(output.getBlock(0), VARCHAR)).isEqualTo(expectedModes);
            assertThat(values(output.getBlock(1), BIGINT)).isEqualTo(expectedLengths);
            assertThat(values(output.getBlock(2), BIGINT)).isEqualTo(expectedIds);
        }
    }

    @Test
    void anEntryThatFailsOnlyMattersWhenASelectedRowUsesIt()
    {
        // 12 / (length(mode) - 3) fails for 'AIR' and 'x'
        Expression quotient = call(FunctionNames.DIVIDE, BIGINT, constant(12L, BIGINT),
                call(FunctionNames.SUBTRACT, BIGINT, call(FunctionNames.LENGTH, BIGINT, MODE), constant(3L, BIGINT)));
        Expression notAir = call(FunctionNames.NOT_EQUAL, BOOLEAN, MODE, constant("AIR", VARCHAR));
        PageProcessor filtered = compiler().compile(Optional.of(notAir), List.of(quotient)).createProcessor(CONTEXT);
        Block dictionary = block(VARCHAR, (Object[]) ENTRIES);
        int[] ids = new int[100];
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new int[] {0, 1, 2, 4, 5}[i % 5];
            String mode = ENTRIES[ids[i]];
            if (!mode.equals("AIR")) {
                expected.add(12L / (mode.length() - 3));
            }
        }
        Page input = page(DictionaryBlock.create(ids.length, dictionary, ids));
        assertThat(values(filtered.process(input).getBlock(0), BIGINT)).isEqualTo(expected);

        // unfiltered, a row with 'AIR' divides by zero: the error still comes
        PageProcessor unfiltered = compiler().compile(Optional.empty(), List.of(quotient)).createProcessor(CONTEXT);
        assertThatThrownBy(() -> unfiltered.process(input))
                .isInstanceOf(BasinException.class)
                .hasMessageContaining("division by zero");
    }
}
