package org.chorus.api;

import java.util.Locale;

/** Localised text by key, with {@link java.text.MessageFormat} arguments; an unknown key returns the key itself. */
public interface Messages {

    Locale locale();

    String get(String key, Object... args);
}
