package org.spares.db;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Jdbi's own transactions, with hand-made transaction control refused inside one. Every unit of work in Spares is
 * one service method, one transaction: a {@code begin}, {@code commit}, {@code rollback} or savepoint on the
 * handle in the middle of it would end or split that transaction early, so it fails at once instead. (A nested
 * {@code handle.inTransaction} never reaches a handler: Jdbi runs it inside the open transaction, which then commits
 * or rolls back as a whole, and the architecture test allows transactions to be opened in one class only.)
 */
public final class SingleTransactions extends DelegatingTransactionHandler {
    /** True while a unit of work's own code runs: Jdbi's begin before it and commit or rollback after it pass. */
    private boolean working;

    public SingleTransactions() {
        this(LocalTransactionHandler.binding());
    }

    private SingleTransactions(TransactionHandler delegate) {
        super(delegate);
    }

    /** The delegate keeps per-handle state, so this is specialised per handle, and so is {@link #working}. */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new SingleTransactions(getDelegate().specialize(handle));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        return super.inTransaction(handle, watched(callback));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
            HandleCallback<R, X> callback) throws X {
        return super.inTransaction(handle, level, watched(callback));
    }

    @Override
    public void begin(Handle handle) {
        refuseInside();
        super.begin(handle);
    }

    @Override
    public void commit(Handle handle) {
        refuseInside();
        super.commit(handle);
    }

    @Override
    public void rollback(Handle handle) {
        refuseInside();
        super.rollback(handle);
    }

    @Override
    public void savepoint(Handle handle, String name) {
        refuseInside();
        super.savepoint(handle, name);
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        refuseInside();
        super.rollbackToSavepoint(handle, name);
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        refuseInside();
        super.releaseSavepoint(handle, name);
    }

    private <R, X extends Exception> HandleCallback<R, X> watched(HandleCallback<R, X> callback) {
        return handle -> {
            working = true;
            try {
                return callback.withHandle(handle);
            } finally {
                working = false;
            }
        };
    }

    private void refuseInside() {
        if (working) {
            throw new NestedTransactionException();
        }
    }

    /** Transaction control was attempted by hand inside a unit of work. */
    public static final class NestedTransactionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NestedTransactionException() {
            super("a transaction was begun, committed or rolled back by hand inside a unit of work, which is one"
                    + " transaction");
        }
    }
}
