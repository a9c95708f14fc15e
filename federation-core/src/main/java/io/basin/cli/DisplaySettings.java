package io.basin.cli;

import static java.util.Objects.requireNonNull;

/**
 * How statement results are shown: the output format, psql's expanded display ({@code \x}) and
 * whether each statement's elapsed time is printed ({@code \timing}).
 */
record DisplaySettings(OutputFormat format, boolean expanded, boolean timing)
{
    DisplaySettings
    {
        requireNonNull(format, "format is null");
    }

    static DisplaySettings of(OutputFormat format)
    {
        return new DisplaySettings(format, false, false);
    }

    DisplaySettings withExpanded(boolean expanded)
    {
        return new DisplaySettings(format, expanded, timing);
    }

    DisplaySettings withTiming(boolean timing)
    {
        return new DisplaySettings(format, expanded, timing);
    }
}
