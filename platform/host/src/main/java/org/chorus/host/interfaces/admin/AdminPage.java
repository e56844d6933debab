package org.chorus.host.interfaces.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.interfaces.web.Pages;

/** What every signed-in console page shares: the session {@link AdminFilter} admitted, and the page shell's model. */
final class AdminPage {

    private AdminPage() {
    }

    static StaffSecurity.Session session(ContainerRequestContext request) {
        return (StaffSecurity.Session) request.getProperty(AdminFilter.SESSION);
    }

    /** A console page through the admin theme: title, navigation section, the person and their CSRF token. */
    static Response render(Pages pages, ContainerRequestContext request, int status, String template, String title,
                           String section, Map<String, Object> model) {
        return AdminView.page(pages.platform(), pages, session(request), status, template, title, section, model);
    }

    static String time(Instant i) {
        return i == null ? "" : i.toString();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
