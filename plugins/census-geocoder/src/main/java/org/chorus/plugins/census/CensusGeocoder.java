package org.chorus.plugins.census;

import org.chorus.kit.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chorus.api.DivisionInfo;
import org.chorus.api.PluginContext;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.GeoPoint;
import org.chorus.api.lookup.Geocoder;
import org.chorus.api.lookup.LookupResult;
import org.pf4j.Extension;

/**
 * A street address → its point and state legislative districts, through the US Census Geocoder
 * ({@code GET {base.url}/geocoder/geographies/onelineaddress?address=…&benchmark=…&vintage=…&layers=…&format=json}).
 * Settings ({@code chorus.plugin.census-geocoder.*}, or environment {@code CHORUS_PLUGIN_CENSUS_GEOCODER_*}):
 * <ul>
 * <li>{@code enabled} (default {@code true}): {@code false} answers nothing without calling out, so the other
 *     lookups answer and the result is not marked degraded;</li>
 * <li>{@code base.url} (default {@code https://geocoding.geo.census.gov});</li>
 * <li>{@code timeout.millis} (default 3000): connect timeout and response timeout each; the whole call, body
 *     included, is abandoned after twice that;</li>
 * <li>{@code benchmark} (default {@code Public_AR_Current}), {@code vintage} (default {@code Current_Current}, whose
 *     layers include the current "State Legislative Districts - Upper/Lower"), {@code layers} (default
 *     {@code all}; empty leaves the service's default set);</li>
 * <li>{@code crosswalk.file}: the openstates-geo jurisdiction file mapping TIGER ids to OCD ids (default
 *     {@code <reference data>/ma-ocd-tiger-crosswalk/openstates-geo_ma.yml}); it also decides which state's
 *     answers count (FIPS 25, MA).</li>
 * </ul>
 *
 * <p>Answers: no match, or matches only outside the state → empty (the address is unknown here). A match → its
 * point and, per chamber, the district (several different ones across matches become candidates), named as the
 * host's division; a match without legislative layers → only the point, which the host hands to the boundaries
 * lookup. Timeout, refused connection, an HTTP error status or a body that is not a geocoder answer →
 * {@link GeocoderUnavailableException}, and the host falls back to the other lookups (town, ZIP).
 */
@Extension
public class CensusGeocoder implements Geocoder {

    static final String CROSSWALK = "ma-ocd-tiger-crosswalk/openstates-geo_ma.yml";
    static final String DEFAULT_BASE_URL = "https://geocoding.geo.census.gov";

    private final PluginContext context;
    private final Object lock = new Object();
    private volatile TigerCrosswalk crosswalk;
    private volatile HttpClient client;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public CensusGeocoder(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "census";
    }

    /** Supporters are told that a street address they type goes to the Census Bureau (while this is switched on). */
    @Override
    public Optional<String> privacyNoticeKey() {
        return context.settings().getBoolean("enabled", true) ? Optional.of("census.privacyNotice") : Optional.empty();
    }

    @Override
    public Optional<LookupResult> geocode(String address) throws GeocoderUnavailableException {
        if (!context.settings().getBoolean("enabled", true) || address == null || address.isBlank()) {
            return Optional.empty();
        }
        TigerCrosswalk cw = crosswalk(); // before calling out: without it no answer could be used
        Object json = fetch(address.strip());
        List<CensusResponse.Match> matches;
        try {
            matches = CensusResponse.matches(json);
        } catch (IllegalArgumentException e) {
            throw new GeocoderUnavailableException("census geocoder: " + e.getMessage(), e);
        }
        return answer(matches, cw);
    }

    private Optional<LookupResult> answer(List<CensusResponse.Match> matches, TigerCrosswalk cw) {
        GeoPoint point = null;
        boolean any = false;
        Map<String, Set<DistrictMatch>> byChamber = new LinkedHashMap<>();
        byChamber.put("upper", new LinkedHashSet<>());
        byChamber.put("lower", new LinkedHashSet<>());
        for (CensusResponse.Match m : matches) {
            if (!inState(m, cw)) {
                continue;
            }
            any = true;
            if (point == null) {
                point = m.point();
            }
            for (CensusResponse.District d : m.districts()) {
                district(d, cw).ifPresent(dm -> byChamber.computeIfAbsent(dm.chamber(), c -> new LinkedHashSet<>()).add(dm));
            }
        }
        if (!any) {
            return Optional.empty();
        }
        List<DistrictMatch> settled = new ArrayList<>();
        List<DistrictMatch> candidates = new ArrayList<>();
        for (Set<DistrictMatch> found : byChamber.values()) {
            (found.size() == 1 ? settled : candidates).addAll(found);
        }
        if (settled.isEmpty() && candidates.isEmpty() && point == null) {
            return Optional.empty(); // an in-state match with neither point nor districts tells nothing
        }
        return Optional.of(new LookupResult(settled, candidates, point, id()));
    }

