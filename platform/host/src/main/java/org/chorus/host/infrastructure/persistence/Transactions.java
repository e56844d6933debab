package org.chorus.host.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Supplier;

/**
 * Units of work over the resource-local persistence unit. The entity manager of the running unit is bound to
 * the thread, so repositories reach it through {@link #em()} and nested calls join the outer unit.
 */
public class Transactions {

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final java.util.concurrent.Semaphore admission;

    public Transactions(EntityManagerFactory emf) {
        this(emf, Integer.MAX_VALUE);
    }

    /**
     * @param maxConcurrent units of work running at once; keep it below the connection pool's size. A unit holds a
     *                      connection, and EclipseLink fetches the next block of ids for a native sequence on a
     *                      connection of its own while other units wait for those ids: with every pooled
     *                      connection held by a waiting unit, that fetch (and so every unit) would wait forever.
     */
    public Transactions(EntityManagerFactory emf, int maxConcurrent) {
        this.emf = emf;
        this.admission = new java.util.concurrent.Semaphore(Math.max(1, maxConcurrent), true);
    }

    /** Runs work in a transaction (joining one already running on this thread) and commits it. */
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        admission.acquireUninterruptibly();
        EntityManager em;
        try {
            em = emf.createEntityManager();
        } catch (RuntimeException | Error e) {
            admission.release();
            throw e;
        }
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.get();
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
            admission.release();
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** The entity manager of the unit of work running on this thread. */
    public EntityManager em() {
        EntityManager em = current.get();
        if (em == null) {
            throw new IllegalStateException("no unit of work on this thread: wrap the call in Transactions.inTransaction");
        }
        return em;
    }
}
