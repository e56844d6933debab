package org.chorus.api.admin;

import java.util.List;
import java.util.Map;

/**
 * A staff request routed to a plugin's {@link AdminRoutes}.
 *
 * @param path      the part after {@code /admin/extensions/<pluginId>/}, without a leading slash
 * @param form      form fields of a POST (urlencoded, or the non-file parts of a multipart form)
 * @param uploads   file parts of a multipart POST by field name
 * @param csrfToken put it in every form as the hidden field {@code _csrf}; a multipart form may instead carry it
 *                  as {@code ?_csrf=} in its action URL
 * @since 1.1.0
 */
public record AdminRequest(String method, String path, Map<String, List<String>> query,
                           Map<String, List<String>> form, Map<String, Upload> uploads,
                           StaffMember staff, String csrfToken) {

    public AdminRequest {
        query = query == null ? Map.of() : query;
        form = form == null ? Map.of() : form;
        uploads = uploads == null ? Map.of() : uploads;
    }

    /** The first value of a query, else form, parameter; null when absent. */
    public String param(String name) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty()) {
            v = form.get(name);
        }
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
