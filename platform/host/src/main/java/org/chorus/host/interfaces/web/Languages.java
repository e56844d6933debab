package org.chorus.host.interfaces.web;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
            if (languageOf(o).equals(lang)) {
                return o;
            }
        }
        return null;
    }

    /** Language subtags of offered tags, which come from configuration (so there are few), parsed once each. */
    private static final Map<String, String> OFFERED_LANGUAGES = new ConcurrentHashMap<>();

    private static String languageOf(String offeredTag) {
        String lang = OFFERED_LANGUAGES.get(offeredTag);
        if (lang == null) {
            lang = Locale.forLanguageTag(offeredTag).getLanguage();
            if (OFFERED_LANGUAGES.size() < 1000) {
                OFFERED_LANGUAGES.put(offeredTag, lang);
            }
        }
        return lang;
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
