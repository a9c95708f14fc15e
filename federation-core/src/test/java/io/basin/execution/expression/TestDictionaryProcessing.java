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
    private static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "NONE", null, "COLLECT COD"};
    private static final Expression INSTRUCTION = input(2, VARCHAR);

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

    @Test
    void conjunctsOverDictionaryColumnsRunPerEntryAndTheRestOnTheRowsTheyKeep()
    {
        // mode IN ('MAIL', 'SHIP', 'RAIL', 'AIR', 'x') AND 12 / (length(mode) - 1) > 0
        //   AND instruction = 'DELIVER IN PERSON' AND (id % 3 = 0 OR id > 900): the mode conjuncts fail for 'x'
        Expression modes = form(SpecialForm.Form.IN, BOOLEAN, MODE,
                constant("MAIL", VARCHAR), constant("SHIP", VARCHAR), constant("RAIL", VARCHAR), constant("AIR", VARCHAR), constant("x", VARCHAR));
        Expression quotientPositive = call(FunctionNames.GREATER_THAN, BOOLEAN,
                call(FunctionNames.DIVIDE, BIGINT, constant(12L, BIGINT),
                        call(FunctionNames.SUBTRACT, BIGINT, call(FunctionNames.LENGTH, BIGINT, MODE), constant(1L, BIGINT))),
                constant(0L, BIGINT));
        Expression deliver = call(FunctionNames.EQUAL, BOOLEAN, INSTRUCTION, constant("DELIVER IN PERSON", VARCHAR));
        Expression ids = form(SpecialForm.Form.OR, BOOLEAN,
                call(FunctionNames.EQUAL, BOOLEAN, call(FunctionNames.MODULUS, BIGINT, ID, constant(3L, BIGINT)), constant(0L, BIGINT)),
                call(FunctionNames.GREATER_THAN, BOOLEAN, ID, constant(900L, BIGINT)));
        Expression filter = form(SpecialForm.Form.AND, BOOLEAN, modes, quotientPositive, deliver, ids);
        PageProcessor processor = compiler().compile(Optional.of(filter), List.of(ID, MODE)).createProcessor(CONTEXT);

        // pages 0 and 2 share a dictionary without 'x' (evaluated per entry); page 1's has 'x' but no
        // row uses it, and its instructions arrive decoded (row by row); on page 3 a row uses 'x'
        String[] withoutX = java.util.Arrays.copyOf(ENTRIES, ENTRIES.length - 1);
        Block sharedModes = block(VARCHAR, (Object[]) withoutX);
        Block instructionDictionary = block(VARCHAR, (Object[]) INSTRUCTIONS);
        Random random = new Random(7);
        for (int pageNumber = 0; pageNumber < 4; pageNumber++) {
            int positions = 300;
            int[] modeIds = new int[positions];
            int[] instructionIds = new int[positions];
            Long[] rowIds = new Long[positions];
            for (int i = 0; i < positions; i++) {
                modeIds[i] = random.nextInt(withoutX.length);
                instructionIds[i] = random.nextInt(INSTRUCTIONS.length);
                rowIds[i] = (long) (pageNumber * 300 + i);
            }
            if (pageNumber == 3) {
                modeIds[positions / 2] = ENTRIES.length - 1;
                instructionIds[positions / 2] = 0;
            }
            Block modeBlock = DictionaryBlock.create(positions, pageNumber % 2 == 0 ? sharedModes : block(VARCHAR, (Object[]) ENTRIES), modeIds);
            Block instructions = pageNumber == 1
                    ? block(VARCHAR, java.util.Arrays.stream(instructionIds).mapToObj(id -> INSTRUCTIONS[id]).toArray())
                    : DictionaryBlock.create(positions, instructionDictionary, instructionIds);
            Page input = page(modeBlock, block(BIGINT, (Object[]) rowIds), instructions);
            if (pageNumber == 3) {
                assertThatThrownBy(() -> processor.process(input))
                        .isInstanceOf(BasinException.class)
                        .hasMessageContaining("division by zero");
                continue;
            }
            List<Object> expectedIds = new ArrayList<>();
            List<Object> expectedModes = new ArrayList<>();
            for (int i = 0; i < positions; i++) {
                String mode = ENTRIES[modeIds[i]];
                String instruction = INSTRUCTIONS[instructionIds[i]];
                long id = rowIds[i];
                boolean passes = mode != null && List.of("MAIL", "SHIP", "RAIL", "AIR").contains(mode) && 12 / (mode.length() - 1) > 0
                        && "DELIVER IN PERSON".equals(instruction) && (id % 3 == 0 || id > 900);
                if (passes) {
                    expectedIds.add(id);
                    expectedModes.add(mode);
                }
            }
            assertThat(expectedIds).isNotEmpty();
            Page output = processor.process(input);
            assertThat(values(output.getBlock(0), BIGINT)).isEqualTo(expectedIds);
            assertThat(values(output.getBlock(1), VARCHAR)).isEqualTo(expectedModes);
        }
    }
}
