package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.plan.expr.Expression;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.Collection;
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
    /** HotSpot's default HugeMethodLimit: larger methods are never JIT-compiled. */
    public static final int HUGE_METHOD_LIMIT = 8000;

    // expression nodes per method: about 50 bytes of bytecode each keeps methods under the limit;
    // heavy nodes (128-bit decimal arithmetic) can still exceed it, so retry with smaller methods
    private static final int[] NODE_BUDGETS = {100, 40, 12};

    private static final Logger LOG = LoggerFactory.getLogger(KernelGenerator.class);
    private static final AtomicLong CLASS_IDS = new AtomicLong();

    private KernelGenerator() {}

    /**
     * Compiles a kernel for {@code shape}, generated from the expressions it was computed from.
     * {@code projections} are the computed ones only, numbered 0.. in the kernel.
     */
    public static CompiledKernel compile(ExpressionShape shape, Optional<Expression> filter, List<Expression> projections)
    {
        CompiledKernel kernel = null;
        for (int budget : NODE_BUDGETS) {
            kernel = compile(shape, filter, projections, budget);
            if (kernel.largestMethodBytes() <= HUGE_METHOD_LIMIT) {
                return kernel;
            }
        }
        LOG.warn("Generated method of {} bytes exceeds the JIT limit of {} and will run interpreted: {}", kernel.largestMethodBytes(), HUGE_METHOD_LIMIT, shape);
        return kernel;
    }

    private static CompiledKernel compile(ExpressionShape shape, Optional<Expression> filter, List<Expression> projections, int nodeBudget)
    {
        String className = "Kernel" + CLASS_IDS.incrementAndGet();
        KernelSourceBuilder builder = new KernelSourceBuilder(className, shape, nodeBudget);
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
            return new CompiledKernel(kernelClass, shape.constants().size(), builder.derivedParameters(), source, largestMethodBytes(compiler.getBytecodes().values()));
        }
        catch (CompileException | ClassNotFoundException e) {
            throw new BasinException(INTERNAL_ERROR_CODE, "Cannot compile expressions " + shape + ": " + e.getMessage() + "\n" + source, e);
        }
    }

    private static int largestMethodBytes(Collection<byte[]> classFiles)
    {
        int largest = 0;
        for (byte[] bytes : classFiles) {
            ClassModel model = ClassFile.of().parse(bytes);
            for (MethodModel method : model.methods()) {
                int length = method.code().map(code -> ((CodeAttribute) code).codeLength()).orElse(0);
                largest = Math.max(largest, length);
            }
        }
        return largest;
    }
}
