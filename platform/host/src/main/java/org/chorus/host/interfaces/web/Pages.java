package org.chorus.host.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.themes.ThemeRegistry;

/** Renders full pages through a theme, with what every layout needs (language switcher, base URL). */
@ApplicationScoped
public class Pages {

    static final MediaType HTML = MediaType.valueOf("text/html; charset=UTF-8");

    @Inject
    Platform platform;

    /** The platform, for pages rendered outside this package (the admin console's shell). */
    public Platform platform() {
        return platform;
    }

    public Response render(int status, String theme, String template, Map<String, Object> model, Locale locale,
                           List<String> languages, String path) {
        return page(status, html(status, theme, template, model, locale, languages, path), locale);
    }

    /** A page's HTML: the model plus what every page shows (language switcher, path, base URL). */
    public String html(int status, String theme, String template, Map<String, Object> model, Locale locale, List<String> languages,
                       String path) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("languages", Languages.switcher(languages, locale));
        m.put("path", path);
        m.put("baseUrl", platform.config().baseUrl());
        if (status < 400 && languages.size() > 1) {
            // hreflang: the same page in each language it is offered in, for search engines and share previews.
            List<Map<String, Object>> alternates = new java.util.ArrayList<>();
            for (String l : languages) {
                alternates.add(Map.of("lang", l, "url", platform.config().baseUrl() + path + "?lang=" + l));
            }
            m.putIfAbsent("pageAlternates", alternates);
        }
        m.putIfAbsent("pageTitle", "");
        return platform.themes().render(theme, template, m, locale);
    }

    /** An HTML response (a String or UTF-8 bytes) with the headers every page has. */
    public Response page(int status, Object html, Locale locale) {
        return Response.status(status).type(HTML).entity(html)
                .header("Content-Language", locale.toLanguageTag())
                .header("Vary", "Accept-Language, Cookie")
                .build();
    }

    /** A themed error page in the platform's default theme. */
    public Response error(int status, String titleKey, String message, Locale locale) {
        return error(status, titleKey, message, locale, "default");
    }

    public Response error(int status, String titleKey, String message, Locale locale, String theme) {
        String t = platform.themes().registry().exists(theme) ? theme
                : platform.themes().registry().exists("default") ? "default" : ThemeRegistry.BASE;
        Map<String, Object> m = new HashMap<>();
        m.put("status", status);
        m.put("titleKey", titleKey);
        m.put("message", message == null ? "" : message);
        // The switcher offers every language; it leads to the home page, since the page asked for is not there.
        return render(status, t, "error.ftlh", m, locale, Languages.supported(), "/");
    }
}
