package org.chorus.api.lookup;

import java.util.Optional;
import org.pf4j.ExtensionPoint;

/** Turns a street address into a point and, where the service knows them, districts. */
public interface Geocoder extends ExtensionPoint {

    String id();

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
