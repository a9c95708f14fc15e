package io.basin.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/** One in-process run of {@link BasinMain#run} with captured streams and no terminal. */
record CliRun(int status, String out, String err)
{
    static CliRun run(String... args)
    {
        return runWithInput("", args);
    }

    static CliRun runWithInput(String input, String... args)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(
                new ByteArrayInputStream(input.getBytes(UTF_8)),
                new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8),
                false,
                Optional.empty(),
                () -> {
                    throw new IOException("tests have no terminal");
                });
        int status = BasinMain.run(args, environment);
        return new CliRun(status, out.toString(UTF_8), err.toString(UTF_8));
    }
}
