package io.basin.execution.expression;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeUtils;
import io.trino.spi.type.VarbinaryType;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Builds expressions and pages for expression tests, and runs them through a shared compiler.
 * Values are given in a convenient Java form (Integer/Long for integers, BigDecimal for decimals,
 * String for text, LocalDate/LocalDateTime for dates and timestamps) and converted to Trino's
 * stack representation of the type.
 */
public final class TestingExpressions
{
    public static final ExpressionContext CONTEXT = new ExpressionContext(Instant.parse("2024-02-29T23:30:00Z"), ZoneOffset.ofHours(2));

    private static final ExpressionCompiler COMPILER = new ExpressionCompiler();

    private TestingExpressions() {}

    public static ExpressionCompiler compiler()
    {
        return COMPILER;
    }

    public static InputReference input(int field, Type type)
    {
        return new InputReference(field, type);
    }

    public static Constant constant(Object value, Type type)
    {
        return new Constant(toStackValue(value, type), type);
    }

    public static Constant nullConstant(Type type)
    {
        return new Constant(null, type);
    }

    public static Call call(String name, Type type, Expression... arguments)
    {
        return new Call(name, List.of(arguments), type);
    }

    public static SpecialForm form(SpecialForm.Form form, Type type, Expression... arguments)
    {
        return new SpecialForm(form, List.of(arguments), type);
    }

    /** A block of {@code values} (Java forms, null for NULL). */
    public static Block block(Type type, Object... values)
    {
        BlockBuilder builder = type.createBlockBuilder(null, values.length);
        for (Object value : values) {
            TypeUtils.writeNativeValue(type, builder, toStackValue(value, type));
        }
        return builder.build();
    }

    /** Converts a convenient Java value to Trino's stack representation of {@code type}. */
    public static Object toStackValue(Object value, Type type)
    {
        if (value == null) {
            return null;
        }
        if (type instanceof DecimalType decimal) {
            BigDecimal number = value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
            BigInteger unscaled = number.setScale(decimal.getScale(), RoundingMode.UNNECESSARY).unscaledValue();
            return decimal.isShort() ? (Object) unscaled.longValueExact() : Int128.valueOf(unscaled);
        }
        if (type instanceof CharType && value instanceof String text) {
            // Trino stores char(n) values without their trailing spaces
            return Slices.utf8Slice(text.stripTrailing());
        }
        return switch (value) {
            case Integer integer -> (long) integer;
            case Short number -> (long) number;
            case Byte number -> (long) number;
            case Float number -> (long) Float.floatToIntBits(number);
            case String text -> Slices.utf8Slice(text);
            case LocalDate date -> date.toEpochDay();
            case LocalDateTime dateTime -> ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), dateTime);
            default -> value;
        };
    }

    /** Converts a stack value back to a convenient Java value for assertions. */
    public static Object toJavaValue(Object value, Type type)
    {
        if (value == null) {
            return null;
        }
        if (type instanceof DecimalType decimal) {
            BigInteger unscaled = value instanceof Int128 int128 ? int128.toBigInteger() : BigInteger.valueOf((Long) value);
            return new BigDecimal(unscaled, decimal.getScale());
        }
        if (type instanceof VarbinaryType) {
            return value;
        }
        return switch (value) {
            case Slice slice -> slice.toStringUtf8();
            default -> value;
        };
    }

    public static List<Object> values(Block block, Type type)
    {
        List<Object> values = new ArrayList<>(block.getPositionCount());
        for (int position = 0; position < block.getPositionCount(); position++) {
            values.add(toJavaValue(TypeUtils.readNativeValue(type, block, position), type));
        }
        return values;
    }

    /** Evaluates {@code expression} (with no filter) on {@code page}; values in Java form. */
    public static List<Object> project(Expression expression, Page page)
    {
        Page output = COMPILER.compile(Optional.empty(), List.of(expression)).createProcessor(CONTEXT).process(page);
        return values(output.getBlock(0), expression.type());
    }

    /** Evaluates an expression without inputs to its Java form. */
    public static Object evaluate(Expression expression)
    {
        List<Object> result = project(expression, new Page(1));
        return result.getFirst();
    }

    /** Positions (0-based) where {@code filter} is true, found by passing a position column through the filter. */
    public static List<Integer> select(Expression filter, Page page)
    {
        int count = page.getPositionCount();
        Object[] positions = new Object[count];
        for (int i = 0; i < count; i++) {
            positions[i] = (long) i;
        }
        Block[] blocks = Arrays.copyOf(pageBlocks(page), page.getChannelCount() + 1);
        blocks[page.getChannelCount()] = block(BIGINT, positions);
        Page output = COMPILER.compile(Optional.of(filter), List.of(input(page.getChannelCount(), BIGINT)))
                .createProcessor(CONTEXT)
                .process(new Page(count, blocks));
        if (output == null) {
            return List.of();
        }
        return values(output.getBlock(0), BIGINT).stream().map(value -> (int) (long) (Long) value).toList();
    }

    private static Block[] pageBlocks(Page page)
    {
        Block[] blocks = new Block[page.getChannelCount()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = page.getBlock(i);
        }
        return blocks;
    }

    public static Page page(Block... blocks)
    {
        return new Page(blocks);
    }

    /** An argument for {@link #evaluate(String, Type, Argument...)}: a Java value and its SQL type. */
    public record Argument(Object value, Type type, boolean inline) {}

    public static Argument argument(Object value, Type type)
    {
        return new Argument(value, type, false);
    }

    /** An argument that stays a literal in both evaluations (the unit of extract, date_trunc, ...). */
    public static Argument literal(Object value, Type type)
    {
        return new Argument(value, type, true);
    }

    /**
     * Evaluates {@code function(arguments)} twice, once over input columns and once over literals
     * (two different generated classes and code paths), checks both agree and returns the value
     * in Java form. Errors propagate from the column evaluation.
     */
    public static Object evaluate(String function, Type resultType, Argument... arguments)
    {
        List<Expression> columns = new ArrayList<>();
        List<Expression> literals = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (Argument argument : arguments) {
            Constant literal = constant(argument.value(), argument.type());
            literals.add(literal);
            if (argument.inline()) {
                columns.add(literal);
            }
            else {
                columns.add(input(blocks.size(), argument.type()));
                blocks.add(block(argument.type(), argument.value()));
            }
        }
        Page page = blocks.isEmpty() ? new Page(1) : new Page(blocks.toArray(new Block[0]));
        Object viaColumns = project(new Call(function, columns, resultType), page).getFirst();
        Object viaLiterals = evaluate(new Call(function, literals, resultType));
        if (!Objects.equals(viaColumns, viaLiterals)) {
            throw new AssertionError(function + Arrays.toString(arguments) + ": columns gave " + viaColumns + " but literals gave " + viaLiterals);
        }
        return viaColumns;
    }

    /** Asserts that {@code action} fails with a BasinException of {@code sqlState} whose message contains {@code message}. */
    public static void assertSqlError(Executable action, String sqlState, String message)
    {
        BasinException exception = assertThrows(BasinException.class, action);
        assertThat(exception.sqlState()).as(exception.getMessage()).isEqualTo(sqlState);
        assertThat(exception.getMessage()).contains(message);
    }
}
