package org.chorus.host.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.chorus.api.action.ActionLedger;
import org.chorus.api.action.RecordedAction;
import org.chorus.api.action.SupporterDetails;
import org.chorus.host.infrastructure.json.Json;

/**
 * A plugin's read-only view of the action records of its own campaign actions, in plain JDBC so an export can stream
 * rows without loading entities. {@code ownsType} answers whether the calling plugin provides an action type id; a
 * campaign action of another type reads as empty, so plugins cannot read each other's supporters.
 */
public final class JdbcActionLedger implements ActionLedger {

    private static final String SELECT = "SELECT r.id, r.created_at, r.source_code, r.payload_json, s.email, s.first_name,"
            + " s.last_name, s.street, s.town, s.postal_code FROM action_record r LEFT JOIN supporter s ON s.id = r.supporter_id"
            + " WHERE r.campaign_action_id = ?";

    private final DataSource dataSource;
    private final Predicate<String> ownsType;

    public JdbcActionLedger(DataSource dataSource, Predicate<String> ownsType) {
        this.dataSource = dataSource;
        this.ownsType = ownsType;
    }

    @Override
    public long count(long campaignActionId) {
        return query(campaignActionId, "SELECT COUNT(*) FROM action_record WHERE campaign_action_id = ?", 0, rs -> {
            rs.next();
            return rs.getLong(1);
        }, 0L);
    }

    @Override
    public List<RecordedAction> latest(long campaignActionId, int limit) {
        return query(campaignActionId, SELECT + " ORDER BY r.created_at DESC, r.id DESC", Math.max(1, limit), rs -> {
            List<RecordedAction> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        }, List.of());
    }

    @Override
    public void forEach(long campaignActionId, Consumer<RecordedAction> each) {
        query(campaignActionId, SELECT + " ORDER BY r.created_at, r.id", 0, rs -> {
            while (rs.next()) {
                each.accept(row(rs));
            }
            return null;
        }, null);
    }

    @Override
    public long messagesTo(long targetId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_message WHERE target_id = ?"
                     + " AND kind = 'LETTER' AND state <> 'SKIPPED'")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count letters to target " + targetId, e);
        }
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(long campaignActionId, String sql, int maxRows, Reader<T> reader, T notOwned) {
        try (Connection c = dataSource.getConnection()) {
            if (!owned(c, campaignActionId)) {
                return notOwned;
            }
            // PostgreSQL streams with a fetch size only inside a transaction.
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(500);
                if (maxRows > 0) {
                    ps.setMaxRows(maxRows);
                }
                ps.setLong(1, campaignActionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(rs);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the records of campaign action " + campaignActionId, e);
        }
    }

    private boolean owned(Connection c, long campaignActionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT action_type FROM campaign_action WHERE id = ?")) {
            ps.setLong(1, campaignActionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && ownsType.test(rs.getString(1));
            }
        }
    }

    private static RecordedAction row(ResultSet rs) throws SQLException {
        String email = rs.getString(5);
        SupporterDetails supporter = email == null ? null : new SupporterDetails(email, rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), Map.of());
        return new RecordedAction(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                supporter, Json.readObject(rs.getString(4)));
    }
}
