package io.basin.execution.window;

import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One window function call: what to compute, from which input channels, into which type, over
 * which frame. Arguments are channels (a constant argument is a constant column the planner
 * projected). The output type is the caller's choice within what {@link WindowFunctions}
 * accepts, e.g. {@code sum(integer)} as bigint, {@code avg(bigint)} as a decimal.
 */
public record WindowFunctionSpec(WindowFunctionKind kind, List<Integer> argumentChannels, Type outputType, WindowFrame frame)
{
    public WindowFunctionSpec
    {
        requireNonNull(kind, "kind is null");
        argumentChannels = List.copyOf(requireNonNull(argumentChannels, "argumentChannels is null"));
        requireNonNull(outputType, "outputType is null");
        requireNonNull(frame, "frame is null");
        checkArgument(argumentChannels.size() >= kind.minArguments() && argumentChannels.size() <= kind.maxArguments(),
                "%s takes %s to %s arguments, got %s", kind, kind.minArguments(), kind.maxArguments(), argumentChannels.size());
        for (int channel : argumentChannels) {
            checkArgument(channel >= 0, "argument channel is negative");
        }
    }

    /** A call with the default frame ({@link WindowFrame#DEFAULT}). */
    public static WindowFunctionSpec of(WindowFunctionKind kind, Type outputType, Integer... argumentChannels)
    {
        return new WindowFunctionSpec(kind, Arrays.asList(argumentChannels), outputType, WindowFrame.DEFAULT);
    }

    public WindowFunctionSpec withFrame(WindowFrame frame)
    {
        return new WindowFunctionSpec(kind, argumentChannels, outputType, frame);
    }

    public int argument(int index)
    {
        return argumentChannels.get(index);
    }

    @Override
    public String toString()
    {
        return kind.name().toLowerCase(Locale.ROOT) + argumentChannels.stream().map(channel -> "#" + channel).toList()
                + (kind.usesFrame() ? " " + frame : "") + " -> " + outputType.getDisplayName();
    }
}
