package org.chorus.host.infrastructure.themes;

/** A template failed while rendering (a bug in a theme or a plugin template, never the supporter's fault). */
public class ThemeRenderException extends RuntimeException {
    public ThemeRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
