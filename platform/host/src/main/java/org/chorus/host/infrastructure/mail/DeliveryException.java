package org.chorus.host.infrastructure.mail;

/**
 * A message was not delivered.
 *
 * <p>{@code permanent}: trying again cannot help (the server answered 5xx to this message, or the row cannot be
 * written as a safe message); the row goes straight to DEAD. Otherwise transient: 4xx, connection refused or
 * reset, timeouts, TLS or authentication trouble; the row is tried again after a backoff. {@code connection}:
 * the failure was the connection's, not the message's, so the rest of the batch would fail the same way.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;
    private final boolean connection;

    public DeliveryException(String message, boolean permanent, boolean connection, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.connection = connection;
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, true, false, null);
    }

    public boolean permanent() {
        return permanent;
    }

    public boolean connection() {
        return connection;
    }
}