    /**
     * Whether a match lies in the crosswalk's state: every state it names (States layer, district GEOIDs, postal
     * code) must be that state, and it must name at least one. Ids of another state could otherwise collide with
     * this state's district codes.
     */
    private static boolean inState(CensusResponse.Match m, TigerCrosswalk cw) {
        boolean named = false;
        for (String fips : m.stateFips()) {
            if (!cw.stateFips().contains(fips)) {
                return false;
            }
            named = true;
        }
        if (m.statePostal() != null && cw.statePostal() != null) {
            if (!m.statePostal().equalsIgnoreCase(cw.statePostal())) {
                return false;
            }
            named = true;
        }
        return named;
    }

    /** The host's division for a TIGER district: OCD id by the crosswalk, name by the host. */
    private Optional<DistrictMatch> district(CensusResponse.District d, TigerCrosswalk cw) {
        Optional<String> ocd = cw.ocdId(d.layer(), d.geoid());
        if (ocd.isEmpty()) {
            // e.g. "25ZZZ", the code TIGER gives water and undefined areas
            warnOnce("tiger:" + d.layer() + d.geoid(), () -> "TIGER district " + d.layer() + "-" + d.geoid() + " ('"
                    + d.censusName() + "') is not in the crosswalk; left out");
            return Optional.empty();
        }
        String chamber = d.layer().equals("sldu") ? "upper" : "lower";
        Optional<DivisionInfo> division = context.targets().division(ocd.get());
        if (division.isEmpty()) {
            warnOnce("ocd:" + ocd.get(), () -> ocd.get() + " is not among the imported divisions; answering with the Census name");
        }
        return Optional.of(new DistrictMatch(ocd.get(),
                division.map(DivisionInfo::chamber).filter(c -> !c.isBlank()).orElse(chamber),
                division.map(DivisionInfo::name).orElse(d.censusName())));
    }

    private Object fetch(String address) throws GeocoderUnavailableException {
        Duration timeout = Duration.ofMillis(Math.max(1, context.settings().getInt("timeout.millis", 3000)));
        URI uri = uri(address);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").header("User-Agent", "Chorus census-geocoder").build();
        CompletableFuture<HttpResponse<byte[]>> call = client(timeout).sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // the request timeout ends at the response headers; this bounds a body that trickles in too
            response = call.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new GeocoderUnavailableException("census geocoder: no answer within " + timeout.toMillis() * 2 + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new GeocoderUnavailableException("census geocoder: interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // HttpTimeoutException, HttpConnectTimeoutException, ConnectException, closed connections …
            throw new GeocoderUnavailableException("census geocoder: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
        if (response.statusCode() != 200) {
            throw new GeocoderUnavailableException("census geocoder: HTTP " + response.statusCode() + " " + snippet(response.body()), null);
        }
        try {
            return Json.read(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new GeocoderUnavailableException("census geocoder: answer is not JSON: " + snippet(response.body()), e);
        }
    }

    URI uri(String address) {
        String base = context.settings().get("base.url", DEFAULT_BASE_URL).strip().replaceAll("/+$", "");
        StringBuilder q = new StringBuilder(base).append("/geocoder/geographies/onelineaddress?address=").append(enc(address))
                .append("&benchmark=").append(enc(context.settings().get("benchmark", "Public_AR_Current").strip()))
                .append("&vintage=").append(enc(context.settings().get("vintage", "Current_Current").strip()));
        String layers = context.settings().get("layers", "all").strip();
        if (!layers.isEmpty()) {
            q.append("&layers=").append(enc(layers));
        }
        return URI.create(q.append("&format=json").toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? "" : "(" + s + ")";
    }

    private HttpClient client(Duration connectTimeout) {
        HttpClient c = client;
        if (c == null) {
            synchronized (lock) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NORMAL).build();
                }
                c = client;
            }
        }
        return c;
    }

    /** Read on first use; a missing file is a configuration error (thrown, counted by the host) until fixed. */
    TigerCrosswalk crosswalk() {
        TigerCrosswalk cw = crosswalk;
        if (cw != null) {
            return cw;
        }
        synchronized (lock) {
            if (crosswalk == null) {
                Optional<Path> configured = context.settings().get("crosswalk.file").map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
                Path file = configured.or(() -> context.referenceData().map(d -> d.resolve(CROSSWALK)))
                        .filter(Files::isRegularFile)
                        .orElseThrow(() -> new IllegalStateException(configured
                                .map(p -> "chorus.plugin.census-geocoder.crosswalk.file: no file at " + p.toAbsolutePath())
                                .orElse("no TIGER/OCD crosswalk: set chorus.plugin.census-geocoder.crosswalk.file or"
                                        + " platform.reference.data.dir (a folder with " + CROSSWALK + ")")));
                try {
                    crosswalk = TigerCrosswalk.read(file);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot read the crosswalk " + file + ": " + e.getMessage(), e);
                }
                context.logger().info(() -> "Census geocoder: " + crosswalk.size() + " districts of state "
                        + crosswalk.stateFips() + " (" + crosswalk.statePostal() + ") from " + file);
            }
            return crosswalk;
        }
    }

    private void warnOnce(String key, java.util.function.Supplier<String> message) {
        if (warned.add(key)) {
            context.logger().warning(message);
        }
    }
}
