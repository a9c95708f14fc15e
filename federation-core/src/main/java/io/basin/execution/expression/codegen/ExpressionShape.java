package io.basin.execution.expression.codegen;

import io.airlift.slice.Slice;
import io.basin.execution.expression.function.StringFunctions;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.type.CharType;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The canonical shape of a filter and projections: their text with every non-null literal
 * replaced by a numbered parameter slot, plus the literals in slot order. Expressions that differ
 * only in literal values ({@code x > 5}, {@code x > 7}) have the same shape and share one compiled
 * class; the literals become fields of each instance. Input types and result types are part of the
 * shape, since they decide the generated code. A few literals decide the code itself (the unit of
 * {@code extract} or {@code date_trunc}) and stay inline in the shape.
 */
public final class ExpressionShape
{
    private static final Set<String> FUNCTIONS_WITH_INLINE_UNIT = Set.of(
            FunctionNames.EXTRACT, FunctionNames.DATE_TRUNC, FunctionNames.DATE_ADD, FunctionNames.DATE_DIFF);

    private final String key;
    private final List<Constant> constants;
    private final Map<Constant, Integer> slots;

    private ExpressionShape(String key, List<Constant> constants, Map<Constant, Integer> slots)
    {
        this.key = key;
        this.constants = List.copyOf(constants);
        this.slots = slots;
    }

    public static ExpressionShape of(Optional<Expression> filter, List<Expression> projections)
    {
        requireNonNull(filter, "filter is null");
        requireNonNull(projections, "projections is null");
        Builder builder = new Builder();
        builder.text.append("filter[");
        filter.ifPresent(builder::append);
        builder.text.append("] projections[");
        for (int i = 0; i < projections.size(); i++) {
            if (i > 0) {
                builder.text.append("; ");
            }
            builder.append(projections.get(i));
        }
        builder.text.append(']');
        return new ExpressionShape(builder.text.toString(), builder.constants, builder.slots);
    }

    /** Whether argument {@code index} of {@code call} is a literal compiled into the code rather than a parameter. */
    public static boolean isInlineArgument(Call call, int index)
    {
        return index == 0 && FUNCTIONS_WITH_INLINE_UNIT.contains(call.name()) && call.arguments().get(0) instanceof Constant;
    }

    /** The cache key: equal keys generate identical classes. */
    public String key()
    {
        return key;
    }

    /** The lifted literals, slot by slot. */
    public List<Constant> constants()
    {
        return constants;
    }

    /** The slot of a lifted literal of these expressions (looked up by identity). */
    public int slotOf(Constant constant)
    {
        Integer slot = slots.get(constant);
        if (slot == null) {
            throw new IllegalArgumentException("Constant is not a parameter of this shape: " + constant);
        }
        return slot;
    }

    /** The literal values, slot by slot, in Trino's stack representation. */
    public List<Object> constantValues()
    {
        List<Object> values = new ArrayList<>(constants.size());
        for (Constant constant : constants) {
            values.add(stackValue(constant));
        }
        return values;
    }

    /**
     * The value of a literal as blocks hold it: char(n) values without their trailing spaces, as
     * Trino stores them (they are insignificant in char semantics).
     */
    public static Object stackValue(Constant constant)
    {
        if (constant.type() instanceof CharType && constant.value() instanceof Slice slice) {
            return StringFunctions.trimTrailingSpaces(slice);
        }
        return constant.value();
    }

    @Override
    public String toString()
    {
        return key;
    }

    private static final class Builder
    {
        private final StringBuilder text = new StringBuilder();
        private final List<Constant> constants = new ArrayList<>();
        private final Map<Constant, Integer> slots = new IdentityHashMap<>();

        void append(Expression expression)
        {
            switch (expression) {
                case InputReference reference -> text.append('$').append(reference.field()).append(':').append(typeText(reference.type()));
                case Constant constant -> appendConstant(constant);
                case Call call -> {
                    text.append(call.name()).append('(');
                    for (int i = 0; i < call.arguments().size(); i++) {
                        if (i > 0) {
                            text.append(", ");
                        }
                        if (isInlineArgument(call, i)) {
                            appendInline((Constant) call.arguments().get(i));
                        }
                        else {
                            append(call.arguments().get(i));
                        }
                    }
                    text.append("):").append(typeText(call.type()));
                }
                case SpecialForm form -> {
                    text.append(form.form()).append('(');
                    for (int i = 0; i < form.arguments().size(); i++) {
                        if (i > 0) {
                            text.append(", ");
                        }
                        append(form.arguments().get(i));
                    }
                    text.append("):").append(typeText(form.type()));
                }
            }
        }

        private void appendConstant(Constant constant)
        {
            if (constant.isNull()) {
                text.append("null:").append(typeText(constant.type()));
                return;
            }
            Integer slot = slots.get(constant);
            if (slot == null) {
                slot = constants.size();
                constants.add(constant);
                slots.put(constant, slot);
            }
            text.append('?').append(slot).append(':').append(typeText(constant.type()));
        }

        private void appendInline(Constant constant)
        {
            // Constant.toString quotes and escapes text values, so the key stays unambiguous
            text.append("inline ").append(constant);
        }

        private static String typeText(Type type)
        {
            return type.getTypeSignature().toString();
        }
    }
}
