package org.chorus.host.interfaces.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.api.TargetInfo;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.GeoPoint;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.json.Json;

/**
 * {@code GET /api/lookup?lat=..&lon=..} (or {@code address=}, {@code zip=}, {@code town=} with optional
 * {@code ward=}, {@code precinct=}): a supporter's districts and who sits for them. Used by the "use my location"
 * and live preview enhancements; everything stays on this platform.
 */
@Path("api/lookup")
public class LookupApi {

    @Inject
    Platform platform;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response lookup(@QueryParam("lat") String lat, @QueryParam("lon") String lon,
                           @QueryParam("address") String address, @QueryParam("zip") String zip,
                           @QueryParam("town") String town, @QueryParam("ward") String ward,
                           @QueryParam("precinct") String precinct) {
        GeoPoint point = null;
        if (lat != null || lon != null) {
            try {
                point = new GeoPoint(Double.parseDouble(lat.trim()), Double.parseDouble(lon.trim()));
            } catch (RuntimeException e) {
                return error(400, "lat and lon must both be decimal degrees, e.g. lat=42.3588&lon=-71.0637");
            }
        }
        if (point == null && blank(address) && blank(zip) && blank(town)) {
            return error(400, "give a location (lat and lon), an address, a zip or a town");
        }
        if ((address != null && address.length() > 300) || (town != null && town.length() > 100)
                || (zip != null && !zip.trim().matches("\\d{5}(-\\d{4})?"))) {
            return error(400, zip != null && !zip.trim().matches("\\d{5}(-\\d{4})?")
                    ? "zip must be a 5-digit ZIP code" : "address or town is too long");
        }
        FoundTargets found = platform.targetFinder().find(new LookupQuery(point, trim(address), trim(zip), trim(town),
                trim(ward), trim(precinct)));
        if (found.isEmpty()) {
            return error(404, point != null ? "that location is not in any district we know (is it in Massachusetts?)"
                    : "no district found for that address, zip or town; check the spelling or try your ZIP code");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districts", districts(found.districts()));
        body.put("candidates", districts(found.candidates()));
        body.put("source", found.source());
        if (found.point() != null) {
            body.put("point", Map.of("lat", found.point().latitude(), "lon", found.point().longitude()));
        }
        if (found.degraded()) {
            body.put("degraded", true);
        }
        return Response.ok(Json.write(body)).build();
    }

    static List<Map<String, Object>> districts(List<FoundTargets.District> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FoundTargets.District d : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chamber", d.match().chamber());
            m.put("district", d.match().name());
            m.put("ocdId", d.match().ocdId());
            if (d.sitting().isEmpty()) {
                m.put("target", null);
                m.put("vacant", true);
            } else {
                TargetInfo t = d.sitting().get(0);
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("name", t.name());
                target.put("title", t.title());
                target.put("email", t.email());
                target.put("party", t.party());
                target.put("photoUrl", t.photoUrl());
                m.put("target", target);
            }
            out.add(m);
        }
        return out;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Json.write(Map.of("status", status, "error", message))).build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
