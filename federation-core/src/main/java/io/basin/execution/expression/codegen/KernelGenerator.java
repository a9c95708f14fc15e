package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.plan.expr.Expression;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static io.basin.error.BasinErrorCode.INTERNAL_ERROR_CODE;

/**
 * Generates the Java source of a kernel for a filter and computed projections and compiles it with
 * Janino. Each kernel gets its own class loader (Janino's default), so a class evicted from the
 * cache can be unloaded once no processor uses it.
 */
public final class KernelGenerator
{
    private static final AtomicLong CLASS_IDS = new AtomicLong();

    private KernelGenerator() {}

    /**
     * Compiles a kernel for {@code shape}, generated from the expressions it was computed from.
     * {@code projections} are the computed ones only, numbered 0.. in the kernel.
     */
    public static CompiledKernel compile(ExpressionShape shape, Optional<Expression> filter, List<Expression> projections)
    {
        String className = "Kernel" + CLASS_IDS.incrementAndGet();
        KernelSourceBuilder builder = new KernelSourceBuilder(className, shape);
        filter.ifPresent(expression -> ExpressionCodeGenerator.generateFilter(builder, expression));
        for (int i = 0; i < projections.size(); i++) {
            ExpressionCodeGenerator.generateProjection(builder, i, projections.get(i));
        }
        String source = builder.source();
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(ExpressionKernel.class.getClassLoader());
        try {
            compiler.cook(source);
            Class<? extends ExpressionKernel> kernelClass = compiler.getClassLoader()
                    .loadClass(KernelSourceBuilder.PACKAGE + "." + className)
                    .asSubclass(ExpressionKernel.class);
            return new CompiledKernel(kernelClass, shape.constants().size(), builder.derivedParameters(), source);
        }
        catch (CompileException | ClassNotFoundException e) {
            throw new BasinException(INTERNAL_ERROR_CODE, "Cannot compile expressions " + shape + ": " + e.getMessage() + "\n" + source, e);
        }
    }
}
