package org.chorus.host.interfaces.admin;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.admin.AdminLink;
import org.chorus.api.admin.AdminRoutes;
import org.chorus.api.admin.StaffMember;
import org.chorus.api.admin.StaffRole;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.infrastructure.plugins.PluginFailure;
import org.chorus.host.interfaces.web.Pages;

/**
 * Renders a console page in the {@code admin} theme with what every page's shell needs: the signed-in member, the
 * CSRF token for forms, the current section, and the navigation entries plugins contribute.
 */
final class AdminView {

    private AdminView() {
    }

    static Response page(Platform platform, Pages pages, StaffSecurity.Session s, String template, String title,
                         String section, Map<String, Object> model) {
        return page(platform, pages, s, 200, template, title, section, model);
    }

    /** With a status other than 200: a form shown again with what to fix (400), a refused change (409). */
    static Response page(Platform platform, Pages pages, StaffSecurity.Session s, int status, String template, String title,
                         String section, Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("pageTitle", title);
        m.put("csrf", s.csrfToken());
        m.put("me", Map.of("email", s.user().email(), "displayName", s.user().displayName(),
                "role", s.user().role().name().toLowerCase(Locale.ROOT),
                "isOwner", s.user().role().includes(Role.OWNER), "isOrganizer", s.user().role().includes(Role.ORGANIZER)));
        m.put("section", section);
        m.put("extensionLinks", extensionLinks(platform, member(s)));
        return AdminAuth.noStore(pages.render(status, "admin", template, m, Locale.ENGLISH, List.of("en"), section));
    }

    static StaffMember member(StaffSecurity.Session s) {
        return new StaffMember(s.user().email(), s.user().displayName(), StaffRole.valueOf(s.user().role().name()));
    }

    /** Plugins' navigation entries the member may see; a plugin that fails here just loses its entries. */
    static List<Map<String, Object>> extensionLinks(Platform platform, StaffMember member) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var c : platform.plugins().extensions(AdminRoutes.class)) {
            List<AdminLink> links;
            try {
                links = platform.plugins().invoker().call(c.pluginId(), "AdminRoutes.links", c.extension()::links);
            } catch (PluginFailure e) {
                continue;
            }
            for (AdminLink l : links == null ? List.<AdminLink>of() : links) {
                if (l != null && l.label() != null && member.has(l.role() == null ? StaffRole.VIEWER : l.role())) {
                    String path = l.path() == null ? "" : l.path().replaceFirst("^/+", "");
                    out.add(Map.of("label", l.label(), "href", AdminExtensions.PREFIX + c.pluginId() + (path.isEmpty() ? "" : "/" + path)));
                }
            }
        }
        return out;
    }
}
