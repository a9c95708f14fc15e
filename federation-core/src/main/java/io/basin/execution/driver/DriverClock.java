package io.basin.execution.driver;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Times the calls one driver makes into its stages. Operators push their output into the next
 * stage from inside their own call, so each call's time is its elapsed time minus the time of the
 * calls nested in it: what is left is the stage's own time. One per driver; not thread-safe.
 */
final class DriverClock
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private long nestedWall;
    private long nestedCpu;

    void run(StageCounters stage, Runnable call)
    {
        call(stage, () -> {
            call.run();
            return null;
        });
    }

    <T> T call(StageCounters stage, Supplier<T> call)
    {
        long outerWall = nestedWall;
        long outerCpu = nestedCpu;
        nestedWall = 0;
        nestedCpu = 0;
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        try {
            return call.get();
        }
        finally {
            long elapsedWall = System.nanoTime() - wall;
            long elapsedCpu = cpuNanos() - cpu;
            stage.addTime(elapsedWall - nestedWall, elapsedCpu - nestedCpu);
            nestedWall = outerWall + elapsedWall;
            nestedCpu = outerCpu + elapsedCpu;
        }
    }

    private static long cpuNanos()
    {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
