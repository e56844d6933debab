package org.chorus.plugins.petitions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.chorus.api.PluginContext;
import org.chorus.api.action.ActionView;
import org.chorus.kit.Json;

/**
 * A petition's state as one extension sees it (one instance per {@link PluginContext}, and the host gives each
 * extension its own): the public momentum of each petition (count, latest signers, hidden comments, cached for a
 * few seconds so a busy campaign page does not count signatures on every view), the comments staff hid, and the
 * petitions this plugin has served. Everything lasting is in the host's document store.
 */
final class Petitions {

    static final String HIDDEN = "hidden-comments";
    static final String KNOWN = "petitions";
    /** How many recent signatures the public page looks through for signers and comments. */
    static final int RECENT = 60;
    static final Duration FRESH = Duration.ofSeconds(5);

    private static final Map<PluginContext, Petitions> BY_CONTEXT = new WeakHashMap<>();

    /** A petition's public facts: how many signed, the latest signers and the latest visible comments. */
    record Momentum(long count, List<Signature> recent, Set<Long> hidden, Instant at) {

        List<Signature> signers(int limit) {
            return recent.stream().limit(limit).toList();
        }

        List<Signature> comments(int limit) {
            return recent.stream().filter(s -> !s.comment().isBlank() && !s.deleted() && !hidden.contains(s.id()))
                    .limit(limit).toList();
        }
    }

    /** A petition staff can open: a campaign action of this plugin's type. */
    record Known(long campaignActionId, String campaign, String action, String title) {
    }

    private final PluginContext context;
    private final Map<Long, Momentum> momentum = new ConcurrentHashMap<>();
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();

    private Petitions(PluginContext context) {
        this.context = context;
    }

    static Petitions of(PluginContext context) {
        synchronized (BY_CONTEXT) {
            return BY_CONTEXT.computeIfAbsent(context, Petitions::new);
        }
    }

    PluginContext context() {
        return context;
    }

    /** The momentum as of at most {@link #FRESH} ago. */
    Momentum momentum(long campaignActionId) {
        Momentum m = momentum.get(campaignActionId);
        if (m != null && !m.at().plus(FRESH).isBefore(context.clock().instant())) {
            return m;
        }
        // One request reads it again; the others asking meanwhile wait for that copy instead of all counting at once.
        return momentum.compute(campaignActionId, (id, current) ->
                current != null && !current.at().plus(FRESH).isBefore(context.clock().instant()) ? current : read(id));
    }

    private Momentum read(long campaignActionId) {
        var ledger = context.actions();
        Instant at = context.clock().instant();
        long count = ledger.count(campaignActionId);
        List<Signature> recent = ledger.latest(campaignActionId, RECENT).stream().map(Signature::of).toList();
        return new Momentum(count, recent, hiddenComments(campaignActionId), at);
    }

    /**
     * Ids of the signatures whose comments staff hid on this petition, read from the document store each time: the
     * staff pages and the public form are separate extensions (each with its own context), so no cache here could be
     * told of a change; the public page reads this once per {@link #FRESH} period.
     */
    Set<Long> hiddenComments(long campaignActionId) {
        Set<Long> out = new HashSet<>();
        String prefix = campaignActionId + "/";
        for (String key : context.documents().keys(HIDDEN)) {
            if (key.startsWith(prefix)) {
                out.add(Long.parseLong(key.substring(prefix.length())));
            }
        }
        return Set.copyOf(out);
    }

    /** Hides or shows again one signature's comment; false when it already was so. */
    boolean setHidden(long campaignActionId, long signatureId, boolean hide, String by) {
        String key = campaignActionId + "/" + signatureId;
        boolean changed;
        if (hide) {
            changed = context.documents().get(HIDDEN, key).isEmpty();
            if (changed) {
                context.documents().put(HIDDEN, key, "{\"hiddenBy\":" + quote(by) + ",\"hiddenAt\":"
                        + quote(context.clock().instant().toString()) + "}");
            }
        } else {
            changed = context.documents().delete(HIDDEN, key);
        }
        momentum.remove(campaignActionId);
        return changed;
    }

    /** Remembers a petition the plugin served, so the staff pages can list it (once per start and petition). */
    void register(ActionView view) {
        if (!registered.add(view.campaignActionId())) {
            return;
        }
        String key = Long.toString(view.campaignActionId());
        String body = "{\"campaign\":" + quote(view.campaign().slug()) + ",\"action\":" + quote(view.actionId())
                + ",\"title\":" + quote(view.campaign().title() == null ? "" : view.campaign().title()) + "}";
        try {
            if (!context.documents().get(KNOWN, key).map(body::equals).orElse(false)) {
                context.documents().put(KNOWN, key, body);
            }
        } catch (RuntimeException e) {
            // The staff index misses it until the next start; the supporter's page must not.
            registered.remove(view.campaignActionId());
            context.logger().warning("could not note petition " + key + " for the staff pages: " + e);
        }
    }

    /** The petitions served so far, by campaign and action. */
    List<Known> known() {
        List<Known> out = new ArrayList<>();
        for (String key : context.documents().keys(KNOWN)) {
            read(key).ifPresent(out::add);
        }
        return out;
    }

    Optional<Known> known(String campaign, String action) {
        return known().stream().filter(k -> k.campaign().equals(campaign) && k.action().equals(action)).findFirst();
    }

    private Optional<Known> read(String key) {
        try {
            Optional<String> json = context.documents().get(KNOWN, key);
            if (json.isEmpty() || !(Json.read(new ByteArrayInputStream(json.get().getBytes(StandardCharsets.UTF_8)))
                    instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            return Optional.of(new Known(Long.parseLong(key), String.valueOf(m.get("campaign")),
                    String.valueOf(m.get("action")), String.valueOf(m.get("title"))));
        } catch (IOException | RuntimeException e) {
            context.logger().warning("unreadable petition entry " + key + ": " + e);
            return Optional.empty();
        }
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
