package io.basin.execution.expression.codegen;

import io.basin.plan.expr.Constant;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Assembles the source of one generated kernel class: a field per lifted literal, derived fields
 * (compiled patterns, IN sets), per-instance helper fields, the constructor that fills them, and
 * the filter and projection methods.
 */
final class KernelSourceBuilder
{
    static final String PACKAGE = "io.basin.execution.expression.generated";

    private final String className;
    private final ExpressionShape shape;
    private final List<DerivedParameter> derivedParameters = new ArrayList<>();
    private final SourceWriter fieldDeclarations = new SourceWriter();
    private final SourceWriter fieldInitializers = new SourceWriter();
    private final List<String> methods = new ArrayList<>();
    private final Map<Integer, String> channelFields = new TreeMap<>();
    private final List<String> helperMethods = new ArrayList<>();
    private int instanceFields;
    private int helperCount;
    private boolean hasFilter;
    private int projectionCount;

    private final int nodeBudget;

    KernelSourceBuilder(String className, ExpressionShape shape, int nodeBudget)
    {
        this.className = requireNonNull(className, "className is null");
        this.shape = requireNonNull(shape, "shape is null");
        this.nodeBudget = nodeBudget;
    }

    /** Expression nodes one method may hold before subexpressions move to helper methods. */
    int nodeBudget()
    {
        return nodeBudget;
    }

    String className()
    {
        return className;
    }

    ExpressionShape shape()
    {
        return shape;
    }

    /** The value of a lifted literal: its field(s), never null. */
    GeneratedValue constant(Constant constant)
    {
        int slot = shape.slotOf(constant);
        if (TypeKind.of(constant.type()).javaKind() == JavaKind.INT128) {
            return GeneratedValue.ofInt128(constant.type(), "c" + slot + "h", "c" + slot + "l", "false");
        }
        return GeneratedValue.of(constant.type(), "c" + slot, "false");
    }

    /** Adds a field computed once per shape binding from the literals; returns its name. */
    String addDerivedParameter(DerivedParameter parameter)
    {
        derivedParameters.add(requireNonNull(parameter, "parameter is null"));
        return "d" + (derivedParameters.size() - 1);
    }

    List<DerivedParameter> derivedParameters()
    {
        return List.copyOf(derivedParameters);
    }

    /** Adds a per-instance field initialized in the constructor (mutable helpers such as caches). */
    String addInstanceField(String javaType, String initializer)
    {
        String name = "f" + instanceFields++;
        fieldDeclarations.line("private final " + javaType + " " + name + ";");
        fieldInitializers.line(name + " = " + initializer + ";");
        return name;
    }

    String newHelperName()
    {
        return "h" + helperCount++;
    }

    void addHelperMethod(String source)
    {
        helperMethods.add(source);
    }

    /** Fields through which helper methods read a channel's block and position mapping. */
    void declareChannelFields(int channel, String blockClass)
    {
        String previous = channelFields.putIfAbsent(channel, blockClass);
        if (previous != null && !previous.equals(blockClass)) {
            throw new IllegalStateException("Channel " + channel + " read as both " + previous + " and " + blockClass);
        }
    }

    void addFilterMethod(String source)
    {
        hasFilter = true;
        methods.add(source);
    }

    void addProjectionMethod(String source)
    {
        projectionCount++;
        methods.add(source);
    }

    String source()
    {
        SourceWriter writer = new SourceWriter();
        writer.line("package " + PACKAGE + ";");
        writer.line("");
        // generators name function classes by their simple names
        writer.line("import io.basin.execution.expression.function.*;");
        writer.line("import io.airlift.slice.Slice;");
        writer.line("");
        writer.open("public final class " + className + " extends " + ExpressionKernel.class.getName());
        List<Constant> constants = shape.constants();
        for (int slot = 0; slot < constants.size(); slot++) {
            JavaKind kind = TypeKind.of(constants.get(slot).type()).javaKind();
            if (kind == JavaKind.INT128) {
                writer.line("private final long c" + slot + "h;");
                writer.line("private final long c" + slot + "l;");
            }
            else {
                writer.line("private final " + kind.javaType() + " c" + slot + ";");
            }
        }
        for (int i = 0; i < derivedParameters.size(); i++) {
            writer.line("private final " + derivedParameters.get(i).javaType() + " d" + i + ";");
        }
        writer.append(fieldDeclarations);
        for (Map.Entry<Integer, String> entry : channelFields.entrySet()) {
            int channel = entry.getKey();
            writer.line("private " + entry.getValue() + " fb" + channel + ";");
            writer.line("private int[] fids" + channel + ";");
            writer.line("private int fo" + channel + ";");
            writer.line("private boolean fm" + channel + ";");
        }
        if (!helperMethods.isEmpty()) {
            // results of helper methods, read right after each call
            writer.line("private boolean helperNull;");
            writer.line("private boolean helperBoolean;");
            writer.line("private long helperLong;");
            writer.line("private double helperDouble;");
            writer.line("private io.airlift.slice.Slice helperSlice;");
            writer.line("private long helperHigh;");
            writer.line("private long helperLow;");
        }
        writer.line("");
        writer.open("public " + className + "(Object[] parameters, long currentDate, long currentTimestamp)");
        writer.line("super(currentDate, currentTimestamp);");
        for (int slot = 0; slot < constants.size(); slot++) {
            writer.line(unpackConstant(slot, constants.get(slot).type()));
        }
        for (int i = 0; i < derivedParameters.size(); i++) {
            writer.line("d" + i + " = (" + derivedParameters.get(i).javaType() + ") parameters[" + (constants.size() + i) + "];");
        }
        writer.append(fieldInitializers);
        writer.close();
        for (String method : methods) {
            writer.line("");
            writer.append(sourceOf(method));
        }
        for (String method : helperMethods) {
            writer.line("");
            writer.append(sourceOf(method));
        }
        if (projectionCount > 0) {
            writer.line("");
            writer.open("public io.trino.spi.block.Block project(int projection, io.trino.spi.Page page, int[] positions, int count)");
            writer.open("switch (projection)");
            for (int i = 0; i < projectionCount; i++) {
                writer.line("case " + i + ": return project" + i + "(page, positions, count);");
            }
            writer.line("default: throw new IllegalArgumentException(\"No computed projection \" + projection);");
            writer.close();
            writer.close();
        }
        writer.close();
        return writer.toString();
    }

    boolean hasFilter()
    {
        return hasFilter;
    }

    private static SourceWriter sourceOf(String text)
    {
        SourceWriter writer = new SourceWriter();
        for (String line : text.split("\n")) {
            writer.line(line);
        }
        return writer;
    }

    private static String unpackConstant(int slot, Type type)
    {
        String parameter = "parameters[" + slot + "]";
        return switch (TypeKind.of(type).javaKind()) {
            case BOOLEAN -> "c" + slot + " = ((Boolean) " + parameter + ").booleanValue();";
            case LONG -> "c" + slot + " = ((Long) " + parameter + ").longValue();";
            case DOUBLE -> "c" + slot + " = ((Double) " + parameter + ").doubleValue();";
            case SLICE -> "c" + slot + " = (io.airlift.slice.Slice) " + parameter + ";";
            case INT128 -> "c" + slot + "h = ((io.trino.spi.type.Int128) " + parameter + ").getHigh(); "
                    + "c" + slot + "l = ((io.trino.spi.type.Int128) " + parameter + ").getLow();";
        };
    }
}
