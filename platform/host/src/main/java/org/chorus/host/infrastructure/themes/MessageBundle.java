package org.chorus.host.infrastructure.themes;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.Messages;

/**
 * Messages of one theme in one locale: the most specific locale's layer first ({@code pt_BR}, then
 * {@code pt}), then English. Each layer already merges plugins, base and the theme chain.
 */
public final class MessageBundle implements Messages {

    private final Locale locale;
    private final List<Map<String, String>> layers;

    MessageBundle(Locale locale, List<Map<String, String>> layers) {
        this.locale = locale;
        this.layers = layers;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    public Optional<String> find(String key) {
        for (Map<String, String> layer : layers) {
            String v = layer.get(key);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether the most specific layer itself has the key (no fallback): for translation completeness checks. */
    public boolean hasOwn(String key) {
        return !layers.isEmpty() && layers.get(0).containsKey(key);
    }

    @Override
    public String get(String key, Object... args) {
        String pattern = find(key).orElse(key);
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
