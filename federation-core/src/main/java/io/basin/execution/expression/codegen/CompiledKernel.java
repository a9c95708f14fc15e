package io.basin.execution.expression.codegen;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A generated kernel class for one expression shape, with what it takes to instantiate it for a
 * particular expression of that shape: the literal values (by slot) and the derived parameters
 * computed from them. Immutable and shared by every query with the same shape.
 */
public final class CompiledKernel
{
    private final Class<? extends ExpressionKernel> kernelClass;
    private final MethodHandle constructor;
    private final int constantCount;
    private final List<DerivedParameter> derivedParameters;
    private final String source;
    private final int largestMethodBytes;

    CompiledKernel(Class<? extends ExpressionKernel> kernelClass, int constantCount, List<DerivedParameter> derivedParameters, String source, int largestMethodBytes)
    {
        this.largestMethodBytes = largestMethodBytes;
        this.kernelClass = requireNonNull(kernelClass, "kernelClass is null");
        this.constantCount = constantCount;
        this.derivedParameters = List.copyOf(requireNonNull(derivedParameters, "derivedParameters is null"));
        this.source = requireNonNull(source, "source is null");
        try {
            this.constructor = MethodHandles.publicLookup()
                    .findConstructor(kernelClass, MethodType.methodType(void.class, Object[].class, long.class, long.class))
                    .asType(MethodType.methodType(ExpressionKernel.class, Object[].class, long.class, long.class));
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generated kernel " + kernelClass.getName() + " has no usable constructor", e);
        }
    }

    /** The parameters of a kernel instance: the literals by slot, then the derived values. */
    public Object[] bind(List<Object> constantValues)
    {
        if (constantValues.size() != constantCount) {
            throw new IllegalArgumentException("Expected " + constantCount + " literal values, got " + constantValues.size());
        }
        Object[] parameters = new Object[constantCount + derivedParameters.size()];
        for (int i = 0; i < constantCount; i++) {
            parameters[i] = constantValues.get(i);
        }
        for (int i = 0; i < derivedParameters.size(); i++) {
            parameters[constantCount + i] = derivedParameters.get(i).factory().apply(constantValues);
        }
        return parameters;
    }

    /** A new kernel instance (one per driver: kernels hold scratch space). */
    public ExpressionKernel newInstance(Object[] parameters, long currentDate, long currentTimestamp)
    {
        try {
            return (ExpressionKernel) constructor.invokeExact(parameters, currentDate, currentTimestamp);
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable e) {
            throw new IllegalStateException("Cannot instantiate " + kernelClass.getName(), e);
        }
    }

    public Class<? extends ExpressionKernel> kernelClass()
    {
        return kernelClass;
    }

    /** Bytecode size of the largest generated method (the JIT skips methods over 8000 bytes). */
    public int largestMethodBytes()
    {
        return largestMethodBytes;
    }

    /** The generated Java source, for debugging and EXPLAIN-style diagnostics. */
    public String source()
    {
        return source;
    }
}
