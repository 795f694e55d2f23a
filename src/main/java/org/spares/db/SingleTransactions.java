package org.spares.db;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Jdbi's own transactions, with nesting refused. Jdbi runs a nested {@code inTransaction} inside the outer one, so
 * code that looks as if it commits on its own would in truth commit, or roll back, with its caller: every unit of
 * work in Spares is one service method, one transaction, and a second one opened inside it is a bug to be told at
 * once, not a silent change of meaning.
 */
public final class SingleTransactions extends DelegatingTransactionHandler {
    public SingleTransactions() {
        this(LocalTransactionHandler.binding());
    }

    private SingleTransactions(TransactionHandler delegate) {
        super(delegate);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        refuseNesting(handle);
        return super.inTransaction(handle, callback);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
            HandleCallback<R, X> callback) throws X {
        refuseNesting(handle);
        return super.inTransaction(handle, level, callback);
    }

    @Override
    public void begin(Handle handle) {
        refuseNesting(handle);
        super.begin(handle);
    }

    /** The delegate keeps per-handle state (whether it opened the transaction), so it is specialised per handle. */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new SingleTransactions(getDelegate().specialize(handle));
    }

    private void refuseNesting(Handle handle) {
        if (isInTransaction(handle)) {
            throw new NestedTransactionException();
        }
    }

    /** A transaction was opened inside another one. */
    public static final class NestedTransactionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NestedTransactionException() {
            super("a transaction was opened inside another one; a unit of work is one transaction");
        }
    }
}
