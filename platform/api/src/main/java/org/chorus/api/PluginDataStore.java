package org.chorus.api;

import java.util.List;
import java.util.Optional;

/** A per-plugin key/value store of JSON documents, grouped in collections. */
public interface PluginDataStore {

    void put(String collection, String key, String json);

    Optional<String> get(String collection, String key);

    /** Keys of a collection in key order. */
    List<String> keys(String collection);

    boolean delete(String collection, String key);
}
