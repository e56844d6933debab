package org.chorus.host.application.targets;

/**
 * The source as a whole cannot be imported (unreachable, unknown format, nothing usable in it, or it would retire
 * most sitting targets). Nothing was changed.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
