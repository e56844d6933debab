package org.chorus.host.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.chorus.api.PluginDataStore;

/**
 * The {@code plugin_document} table, scoped to one owner: a plugin's document store, and the host's own small
 * records (owner {@code host}), such as the fingerprint of the last reference data seeding.
 */
public final class JdbcDocumentStore implements PluginDataStore {

    private final DataSource dataSource;
    private final Clock clock;
    private final String owner;

    public JdbcDocumentStore(DataSource dataSource, Clock clock, String owner) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.owner = owner;
    }

    @Override
    public void put(String collection, String key, String json) {
        jdbc(c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE plugin_document SET body = ?, updated_at = ? WHERE plugin_id = ? AND collection = ? AND doc_key = ?")) {
                u.setString(1, json);
                u.setTimestamp(2, Timestamp.from(clock.instant()));
                u.setString(3, owner);
                u.setString(4, collection);
                u.setString(5, key);
                if (u.executeUpdate() == 0) {
                    try (PreparedStatement i = c.prepareStatement(
                            "INSERT INTO plugin_document (plugin_id, collection, doc_key, body, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                        i.setString(1, owner);
                        i.setString(2, collection);
                        i.setString(3, key);
                        i.setString(4, json);
                        i.setTimestamp(5, Timestamp.from(clock.instant()));
                        i.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Optional<String> get(String collection, String key) {
        return jdbc(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT body FROM plugin_document WHERE plugin_id = ? AND collection = ? AND doc_key = ?")) {
                q.setString(1, owner);
                q.setString(2, collection);
                q.setString(3, key);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public List<String> keys(String collection) {
        return jdbc(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT doc_key FROM plugin_document WHERE plugin_id = ? AND collection = ? ORDER BY doc_key")) {
                q.setString(1, owner);
                q.setString(2, collection);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean delete(String collection, String key) {
        return jdbc(c -> {
            try (PreparedStatement d = c.prepareStatement(
                    "DELETE FROM plugin_document WHERE plugin_id = ? AND collection = ? AND doc_key = ?")) {
                d.setString(1, owner);
                d.setString(2, collection);
                d.setString(3, key);
                return d.executeUpdate() > 0;
            }
        });
    }

    private <T> T jdbc(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("document store of '" + owner + "': " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
