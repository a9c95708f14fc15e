package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static java.util.Objects.requireNonNull;

/**
 * Generates the row loop of one filter or projection method. Every subexpression becomes a few
 * statements that leave its value and null flag in locals; null-propagating calls evaluate their
 * arguments in nested blocks so that nothing after a NULL argument runs. Function bodies come from
 * the per-concern generators ({@link ArithmeticGenerator}, {@link CastGenerator}, ...), which call
 * back into this class for evaluation, locals and coercions.
 *
 * <p>HotSpot does not JIT-compile methods over 8000 bytes of bytecode, and a row loop that stays
 * interpreted is orders of magnitude slower. So a method gets a budget of expression nodes; a
 * subexpression that would exceed it is generated as a separate per-row helper method (which
 * applies the same rule to its own subexpressions), called where the value is needed.
 */
final class ExpressionCodeGenerator
{
    // smaller subexpressions are not worth a call
    private static final int MIN_HELPER_NODES = 6;

    private final KernelSourceBuilder kernel;
    private final Expression root;
    private final SourceWriter body = new SourceWriter();
    // channels read by this method's own code
    private final Map<Integer, Type> channels = new TreeMap<>();
    // channels read by helper methods called from here (directly or not): passed through fields
    private final Map<Integer, Type> helperChannels = new TreeMap<>();
    private final Map<Expression, Integer> sizes = new IdentityHashMap<>();
    private int emittedNodes;
    private int variables;

    private ExpressionCodeGenerator(KernelSourceBuilder kernel, Expression root)
    {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.root = requireNonNull(root, "root is null");
    }

    /**
     * Adds {@code filter(Page, int[], int[], int)} to the kernel. A conjunction is filtered one
     * conjunct at a time, each over the rows the ones before it kept: every pass is a tight loop
     * without a branch on a row's outcome, where a row at a time through nested conditions
     * mispredicts whenever a conjunct keeps a random share of the rows (TPC-H q6's five range
     * tests). A row is kept only when every conjunct is true, as in the row at a time form, and a
     * conjunct runs only on rows the ones before it kept ({@code x <> 0 AND 1 / x > 2}).
     *
     * <p>Comparisons of one column with constants share a pass ({@code d >= a AND d < b}, the
     * bounds of a range or BETWEEN): both read the same values, so one loop tests them together
     * instead of a second loop gathering the rows the first kept. Such a comparison cannot fail,
     * so testing it on rows another conjunct would drop changes no outcome.
     */
    static void generateFilter(KernelSourceBuilder kernel, Expression filter)
    {
        if (!filter.type().equals(BOOLEAN)) {
            throw new BasinException(DATATYPE_MISMATCH, "Filter must be boolean, found " + filter.type());
        }
        List<Expression> conjuncts = new ArrayList<>();
        addConjuncts(filter, conjuncts);
        List<List<Expression>> passes = passes(conjuncts);
        if (passes.size() == 1) {
            kernel.addFilterMethod(filterMethod(kernel, passes.getFirst(), "public int filter"));
            return;
        }
        SourceWriter method = new SourceWriter();
        method.open("public int filter(io.trino.spi.Page page, int[] selected, int[] input, int inputCount)");
        method.line("int count = filter0(page, selected, input, inputCount);");
        for (int i = 1; i < passes.size(); i++) {
            kernel.addHelperMethod(filterMethod(kernel, passes.get(i), "private int filter" + i));
            method.line("if (count == 0) return 0;");
            // in place: a pass writes position i of selected only after reading it
            method.line("count = filter" + i + "(page, selected, selected, count);");
        }
        kernel.addHelperMethod(filterMethod(kernel, passes.getFirst(), "private int filter0"));
        method.line("return count;");
        method.close();
        kernel.addFilterMethod(method.toString());
    }

    /**
     * The conjuncts in passes, in their order, except that a comparison of a column with a
     * constant joins the pass of the first such comparison of the same column.
     */
    private static List<List<Expression>> passes(List<Expression> conjuncts)
    {
        List<List<Expression>> passes = new ArrayList<>();
        Map<Integer, List<Expression>> columnPasses = new TreeMap<>();
        for (Expression conjunct : conjuncts) {
            int column = comparedColumn(conjunct);
            if (column < 0) {
                passes.add(List.of(conjunct));
                continue;
            }
            List<Expression> pass = columnPasses.get(column);
            if (pass == null) {
                pass = new ArrayList<>();
                columnPasses.put(column, pass);
                passes.add(pass);
            }
            pass.add(conjunct);
        }
        return passes;
    }

