package io.basin.engine;

/** Where a session stands with respect to an explicit transaction block. */
public enum TransactionStatus
{
    /** No block open: every statement is its own transaction. */
    IDLE('I'),
    /** Inside BEGIN ... COMMIT. */
    IN_TRANSACTION('T'),
    /** A statement in the block failed; only ROLLBACK (or COMMIT, which rolls back) is accepted. */
    FAILED('E');

    private final char indicator;

    TransactionStatus(char indicator)
    {
        this.indicator = indicator;
    }

    /** The status byte of the PostgreSQL protocol's ReadyForQuery message. */
    public char indicator()
    {
        return indicator;
    }
}
