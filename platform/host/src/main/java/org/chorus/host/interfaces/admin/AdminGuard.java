package org.chorus.host.interfaces.admin;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.staff.Role;

/** The access decision for one admin request; pure, so every route can be checked by a test without a server. */
public final class AdminGuard {

    public enum Decision {
        ALLOW,
        /** No live session: go and log in. */
        LOGIN,
        /** Logged in, but the role is too low, or the route declares no role at all. */
        FORBIDDEN,
        /** A state-changing request without the session's CSRF token. */
        CSRF
    }

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private AdminGuard() {
    }

    /** The role a route declares (method first, then class), or empty: such a route is refused. */
    public static Optional<Role> requiredRole(Class<?> resource, Method method) {
        RequiresRole r = method == null ? null : method.getAnnotation(RequiresRole.class);
        if (r == null && resource != null) {
            r = resource.getAnnotation(RequiresRole.class);
        }
        return Optional.ofNullable(r).map(RequiresRole::value);
    }

    public static boolean isPublic(Class<?> resource, Method method) {
        return (method != null && method.isAnnotationPresent(AdminPublic.class))
                || (resource != null && resource.isAnnotationPresent(AdminPublic.class));
    }

    /**
     * @param csrf the token the request carries (field {@code _csrf} or header), null if none; read only when needed
     */
    public static Decision decide(Class<?> resource, Method method, String httpMethod,
                                  Optional<StaffSecurity.Session> session, java.util.function.Supplier<String> csrf) {
        if (isPublic(resource, method)) {
            return Decision.ALLOW;
        }
        Optional<Role> required = requiredRole(resource, method);
        if (required.isEmpty()) {
            return Decision.FORBIDDEN; // deny by default: a route nobody gave a role is nobody's
        }
        if (session.isEmpty()) {
            return Decision.LOGIN;
        }
        if (!session.get().user().role().includes(required.get())) {
            return Decision.FORBIDDEN;
        }
        if (!SAFE_METHODS.contains(httpMethod) && !StaffSecurity.csrfMatches(session.get(), csrf.get())) {
            return Decision.CSRF;
        }
        return Decision.ALLOW;
    }

    /** A {@code next} parameter made safe: a local admin path, else the dashboard. Never another host. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n") || next.length() > 500 || next.startsWith("/admin/login")) {
            return "/admin";
        }
        String rest = next.substring("/admin".length());
        if (!rest.isEmpty() && !rest.startsWith("/") && !rest.startsWith("?")) {
            return "/admin"; // "/adminevil.example" is not ours
        }
        return next;
    }
}