    /**
     * The channel of a comparison between a column of a fixed-width type and a constant of the
     * same type or, for exact numerics, any exact numeric type: comparisons that cannot fail.
     * Else -1.
     */
    private static int comparedColumn(Expression conjunct)
    {
        if (!(conjunct instanceof Call call) || !ComparisonGenerator.handles(call.name()) || call.arguments().size() != 2) {
            return -1;
        }
        Expression left = call.arguments().get(0);
        Expression right = call.arguments().get(1);
        InputReference column = left instanceof InputReference reference && right instanceof Constant ? reference
                : right instanceof InputReference reference && left instanceof Constant ? reference
                : null;
        if (column == null) {
            return -1;
        }
        // exact numerics compare across scales and widths without rounding or overflow
        boolean comparable = left.type().equals(right.type()) || (TypeKind.of(left.type()).isExactNumeric() && TypeKind.of(right.type()).isExactNumeric());
        JavaKind kind = TypeKind.of(column.type()).javaKind();
        return comparable && (kind == JavaKind.LONG || kind == JavaKind.DOUBLE) ? column.field() : -1;
    }

    private static void addConjuncts(Expression expression, List<Expression> conjuncts)
    {
        if (expression instanceof SpecialForm form && form.form() == SpecialForm.Form.AND) {
            form.arguments().forEach(argument -> addConjuncts(argument, conjuncts));
            return;
        }
        conjuncts.add(expression);
    }

    /**
     * A method {@code name(Page, int[] selected, int[] input, int inputCount)} writing the input
     * positions where every one of {@code conjuncts} is true, all tested on each position.
     */
    private static String filterMethod(KernelSourceBuilder kernel, List<Expression> conjuncts, String name)
    {
        Expression root = conjuncts.size() == 1 ? conjuncts.getFirst() : new SpecialForm(SpecialForm.Form.AND, conjuncts, BOOLEAN);
        ExpressionCodeGenerator generator = new ExpressionCodeGenerator(kernel, root);
        List<String> tests = new ArrayList<>();
        for (Expression conjunct : conjuncts) {
            GeneratedValue result = generator.generate(conjunct);
            tests.add(result.mayBeNull() ? "(!" + result.isNull() + " && " + result.value() + ")" : result.value());
        }
        // & rather than &&: no branch on a row's outcome
        String passes = String.join(" & ", tests);

        SourceWriter method = new SourceWriter();
        method.open(name + "(io.trino.spi.Page page, int[] selected, int[] input, int inputCount)");
        method.line("int positionCount = page.getPositionCount();");
        generator.writeChannelPrologue(method);
        method.line("int count = 0;");
        // the null test does not depend on the row: the JIT unswitches the loop
        method.open("for (int i = 0; i < inputCount; i++)");
        method.line("int position = input == null ? i : input[i];");
        generator.writeChannelPositions(method);
        method.append(generator.body);
        // branch-free selection: always store, advance only when the row passes
        method.line("selected[count] = position;");
        method.line("count += (" + passes + ") ? 1 : 0;");
        method.close();
        method.line("return count;");
        method.close();
        return method.toString();
    }

    /** Adds {@code project<index>(Page, int[], int)} to the kernel. */
    static void generateProjection(KernelSourceBuilder kernel, int index, Expression projection)
    {
        ExpressionCodeGenerator generator = new ExpressionCodeGenerator(kernel, projection);
        GeneratedValue result = generator.generate(projection);
        OutputWriter output = OutputWriter.forType(projection.type());

        SourceWriter method = new SourceWriter();
        method.open("private io.trino.spi.block.Block project" + index + "(io.trino.spi.Page page, int[] positions, int count)");
        method.line("int positionCount = page.getPositionCount();");
        generator.writeChannelPrologue(method);
        output.declare(method);
        method.open("for (int i = 0; i < count; i++)");
        method.line("int position = positions[i];");
        generator.writeChannelPositions(method);
        method.append(generator.body);
        output.store(method, result);
        method.close();
        method.line("return " + output.build() + ";");
        method.close();
        kernel.addProjectionMethod(method.toString());
    }

    KernelSourceBuilder kernel()
    {
        return kernel;
    }

    SourceWriter body()
    {
        return body;
    }

