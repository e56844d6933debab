package org.chorus.api.lookup;

import java.util.Optional;
import org.pf4j.ExtensionPoint;

/** Turns a street address into a point and, where the service knows them, districts. */
public interface Geocoder extends ExtensionPoint {

    String id();

    /**
     * When this geocoder sends supporters' addresses to an outside service: the message key (in the plugin's own
     * messages, in every language) of the sentence the campaign's privacy notice shows, e.g. "the address you type
     * is sent to the US Census Bureau". Empty when addresses stay on this server, or the geocoder is switched off
     * (since API 1.1).
     */
    default java.util.Optional<String> privacyNoticeKey() {
        return java.util.Optional.empty();
    }

    /**
     * @return empty when the address is unknown
     * @throws GeocoderUnavailableException when the service cannot be reached (the host then falls back)
     */
    Optional<LookupResult> geocode(String address) throws GeocoderUnavailableException;

    /** The service is down or too slow; not the supporter's fault. */
    class GeocoderUnavailableException extends Exception {
        public GeocoderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
