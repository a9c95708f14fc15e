package io.basin.cli;

/** A command line Basin cannot make sense of; the CLI prints the message and exits with status 2. */
public class UsageException
        extends RuntimeException
{
    public UsageException(String message)
    {
        super(message);
    }
}