    GeneratedValue generate(Expression expression)
    {
        if (expression != root && !(expression instanceof InputReference) && !(expression instanceof Constant)) {
            int size = size(expression);
            if (size >= MIN_HELPER_NODES && emittedNodes + size > kernel.nodeBudget()) {
                return helper(expression);
            }
        }
        emittedNodes++;
        return switch (expression) {
            case InputReference reference -> inputReference(reference);
            case Constant constant -> constant(constant);
            case Call call -> CallGenerators.generate(call, this);
            case SpecialForm form -> SpecialFormGenerator.generate(form, this);
        };
    }

    /** Number of nodes of an expression tree. */
    private int size(Expression expression)
    {
        Integer size = sizes.get(expression);
        if (size == null) {
            List<Expression> children = switch (expression) {
                case Call call -> call.arguments();
                case SpecialForm form -> form.arguments();
                default -> List.of();
            };
            size = 1;
            for (Expression child : children) {
                size += size(child);
            }
            sizes.put(expression, size);
        }
        return size;
    }

    /**
     * Generates {@code expression} as a helper method {@code void h<n>(int position)} that leaves
     * its result in the kernel's helper fields, and calls it here.
     */
    private GeneratedValue helper(Expression expression)
    {
        ExpressionCodeGenerator helper = new ExpressionCodeGenerator(kernel, expression);
        GeneratedValue result = helper.generate(expression);
        String name = kernel.newHelperName();
        SourceWriter method = new SourceWriter();
        method.open("private void " + name + "(int position)");
        for (Map.Entry<Integer, Type> entry : helper.channels.entrySet()) {
            int channel = entry.getKey();
            String blockClass = TypeKind.of(entry.getValue()).blockClass();
            method.line(blockClass + " b" + channel + " = fb" + channel + ";");
            method.line("int[] ids" + channel + " = fids" + channel + ";");
            method.line("int o" + channel + " = fo" + channel + ";");
            method.line("boolean m" + channel + " = fm" + channel + ";");
        }
        helper.writeChannelPositions(method);
        method.append(helper.body);
        method.line("helperNull = " + result.isNull() + ";");
        switch (result.kind()) {
            case BOOLEAN -> method.line("helperBoolean = " + result.value() + ";");
            case LONG -> method.line("helperLong = " + result.value() + ";");
            case DOUBLE -> method.line("helperDouble = " + result.value() + ";");
            case SLICE -> method.line("helperSlice = " + result.value() + ";");
            case INT128 -> {
                method.line("helperHigh = " + result.high() + ";");
                method.line("helperLow = " + result.low() + ";");
            }
        }
        method.close();
        kernel.addHelperMethod(method.toString());
        helperChannels.putAll(helper.channels);
        helperChannels.putAll(helper.helperChannels);

        emittedNodes++;
        body.line(name + "(position);");
        String isNull = "false";
        if (result.mayBeNull()) {
            isNull = temporary("boolean", "helperNull");
        }
        return switch (result.kind()) {
            case BOOLEAN -> GeneratedValue.of(expression.type(), temporary("boolean", "helperBoolean"), isNull);
            case LONG -> GeneratedValue.of(expression.type(), temporary("long", "helperLong"), isNull);
            case DOUBLE -> GeneratedValue.of(expression.type(), temporary("double", "helperDouble"), isNull);
            case SLICE -> GeneratedValue.of(expression.type(), temporary("io.airlift.slice.Slice", "helperSlice"), isNull);
            case INT128 -> GeneratedValue.ofInt128(expression.type(), temporary("long", "helperHigh"), temporary("long", "helperLow"), isNull);
        };
    }

