package org.chorus.plugins.census;

import org.chorus.kit.Json;

import org.chorus.testkit.FakePluginContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.chorus.api.DivisionInfo;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.GeoPoint;
import org.chorus.api.lookup.Geocoder.GeocoderUnavailableException;
import org.chorus.api.lookup.LookupResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The geocoder against a local server answering as the Census geocoder does (fixtures in {@code census/}, shaped
 * like real {@code geographies/onelineaddress} answers), with the real TIGER/OCD crosswalk. Never the internet.
 */
class CensusGeocoderTest {

    static final String OCD = "ocd-division/country:us/state:ma/";

    /** What the local server answers next. */
    record Answer(int status, String body, long delayMillis) {
    }

    HttpServer server;
    volatile Answer answer;
    final List<URI> requests = new CopyOnWriteArrayList<>();
    FakePluginContext context;
    CensusGeocoder geocoder;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-census");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI());
            Answer a = answer;
            try {
                if (a.delayMillis() > 0) {
                    Thread.sleep(a.delayMillis());
                }
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", a.body().startsWith("<") ? "text/html" : "application/json");
                exchange.sendResponseHeaders(a.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close(); // the client gave up
            }
        });
        server.start();
        context = new FakePluginContext("census-geocoder", SharedData.dir(), List.of(
                division("sldu:3rd_suffolk", "upper", "Third Suffolk"),
                division("sldl:8th_suffolk", "lower", "8th Suffolk"),
                division("sldu:1st_worcester", "upper", "First Worcester"),
                division("sldl:11th_worcester", "lower", "11th Worcester"),
                division("sldl:15th_worcester", "lower", "15th Worcester")));
        context.settings.put("base.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        geocoder = new CensusGeocoder(context);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static DivisionInfo division(String tail, String chamber, String name) {
        return new DivisionInfo(OCD + tail, tail.startsWith("sldu") ? "sldu" : "sldl", chamber, name, null);
    }

    static DistrictMatch match(String tail, String chamber, String name) {
        return new DistrictMatch(OCD + tail, chamber, name);
    }

    void answer(int status, String fixtureOrBody) throws IOException {
        answer(status, fixtureOrBody, 0);
    }

    void answer(int status, String fixtureOrBody, long delayMillis) throws IOException {
        String body = fixtureOrBody;
        if (fixtureOrBody.endsWith(".json")) {
            try (InputStream in = getClass().getResourceAsStream("/census/" + fixtureOrBody)) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        answer = new Answer(status, body, delayMillis);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @Test
    void aMatchGivesThePointAndBothDistrictsNamedAsTheHostNamesThem() throws Exception {
        answer(200, "state-house.json");
        Optional<LookupResult> r = geocoder.geocode("24 Beacon St, Boston, MA 02133");
        assertThat(r).isPresent();
        // TIGER 25D25 / 25130 through the crosswalk: the numbers are not the ordinals
        assertThat(r.get().districts()).containsExactly(match("sldu:3rd_suffolk", "upper", "Third Suffolk"),
                match("sldl:8th_suffolk", "lower", "8th Suffolk"));
        assertThat(r.get().candidates()).isEmpty();
        assertThat(r.get().point()).isEqualTo(new GeoPoint(42.358684103395415, -71.06361189458237));
        assertThat(r.get().source()).isEqualTo("census");
        assertThat(geocoder.id()).isEqualTo("census");

        assertThat(requests).hasSize(1);
        URI sent = requests.get(0);
        assertThat(sent.getPath()).isEqualTo("/geocoder/geographies/onelineaddress");
        assertThat(query(sent)).containsExactly(Map.entry("address", "24 Beacon St, Boston, MA 02133"),
                Map.entry("benchmark", "Public_AR_Current"), Map.entry("vintage", "Current_Current"),
                Map.entry("layers", "all"), Map.entry("format", "json"));
    }

    @Test
    void noMatchIsAnEmptyAnswer() throws Exception {
        answer(200, "no-match.json");
        assertThat(geocoder.geocode("1 Nowhere Rd, Boston, MA")).isEmpty();
    }

    @Test
    void aMatchInAnotherStateDoesNotCount() throws Exception {
        // Rhode Island's House district 8 is 44008: its code "008" must not become Massachusetts' 25008
        answer(200, "out-of-state.json");
        assertThat(geocoder.geocode("82 Smith St, Providence, RI 02903")).isEmpty();
    }

    @Test
    void matchesInDifferentDistrictsLeaveThatChamberToTheSupporter() throws Exception {
        answer(200, "two-matches.json");
        LookupResult r = geocoder.geocode("100 Main St, MA").orElseThrow();
        assertThat(r.districts()).containsExactly(match("sldu:1st_worcester", "upper", "First Worcester"));
        assertThat(r.candidates()).containsExactly(match("sldl:15th_worcester", "lower", "15th Worcester"),
                match("sldl:11th_worcester", "lower", "11th Worcester"));
        assertThat(r.point()).isEqualTo(new GeoPoint(42.26259, -71.80229)); // the first match's
    }

    @Test
    void aMatchWithoutLegislativeLayersGivesThePointForTheBoundariesLookup() throws Exception {
        answer(200, "point-only.json");
        LookupResult r = geocoder.geocode("24 Beacon St, Boston, MA 02133").orElseThrow();
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.point()).isEqualTo(new GeoPoint(42.358684103395415, -71.06361189458237));
    }

    @Test
    void aServerErrorIsUnavailable() throws Exception {
        answer(500, "{\"errors\":[\"Internal Server Error\"],\"status\":\"500\"}");
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA"))
                .isInstanceOf(GeocoderUnavailableException.class).hasMessageContaining("HTTP 500");
        answer(503, "<html><body>Service Unavailable</body></html>");
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA")).hasMessageContaining("HTTP 503");
        answer(400, "{\"errors\":[\"Invalid benchmark\"],\"status\":\"400\"}");
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA")).hasMessageContaining("Invalid benchmark");
    }

    @Test
    void aBodyThatIsNotAGeocoderAnswerIsUnavailable() throws Exception {
        answer(200, "<html><body>Down for maintenance</body></html>");
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA"))
                .isInstanceOf(GeocoderUnavailableException.class).hasMessageContaining("not JSON");
        answer(200, "{\"errors\":[\"oops\"]}");
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA"))
                .isInstanceOf(GeocoderUnavailableException.class).hasMessageContaining("no result");
    }

    @Test
    @Timeout(10)
    void aSlowServiceIsUnavailableAfterTheTimeout() throws Exception {
        context.settings.put("timeout.millis", "300");
        answer(200, "state-house.json", 3000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA"))
                .isInstanceOf(GeocoderUnavailableException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    @Timeout(10)
    void aRefusedConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        context.settings.put("base.url", "http://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA"))
                .isInstanceOf(GeocoderUnavailableException.class).hasMessageContaining("ConnectException");
    }

    @Test
    void disabledOrBlankAnswersNothingWithoutCallingOut() throws Exception {
        answer(200, "state-house.json");
        assertThat(geocoder.geocode("  ")).isEmpty();
        assertThat(geocoder.privacyNoticeKey()).as("switched on: the privacy notice names the Census Bureau")
                .contains("census.privacyNotice");
        context.settings.put("enabled", "false");
        assertThat(geocoder.geocode("24 Beacon St, Boston, MA")).isEmpty();
        assertThat(requests).isEmpty();
        assertThat(geocoder.privacyNoticeKey()).as("switched off: nothing is sent, nothing to tell").isEmpty();
    }

    @Test
    void benchmarkVintageAndLayersAreSettings() throws Exception {
        answer(200, "state-house.json");
        context.settings.put("benchmark", "Public_AR_Census2020");
        context.settings.put("vintage", "Census2020_Census2020");
        context.settings.put("layers", "");
        geocoder.geocode("24 Beacon St, Boston, MA");
        assertThat(query(requests.get(0))).containsExactly(Map.entry("address", "24 Beacon St, Boston, MA"),
                Map.entry("benchmark", "Public_AR_Census2020"), Map.entry("vintage", "Census2020_Census2020"),
                Map.entry("format", "json"));
    }

    @Test
    void aDistrictTheHostHasNotImportedKeepsItsOcdIdAndTheCensusName() throws Exception {
        context.divisions.clear();
        answer(200, "state-house.json");
        assertThat(geocoder.geocode("24 Beacon St, Boston, MA").orElseThrow().districts())
                .containsExactly(match("sldu:3rd_suffolk", "upper", "Third Suffolk"), match("sldl:8th_suffolk", "lower", "8th Suffolk"));
    }

    @Test
    void withoutTheCrosswalkNothingIsCalledAndTheErrorNamesTheSetting(@TempDir Path empty) throws Exception {
        answer(200, "state-house.json");
        context.referenceData = empty;
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("crosswalk.file");
        context.settings.put("crosswalk.file", empty.resolve("nope.yml").toString());
        assertThatThrownBy(() -> geocoder.geocode("24 Beacon St, Boston, MA")).hasMessageContaining("nope.yml");
        assertThat(requests).isEmpty();
        context.settings.put("crosswalk.file", SharedData.dir().resolve(CensusGeocoder.CROSSWALK).toString());
        assertThat(geocoder.geocode("24 Beacon St, Boston, MA")).isPresent();
    }

    @Test
    void theRealCrosswalkCoversMassachusettsOnly() throws IOException {
        TigerCrosswalk cw = TigerCrosswalk.read(SharedData.dir().resolve(CensusGeocoder.CROSSWALK));
        assertThat(cw.size()).isEqualTo(200);
        assertThat(cw.stateFips()).containsExactly("25");
        assertThat(cw.statePostal()).isEqualTo("MA");
        assertThat(cw.ocdId("sldu", "25D25")).contains(OCD + "sldu:3rd_suffolk");
        assertThat(cw.ocdId("sldl", "25130")).contains(OCD + "sldl:8th_suffolk");
        assertThat(cw.ocdId("sldl", "25D25")).isEmpty();
        assertThat(cw.ocdId("sldl", "44008")).isEmpty();
    }

    @Test
    void crosswalkLinesMayBeQuotedOrNotAndInEitherOrder() {
        TigerCrosswalk cw = TigerCrosswalk.parse(List.of("os-id-prefix: 'ocd-division/country:us/state:ri'",
                "id-mappings:", "  custom:",
                "    - sld-id: sldu-44003   # comment",
                "      os-id: ocd-division/country:us/state:ri/sldu:3",
                "    - os-id: \"ocd-division/country:us/state:ri/sldl:8\"",
                "      sld-id: \"sldl-44008\""), "ri.yml");
        assertThat(cw.size()).isEqualTo(2);
        assertThat(cw.ocdId("sldu", "44003")).contains("ocd-division/country:us/state:ri/sldu:3");
        assertThat(cw.statePostal()).isEqualTo("RI");
        assertThat(cw.stateFips()).containsExactly("44");
        assertThatThrownBy(() -> TigerCrosswalk.parse(List.of("name: nothing"), "x.yml")).hasMessageContaining("x.yml");
    }

    @Test
    void everyFixtureIsAGeocoderAnswer() throws IOException {
        // the fixtures are made up in the real answers' shape; a typo in one must not pass as "no match"
        for (String f : List.of("state-house.json", "no-match.json", "out-of-state.json", "two-matches.json", "point-only.json")) {
            try (InputStream in = getClass().getResourceAsStream("/census/" + f)) {
                assertThat(CensusResponse.matches(Json.read(in))).as(f).hasSize(f.equals("no-match.json") ? 0 : f.equals("two-matches.json") ? 2 : 1);
            }
        }
    }
}
