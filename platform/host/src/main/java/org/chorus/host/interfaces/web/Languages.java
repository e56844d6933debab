package org.chorus.host.interfaces.web;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.infrastructure.themes.ThemeEngine;

/**
 * Chooses the language of a page: an explicit {@code ?lang=} (or hidden {@code _lang} form field), then the
 * {@code lang} cookie, then {@code Accept-Language}, among the languages the page offers; else its default.
 */
public final class Languages {

    /** Language names in their own language, for the switcher. */
    public static final Map<String, String> NAMES = Map.of("en", "English", "es", "Español", "pt-BR", "Português (Brasil)",
            "ht", "Kreyòl ayisyen", "zh-CN", "简体中文", "vi", "Tiếng Việt");

    private Languages() {
    }

    public static Locale choose(String explicit, HttpHeaders headers, List<String> offered, String fallback) {
        String chosen = match(explicit, offered);
        if (chosen == null && headers != null) {
            Cookie cookie = headers.getCookies().get("lang");
            if (cookie != null) {
                chosen = match(cookie.getValue(), offered);
            }
        }
        if (chosen == null && headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                chosen = match(l.toLanguageTag(), offered);
                if (chosen != null) {
                    break;
                }
            }
        }
        return Locale.forLanguageTag(chosen == null ? fallback : chosen);
    }

    /** The offered tag for a requested tag: exact (case-insensitive), else same language. */
    static String match(String requested, List<String> offered) {
        if (requested == null || requested.isBlank() || "*".equals(requested)) {
            return null;
        }
        for (String o : offered) {
            if (o.equalsIgnoreCase(requested)) {
                return o;
            }
        }
        String lang = Locale.forLanguageTag(requested).getLanguage();
        for (String o : offered) {
            if (Locale.forLanguageTag(o).getLanguage().equals(lang)) {
                return o;
            }
        }
        return null;
    }

    public static List<String> supported() {
        return ThemeEngine.SUPPORTED_LANGUAGES;
    }

    /** Switcher entries: tag, own name, whether current. */
    public static List<Map<String, Object>> switcher(List<String> offered, Locale current) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String tag : offered) {
            out.add(Map.of("tag", tag, "name", NAMES.getOrDefault(tag, tag), "current", tag.equals(current.toLanguageTag())));
        }
        return out;
    }
}