    private GeneratedValue inputReference(InputReference reference)
    {
        int channel = reference.field();
        Type previous = channels.putIfAbsent(channel, reference.type());
        if (previous != null && !previous.equals(reference.type()) && TypeKind.of(previous) != TypeKind.of(reference.type())) {
            throw new BasinException(DATATYPE_MISMATCH, "Channel " + channel + " referenced as both " + previous + " and " + reference.type());
        }
        TypeKind kind = TypeKind.of(reference.type());
        String block = "b" + channel;
        String position = "q" + channel;
        String isNull = newName("n");
        body.line("boolean " + isNull + " = m" + channel + " && " + block + ".isNull(" + position + ");");
        if (kind.javaKind() == JavaKind.INT128) {
            String high = newName("v");
            String low = newName("v");
            body.line("long " + high + " = " + isNull + " ? 0L : " + block + ".getInt128High(" + position + ");");
            body.line("long " + low + " = " + isNull + " ? 0L : " + block + ".getInt128Low(" + position + ");");
            return GeneratedValue.ofInt128(reference.type(), high, low, isNull);
        }
        String value = newName("v");
        String read = switch (kind) {
            case BOOLEAN -> block + ".getByte(" + position + ") != 0";
            case TINYINT -> "(long) " + block + ".getByte(" + position + ")";
            case SMALLINT -> "(long) " + block + ".getShort(" + position + ")";
            case INTEGER, DATE, REAL -> "(long) " + block + ".getInt(" + position + ")";
            case BIGINT, SHORT_DECIMAL, TIMESTAMP, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> block + ".getLong(" + position + ")";
            case DOUBLE -> "Double.longBitsToDouble(" + block + ".getLong(" + position + "))";
            case VARCHAR, CHAR, VARBINARY -> block + ".getSlice(" + position + ")";
            case LONG_DECIMAL -> throw new IllegalStateException();
        };
        body.line(kind.javaKind().javaType() + " " + value + " = " + isNull + " ? " + kind.javaKind().defaultValue() + " : " + read + ";");
        return GeneratedValue.of(reference.type(), value, isNull);
    }

    private GeneratedValue constant(Constant constant)
    {
        if (constant.isNull()) {
            return nullValue(constant.type());
        }
        return kernel.constant(constant);
    }

    /** A NULL of {@code type}: a default value with the null flag {@code true}. */
    static GeneratedValue nullValue(Type type)
    {
        JavaKind kind = TypeKind.of(type).javaKind();
        if (kind == JavaKind.INT128) {
            return GeneratedValue.ofInt128(type, "0L", "0L", "true");
        }
        return GeneratedValue.of(type, kind.defaultValue(), "true");
    }

    /** A fresh local name. */
    String newName(String prefix)
    {
        return prefix + variables++;
    }

    /** Declares a local initialized to {@code initializer}; returns its name. */
    String temporary(String javaType, String initializer)
    {
        String name = newName("t");
        body.line(javaType + " " + name + " = " + initializer + ";");
        return name;
    }

    /**
     * Declares the locals of a result: default value and, when {@code nullable}, a null flag
     * initialized to true (callers clear it where they assign a value).
     */
    GeneratedValue declare(Type type, boolean nullable)
    {
        JavaKind kind = TypeKind.of(type).javaKind();
        String isNull = "false";
        if (nullable) {
            isNull = newName("n");
            body.line("boolean " + isNull + " = true;");
        }
        if (kind == JavaKind.INT128) {
            String high = newName("v");
            String low = newName("v");
            body.line("long " + high + " = 0L;");
            body.line("long " + low + " = 0L;");
            return GeneratedValue.ofInt128(type, high, low, isNull);
        }
        String value = newName("v");
        body.line(kind.javaType() + " " + value + " = " + kind.defaultValue() + ";");
        return GeneratedValue.of(type, value, isNull);
    }

    /** {@code target = expression} for a single-local value. */
    void assign(GeneratedValue target, String expression)
    {
        body.line(target.value() + " = " + expression + ";");
    }

    /** Copies a 128-bit result from the kernel's scratch array into {@code target}. */
    void assignFromScratch(GeneratedValue target)
    {
        body.line(target.high() + " = scratch[0];");
        body.line(target.low() + " = scratch[1];");
    }

    /** Copies value and null flag of {@code source} (same Java kind) into {@code target}. */
    void assign(GeneratedValue target, GeneratedValue source)
    {
        if (target.kind() == JavaKind.INT128) {
            body.line(target.high() + " = " + source.high() + ";");
            body.line(target.low() + " = " + source.low() + ";");
        }
        else {
            body.line(target.value() + " = " + source.value() + ";");
        }
        if (target.mayBeNull()) {
            body.line(target.isNull() + " = " + source.isNull() + ";");
        }
        else if (source.mayBeNull()) {
            throw new IllegalStateException("Assigning a nullable value to a non-null target");
        }
    }

    void setNotNull(GeneratedValue target)
    {
        if (target.mayBeNull()) {
            body.line(target.isNull() + " = false;");
        }
    }

    /** Writes a function body; the arguments are known to be non-null. */
    @FunctionalInterface
    interface Emitter
    {
        void emit(List<GeneratedValue> arguments, GeneratedValue result);
    }

