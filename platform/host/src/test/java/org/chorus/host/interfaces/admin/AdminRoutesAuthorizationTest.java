package org.chorus.host.interfaces.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.domain.staff.StaffUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every admin route, found by scanning the compiled {@code interfaces.admin} package for JAX-RS resource methods,
 * goes through the same decision {@link AdminFilter} makes: it must be public (login/setup/logout only) or declare
 * a role; anonymous is sent to log in; every lower role is refused; state changes need the CSRF token.
 */
class AdminRoutesAuthorizationTest {

    record Route(Class<?> resource, Method method, String http, String path) {
        @Override
        public String toString() {
            return http + " /" + path;
        }
    }

    static List<Route> routes;

    @BeforeAll
    static void scan() throws IOException, URISyntaxException, ClassNotFoundException {
        var dir = java.nio.file.Path.of(AdminFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(AdminFilter.class.getPackageName().replace('.', '/'));
        routes = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (var f : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$")).toList()) {
                Class<?> c = Class.forName(AdminFilter.class.getPackageName() + "." + f.replace(".class", ""));
                Path classPath = c.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    String http = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                            : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE"
                            : m.isAnnotationPresent(PATCH.class) ? "PATCH" : m.isAnnotationPresent(HEAD.class) ? "HEAD" : null;
                    Path sub = m.getAnnotation(Path.class);
                    if (http == null && sub == null) {
                        continue;
                    }
                    routes.add(new Route(c, m, http == null ? "SUBRESOURCE" : http,
                            classPath.value() + (sub == null ? "" : "/" + sub.value())));
                }
            }
        }
    }

    private static Optional<StaffSecurity.Session> as(Role role) {
        StaffUser u = new StaffUser(1, role.name().toLowerCase() + "@x.org", role.name(), role, false, Instant.EPOCH, Instant.EPOCH);
        return Optional.of(new StaffSecurity.Session("session-id-0123456789abcdef", u, "the-csrf-token", Instant.EPOCH, Instant.MAX));
    }

    @Test
    void theScanFindsTheConsole() {
        assertThat(routes).extracting(Route::toString).contains("GET /admin/outbox", "POST /admin/outbox/{id: \\d{1,18}}/retry",
                "GET /admin/users", "POST /admin/login", "GET /admin/sink", "GET /admin/supporters", "GET /admin/plugins",
                "GET /admin/themes/preview", "GET /admin/account", "GET /admin/campaigns/" + AdminResults.SLUG + "/results",
                "GET /admin/campaigns/" + AdminResults.SLUG + "/results/pressure.pdf", "POST /admin/supporters/{id: \\d{1,18}}/delete");
        assertThat(routes).noneMatch(r -> r.http().equals("SUBRESOURCE")); // sub-resource locators would escape this test
    }

    @Test
    void onlySigningInAndPasswordResetArePublicAndEveryOtherRouteDeclaresARole() {
        Set<String> open = routes.stream().filter(r -> AdminGuard.isPublic(r.resource(), r.method()))
                .map(Route::toString).collect(Collectors.toSet());
        assertThat(open).containsExactlyInAnyOrder("GET /admin/login", "POST /admin/login", "POST /admin/login/code",
                "GET /admin/setup", "POST /admin/setup", "POST /admin/logout", "GET /admin/password/forgot",
                "POST /admin/password/forgot", "GET /admin/password/reset", "POST /admin/password/reset");
        for (Route r : routes) {
            if (!AdminGuard.isPublic(r.resource(), r.method())) {
                assertThat(AdminGuard.requiredRole(r.resource(), r.method())).as("role of %s", r).isPresent();
            }
        }
    }

    @Test
    void aRouteWithoutARoleIsRefusedEvenToAnOwner() throws NoSuchMethodException {
        class Undeclared {
            @GET
            public void secret() {
            }
        }
        Method m = Undeclared.class.getDeclaredMethod("secret");
        assertThat(AdminGuard.decide(Undeclared.class, m, "GET", as(Role.OWNER), () -> null)).isEqualTo(AdminGuard.Decision.FORBIDDEN);
        assertThat(AdminGuard.decide(Undeclared.class, m, "GET", Optional.empty(), () -> null)).isEqualTo(AdminGuard.Decision.FORBIDDEN);
    }

    @Test
    void anonymousIsSentToLogInAndEveryLowerRoleIsRefused() {
        for (Route r : routes) {
            if (AdminGuard.isPublic(r.resource(), r.method())) {
                continue;
            }
            Role required = AdminGuard.requiredRole(r.resource(), r.method()).orElseThrow();
            assertThat(AdminGuard.decide(r.resource(), r.method(), r.http(), Optional.empty(), () -> "the-csrf-token"))
                    .as("anonymous %s", r).isEqualTo(AdminGuard.Decision.LOGIN);
            for (Role role : Role.values()) {
                AdminGuard.Decision d = AdminGuard.decide(r.resource(), r.method(), r.http(), as(role), () -> "the-csrf-token");
                assertThat(d).as("%s as %s (needs %s)", r, role, required)
                        .isEqualTo(role.includes(required) ? AdminGuard.Decision.ALLOW : AdminGuard.Decision.FORBIDDEN);
            }
        }
    }

    @Test
    void stateChangingRoutesNeedTheSessionsCsrfToken() {
        List<Route> changing = routes.stream().filter(r -> !AdminGuard.SAFE_METHODS.contains(r.http())
                && !AdminGuard.isPublic(r.resource(), r.method())).toList();
        assertThat(changing).isNotEmpty();
        for (Route r : changing) {
            var owner = as(Role.OWNER);
            assertThat(AdminGuard.decide(r.resource(), r.method(), r.http(), owner, () -> null)).as("%s without token", r)
                    .isEqualTo(AdminGuard.Decision.CSRF);
            assertThat(AdminGuard.decide(r.resource(), r.method(), r.http(), owner, () -> "other")).as("%s wrong token", r)
                    .isEqualTo(AdminGuard.Decision.CSRF);
        }
    }

    @Test
    void viewerReadsTheOutboxButCannotRetry() throws NoSuchMethodException {
        Method list = AdminConsole.class.getMethod("outbox", String.class, String.class);
        Method retry = AdminConsole.class.getMethod("retry", long.class);
        assertThat(AdminGuard.decide(AdminConsole.class, list, "GET", as(Role.VIEWER), () -> null)).isEqualTo(AdminGuard.Decision.ALLOW);
        assertThat(AdminGuard.decide(AdminConsole.class, retry, "POST", as(Role.VIEWER), () -> "the-csrf-token"))
                .isEqualTo(AdminGuard.Decision.FORBIDDEN);
        assertThat(AdminGuard.decide(AdminConsole.class, retry, "POST", as(Role.ORGANIZER), () -> "the-csrf-token"))
                .isEqualTo(AdminGuard.Decision.ALLOW);
    }

    /** The least role of each route of the results, supporters, platform and account screens (issue 6). */
    @Test
    void eachScreenAsksForTheRoleItsDataNeeds() {
        java.util.Map<String, Role> expected = new java.util.LinkedHashMap<>();
        String results = "/admin/campaigns/" + AdminResults.SLUG + "/results";
        expected.put("GET " + results, Role.VIEWER);
        expected.put("GET " + results + "/pressure.pdf", Role.VIEWER);
        expected.put("GET " + results + "/actions", Role.ORGANIZER); // personal data
        expected.put("GET " + results + "/actions.csv", Role.ORGANIZER);
        expected.put("GET /admin/supporters", Role.ORGANIZER);
        expected.put("GET /admin/supporters/{id: \\d{1,18}}", Role.ORGANIZER);
        expected.put("POST /admin/supporters/{id: \\d{1,18}}/delete", Role.ORGANIZER);
        expected.put("GET /admin/supporters.csv", Role.ORGANIZER);
        expected.put("GET /admin/plugins", Role.OWNER);
        expected.put("POST /admin/plugins/{id: [A-Za-z0-9._-]{1,80}}/disable", Role.OWNER);
        expected.put("GET /admin/themes", Role.ORGANIZER);
        expected.put("GET /admin/themes/preview", Role.ORGANIZER);
        expected.put("POST /admin/users/{id: \\d{1,18}}/role", Role.OWNER);
        expected.put("POST /admin/settings/two-factor", Role.OWNER);
        expected.put("GET /admin/account", Role.VIEWER);
        expected.put("POST /admin/account/two-factor/confirm", Role.VIEWER);
        for (var e : expected.entrySet()) {
            Route r = routes.stream().filter(x -> x.toString().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new AssertionError("no route " + e.getKey()));
            assertThat(AdminGuard.requiredRole(r.resource(), r.method())).as(e.getKey()).contains(e.getValue());
        }
    }

    @Test
    void withTwoFactorRequiredOnlyTheAccountPageWaitsForSetUp() {
        assertThat(routes.stream().filter(r -> r.method().isAnnotationPresent(TwoFactorSetup.class)).map(Route::toString))
                .allMatch(r -> r.contains(" /admin/account")).isNotEmpty();
    }

    @Test
    void theCampaignScreensAreFoundViewersReadAndOnlyOrganizersChange() throws NoSuchMethodException {
        assertThat(routes).extracting(Route::toString).contains("GET /admin/campaigns", "POST /admin/campaigns",
                "GET /admin/campaigns/new", "POST /admin/campaigns/import",
                "POST /admin/campaigns/" + AdminCampaigns.SLUG + "/status",
                "POST /admin/campaigns/" + AdminCampaigns.SLUG + "/actions/" + AdminCampaignActions.KEY,
                "POST /admin/campaigns/" + AdminCampaigns.SLUG + "/actions/" + AdminCampaignActions.KEY + "/move");
        Method list = AdminCampaigns.class.getMethod("list", String.class, String.class);
        Method overview = AdminCampaigns.class.getMethod("campaign", String.class, String.class);
        Method publish = AdminCampaigns.class.getMethod("changeStatus", String.class, String.class);
        Method export = AdminCampaigns.class.getMethod("export", String.class);
        for (Method read : List.of(list, overview)) {
            assertThat(AdminGuard.decide(AdminCampaigns.class, read, "GET", as(Role.VIEWER), () -> null)).isEqualTo(AdminGuard.Decision.ALLOW);
        }
        assertThat(AdminGuard.decide(AdminCampaigns.class, export, "GET", as(Role.VIEWER), () -> null))
                .as("exports are an organizer's").isEqualTo(AdminGuard.Decision.FORBIDDEN);
        assertThat(AdminGuard.decide(AdminCampaigns.class, publish, "POST", as(Role.VIEWER), () -> "the-csrf-token"))
                .isEqualTo(AdminGuard.Decision.FORBIDDEN);
        assertThat(AdminGuard.decide(AdminCampaigns.class, publish, "POST", as(Role.ORGANIZER), () -> null))
                .isEqualTo(AdminGuard.Decision.CSRF);
        assertThat(AdminGuard.decide(AdminCampaigns.class, publish, "POST", as(Role.ORGANIZER), () -> "the-csrf-token"))
                .isEqualTo(AdminGuard.Decision.ALLOW);
    }

    @Test
    void nextMustBeALocalAdminPath() {
        assertThat(AdminGuard.safeNext("/admin/outbox?state=dead")).isEqualTo("/admin/outbox?state=dead");
        assertThat(AdminGuard.safeNext("https://evil.example/admin")).isEqualTo("/admin");
        assertThat(AdminGuard.safeNext("//evil.example")).isEqualTo("/admin");
        assertThat(AdminGuard.safeNext("/adminevil")).isEqualTo("/admin");
        assertThat(AdminGuard.safeNext("/admin\\@evil")).isEqualTo("/admin");
        assertThat(AdminGuard.safeNext(null)).isEqualTo("/admin");
    }
}
