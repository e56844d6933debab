package org.chorus.host.interfaces.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Campaign pages rendered once and served many times. A supporter's page differs from the next supporter's only in
 * the hidden fields of its forms (a fresh idempotency key per form, the source code, the landing time), so the page
 * is rendered with {@link Slot} markers in their place, kept as UTF-8 segments, and each request only fills the
 * slots: no model, no Freemarker, no re-encoding. Theme rendering and plugin form calls were over a third of the
 * campaign page's CPU time.
 *
 * <p>An entry lives at most {@code ttlMillis} (the campaign snapshot's own freshness, so staff edits, theme edits and
 * plugin state show as soon as they would uncached) and is keyed by the campaign's actions-taken counter, so a
 * count a form shows (a petition's thermometer) is never older than the last action taken on this instance. The
 * markers carry a random per-process nonce: campaign content cannot forge one.
 */
final class RenderedPages {

    /** A per-request value in a cached page. */
    enum Slot { IDEM, SOURCE, LANDED }

    /** @param version anything that must change the page, e.g. the actions-taken counter */
    record Key(Object snapshot, String language, long version) {
    }

    private record Entry(byte[][] segments, Slot[] slots, int fixedLength, long expiresAtNanos) {
    }

    private static final int MAX_ENTRIES = 512;

    private final String nonce;
    private final Pattern marker;
    private final long ttlNanos;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    RenderedPages(long ttlMillis) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.nonce = "chorusslot" + HexFormat.of().formatHex(random);
        this.marker = Pattern.compile(nonce + "(IDEM|SOURCE|LANDED)x");
        this.ttlNanos = ttlMillis * 1_000_000L;
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    /** The text to render in a slot's place; HTML escaping leaves it as it is. */
    String marker(Slot slot) {
        return nonce + slot.name() + "x";
    }

    /**
     * The page for a key, rendering it with {@link #marker} values when it is missing or expired.
     *
     * @param idem   a fresh idempotency key per call
     * @param source the cleaned source code (only {@code [A-Za-z0-9_.-]}) or ""
     */
    byte[] page(Key key, Supplier<String> render, Supplier<String> idem, String source, String landedMillis) {
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e == null || now - e.expiresAtNanos() > 0) {
            e = split(render.get(), now + ttlNanos);
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(x -> now - x.expiresAtNanos() > 0);
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
            }
            entries.put(key, e);
        }
        return fill(e, idem, source, landedMillis);
    }

    private Entry split(String html, long expiresAt) {
        List<byte[]> segments = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        Matcher m = marker.matcher(html);
        int from = 0;
        int fixed = 0;
        while (m.find()) {
            byte[] seg = html.substring(from, m.start()).getBytes(StandardCharsets.UTF_8);
            segments.add(seg);
            fixed += seg.length;
            slots.add(Slot.valueOf(m.group(1)));
            from = m.end();
        }
        byte[] last = html.substring(from).getBytes(StandardCharsets.UTF_8);
        segments.add(last);
        fixed += last.length;
        return new Entry(segments.toArray(byte[][]::new), slots.toArray(Slot[]::new), fixed, expiresAt);
    }

    private static byte[] fill(Entry e, Supplier<String> idem, String source, String landedMillis) {
        byte[][] values = new byte[e.slots().length][];
        int length = e.fixedLength();
        for (int i = 0; i < values.length; i++) {
            String v = switch (e.slots()[i]) {
                case IDEM -> idem.get();
                case SOURCE -> source;
                case LANDED -> landedMillis;
            };
            values[i] = v.getBytes(StandardCharsets.US_ASCII);
            length += values[i].length;
        }
        byte[] out = new byte[length];
        int pos = 0;
        for (int i = 0; i < e.segments().length; i++) {
            byte[] seg = e.segments()[i];
            System.arraycopy(seg, 0, out, pos, seg.length);
            pos += seg.length;
            if (i < values.length) {
                System.arraycopy(values[i], 0, out, pos, values[i].length);
                pos += values[i].length;
            }
        }
        return out;
    }
}