    /**
     * A null-propagating call: evaluates {@code arguments} one by one, stopping at the first NULL,
     * and runs {@code emitter} only when all are non-null.
     */
    GeneratedValue nullPropagating(Type resultType, List<Expression> arguments, Emitter emitter)
    {
        boolean nullable = arguments.stream().anyMatch(Nullability::mayBeNull);
        GeneratedValue result = declare(resultType, nullable);
        List<GeneratedValue> values = new ArrayList<>(arguments.size());
        int opened = 0;
        for (Expression argument : arguments) {
            GeneratedValue value = generate(argument);
            if (value.isNull().equals("true")) {
                // a NULL literal: the result is NULL whatever the other arguments are
                closeBlocks(opened);
                return nullValue(resultType);
            }
            if (value.mayBeNull()) {
                body.open("if (!" + value.isNull() + ")");
                opened++;
            }
            values.add(notNull(value));
        }
        setNotNull(result);
        emitter.emit(values, result);
        closeBlocks(opened);
        return result;
    }

    /** A null-propagating computation over values that are already evaluated. */
    GeneratedValue nullPropagatingValues(Type resultType, List<GeneratedValue> values, Emitter emitter)
    {
        List<String> nullChecks = new ArrayList<>();
        for (GeneratedValue value : values) {
            if (value.isNull().equals("true")) {
                return nullValue(resultType);
            }
            if (value.mayBeNull()) {
                nullChecks.add(value.isNull());
            }
        }
        GeneratedValue result = declare(resultType, !nullChecks.isEmpty());
        if (!nullChecks.isEmpty()) {
            body.open("if (!(" + String.join(" || ", nullChecks) + "))");
        }
        setNotNull(result);
        emitter.emit(values.stream().map(ExpressionCodeGenerator::notNull).toList(), result);
        if (!nullChecks.isEmpty()) {
            body.close();
        }
        return result;
    }

    /** The same value, known to be non-null where it is used (inside its null check). */
    static GeneratedValue notNull(GeneratedValue value)
    {
        return new GeneratedValue(value.type(), value.value(), value.high(), value.low(), "false");
    }

    /**
     * Assigns an expression of {@code expressionType} to {@code result}, converting it when the
     * call's type differs (a date computed where the planner asked for a timestamp, ...).
     */
    void assignConverted(GeneratedValue result, Type expressionType, String expression)
    {
        if (expressionType.equals(result.type())) {
            assign(result, expression);
            return;
        }
        String local = temporary(TypeKind.of(expressionType).javaKind().javaType(), expression);
        assign(result, coerce(GeneratedValue.of(expressionType, local, "false"), result.type()));
    }

    private void closeBlocks(int count)
    {
        for (int i = 0; i < count; i++) {
            body.close();
        }
    }

    /** Converts {@code value} to {@code type} when it is not already of that type. */
    GeneratedValue coerce(GeneratedValue value, Type type)
    {
        if (value.type().equals(type)) {
            return value;
        }
        return CastGenerator.cast(this, value, type);
    }

    /** Generates {@code expression} and converts it to {@code type} (an explicit CAST). */
    GeneratedValue coerceOrCast(Expression expression, Type type)
    {
        return coerce(generate(expression), type);
    }

    private void writeChannelPrologue(SourceWriter method)
    {
        Map<Integer, Type> all = new TreeMap<>(helperChannels);
        all.putAll(channels);
        for (Map.Entry<Integer, Type> entry : all.entrySet()) {
            int channel = entry.getKey();
            String blockClass = TypeKind.of(entry.getValue()).blockClass();
            method.line("io.trino.spi.block.Block r" + channel + " = page.getBlock(" + channel + ");");
            method.line(blockClass + " b" + channel + " = (" + blockClass + ") r" + channel + ".getUnderlyingValueBlock();");
            method.line("int[] ids" + channel + " = positionIds(r" + channel + ", positionCount);");
            method.line("int o" + channel + " = positionIdsOffset(r" + channel + ");");
            method.line("boolean m" + channel + " = r" + channel + ".mayHaveNull();");
            if (helperChannels.containsKey(channel)) {
                // helper methods read the channel through fields
                kernel.declareChannelFields(channel, blockClass);
                method.line("fb" + channel + " = b" + channel + ";");
                method.line("fids" + channel + " = ids" + channel + ";");
                method.line("fo" + channel + " = o" + channel + ";");
                method.line("fm" + channel + " = m" + channel + ";");
            }
        }
    }

    private void writeChannelPositions(SourceWriter method)
    {
        for (int channel : channels.keySet()) {
            method.line("int q" + channel + " = ids" + channel + " == null ? position : ids" + channel + "[o" + channel + " + position];");
        }
    }
}
