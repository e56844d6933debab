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

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Runs work in a transaction (joining one already running on this thread) and commits it. */
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        EntityManager em = emf.createEntityManager();
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
