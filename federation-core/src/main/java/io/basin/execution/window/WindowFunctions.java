package io.basin.execution.window;

import io.basin.execution.compare.ValueKind;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.OptionalInt;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Binds a {@link WindowFunctionSpec} to the input's types and creates the function. The type
 * rules are checked here, once, when the window is planned, so computing never meets a type it
 * cannot handle:
 * <ul>
 * <li>row_number, rank, dense_rank, ntile, count: an integer output type (bigint in PostgreSQL,
 * integer for ntile); percent_rank and cume_dist: double</li>
 * <li>lag, lead, first_value, last_value, nth_value, min, max: the value's type; offsets, n and
 * bucket counts are integers; a lag/lead default has the value's type</li>
 * <li>sum: of tinyint..bigint as bigint, or as a decimal of scale 0; of decimal(p, s) as a
 * decimal of scale s; of real or double as real or double</li>
 * <li>avg: of tinyint..bigint or decimal(p, s) as a decimal of scale at least s (PostgreSQL's
 * numeric) or as double; of real or double as double</li>
 * </ul>
 */
public final class WindowFunctions
{
    private WindowFunctions() {}

    /** Creates a new instance; instances hold per-partition state and belong to one thread. */
    public static WindowFunction create(WindowFunctionSpec spec, List<Type> inputTypes)
    {
        List<Type> argumentTypes = spec.argumentChannels().stream()
                .map(channel -> {
                    checkArgument(channel < inputTypes.size(), "argument channel %s out of range", channel);
                    return inputTypes.get(channel);
                })
                .toList();
        Type outputType = spec.outputType();
        return switch (spec.kind()) {
            case ROW_NUMBER -> new RowNumberFunction(integerOutput(spec));
            case RANK -> new RankFunction(integerOutput(spec));
            case DENSE_RANK -> new DenseRankFunction(integerOutput(spec));
            case PERCENT_RANK -> {
                doubleOutput(spec);
                yield new PercentRankFunction();
            }
            case CUME_DIST -> {
                doubleOutput(spec);
                yield new CumeDistFunction();
            }
            case NTILE -> new NtileFunction(spec.argument(0), integerArgument(spec, argumentTypes, 0), integerOutput(spec));
            case LAG, LEAD -> {
                Type valueType = valueOutput(spec, argumentTypes);
                Type offsetType = argumentTypes.size() > 1 ? integerArgument(spec, argumentTypes, 1) : BigintType.BIGINT;
                if (argumentTypes.size() > 2) {
                    checkArgument(argumentTypes.get(2).equals(valueType), "%s: default of type %s does not match the value type %s", spec, argumentTypes.get(2), valueType);
                }
                yield new LagLeadFunction(
                        spec.kind() == WindowFunctionKind.LEAD,
                        spec.argument(0),
                        argumentTypes.size() > 1 ? OptionalInt.of(spec.argument(1)) : OptionalInt.empty(),
                        offsetType,
                        argumentTypes.size() > 2 ? OptionalInt.of(spec.argument(2)) : OptionalInt.empty());
            }
            case FIRST_VALUE -> {
                valueOutput(spec, argumentTypes);
                yield new FirstValueFunction(spec.argument(0));
            }
            case LAST_VALUE -> {
                valueOutput(spec, argumentTypes);
                yield new LastValueFunction(spec.argument(0));
            }
            case NTH_VALUE -> {
                valueOutput(spec, argumentTypes);
                yield new NthValueFunction(spec.argument(0), spec.argument(1), integerArgument(spec, argumentTypes, 1));
            }
            case COUNT_ALL -> new CountFunction(OptionalInt.empty(), integerOutput(spec));
            case COUNT -> new CountFunction(OptionalInt.of(spec.argument(0)), integerOutput(spec));
            case SUM -> createSum(spec, argumentTypes.getFirst(), outputType);
            case AVG -> createAvg(spec, argumentTypes.getFirst(), outputType);
            case MIN, MAX -> {
                Type valueType = valueOutput(spec, argumentTypes);
                ValueKind.of(valueType);
                yield new MinMaxFunction(spec.kind() == WindowFunctionKind.MAX, spec.argument(0), valueType);
            }
        };
    }

    private static WindowFunction createSum(WindowFunctionSpec spec, Type valueType, Type outputType)
    {
        if (isFloatingPoint(valueType)) {
            checkArgument(isFloatingPoint(outputType), "%s: sum of %s must be real or double", spec, valueType);
            return new DoubleSumFunction(spec.argument(0), valueType, outputType);
        }
        checkArgument(isExactNumber(valueType), "%s: cannot sum %s", spec, valueType);
        if (outputType instanceof DecimalType decimal) {
            checkArgument(decimal.getScale() == scale(valueType), "%s: sum of %s must have scale %s", spec, valueType, scale(valueType));
        }
        else {
            checkArgument(outputType instanceof BigintType && isInteger(valueType), "%s: sum of %s must be bigint or a decimal", spec, valueType);
        }
        return new ExactSumFunction(spec.argument(0), valueType, outputType);
    }

    private static WindowFunction createAvg(WindowFunctionSpec spec, Type valueType, Type outputType)
    {
        if (isFloatingPoint(valueType)) {
            checkArgument(outputType instanceof DoubleType, "%s: avg of %s must be double", spec, valueType);
            return new DoubleAvgFunction(spec.argument(0), valueType);
        }
        checkArgument(isExactNumber(valueType), "%s: cannot average %s", spec, valueType);
        checkArgument(outputType instanceof DecimalType || outputType instanceof DoubleType, "%s: avg of %s must be a decimal or double", spec, valueType);
        return new ExactAvgFunction(spec.argument(0), valueType, outputType);
    }

    private static Type integerOutput(WindowFunctionSpec spec)
    {
        checkArgument(isInteger(spec.outputType()), "%s: output must be an integer type", spec);
        return spec.outputType();
    }

    private static void doubleOutput(WindowFunctionSpec spec)
    {
        checkArgument(spec.outputType() instanceof DoubleType, "%s: output must be double", spec);
    }

    private static Type valueOutput(WindowFunctionSpec spec, List<Type> argumentTypes)
    {
        Type valueType = argumentTypes.getFirst();
        checkArgument(valueType.equals(spec.outputType()), "%s: output type must be the value type %s", spec, valueType);
        return valueType;
    }

    private static Type integerArgument(WindowFunctionSpec spec, List<Type> argumentTypes, int index)
    {
        Type type = argumentTypes.get(index);
        checkArgument(isInteger(type), "%s: argument %s must be an integer, not %s", spec, index + 1, type);
        return type;
    }

    private static boolean isInteger(Type type)
    {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType;
    }

    private static boolean isExactNumber(Type type)
    {
        return isInteger(type) || type instanceof DecimalType;
    }

    private static boolean isFloatingPoint(Type type)
    {
        return type instanceof RealType || type instanceof DoubleType;
    }

    private static int scale(Type type)
    {
        return type instanceof DecimalType decimal ? decimal.getScale() : 0;
    }
}
