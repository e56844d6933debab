package org.chorus.host.application.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.chorus.host.domain.outbox.OutboxState;

/**
 * A campaign's results, each figure aggregated by the database in one query (nothing is loaded row by row), in SQL
 * that H2 and PostgreSQL both run unchanged. Days are calendar days of the stored timestamps, i.e. in the
 * server's time zone.
 */
public final class CampaignResults {

    /** Actions taken on one day. */
    public record Day(LocalDate day, long actions) {
    }

    /** Actions that came in with one source code ({@code null}: none, i.e. direct visits). */
    public record Source(String sourceCode, long actions) {
    }

    /** Actions per campaign action (one campaign can have several: a letter, a petition...). */
    public record PerAction(String actionKey, String actionType, String title, long actions) {
    }

    /**
     * One legislator's line of the constituent-pressure table.
     *
     * @param constituents people who wrote to this target (a deleted supporter counts once per action they took)
     * @param sent         letters delivered
     * @param pending      letters queued, being sent or waiting for a retry
     * @param dead         letters that could not be delivered
     */
    public record Pressure(long targetId, String name, String title, String party, String chamber, String district,
                           long constituents, long sent, long pending, long dead) {
    }

    /** Median seconds from landing on the page to taking an action, over the actions where both are known. */
    public record Median(Double seconds, long measured) {
    }

    /** @param supporters distinct people (a deleted supporter counts once per action they took) */
    public record Totals(long actions, long supporters) {
    }

    private final DataSource ds;

    public CampaignResults(DataSource ds) {
        this.ds = ds;
    }

    private static final String OF_CAMPAIGN = " FROM action_record ar JOIN campaign_action ca ON ca.id = ar.campaign_action_id"
            + " WHERE ca.campaign_id = ?";

    public Totals totals(long campaignId) {
        return StaffSecurity.Jdbc.query(ds, "SELECT COUNT(*), COUNT(DISTINCT ar.supporter_id)"
                        + " + SUM(CASE WHEN ar.supporter_id IS NULL THEN 1 ELSE 0 END)" + OF_CAMPAIGN,
                ps -> ps.setLong(1, campaignId), rs -> new Totals(rs.getLong(1), rs.getLong(2))).get(0);
    }

    /** Days that had actions, oldest first (days without any are not in the list; see {@link #fillDays}). */
    public List<Day> perDay(long campaignId) {
        return StaffSecurity.Jdbc.query(ds, "SELECT CAST(ar.created_at AS DATE) AS d, COUNT(*)" + OF_CAMPAIGN
                        + " GROUP BY CAST(ar.created_at AS DATE) ORDER BY d",
                ps -> ps.setLong(1, campaignId), rs -> new Day(rs.getDate(1).toLocalDate(), rs.getLong(2)));
    }

    /**
     * The days from the first to the last with actions, with zeros for quiet days, at most {@code maxDays} (the most
     * recent ones), so a chart's time axis is even.
     */
    public static List<Day> fillDays(List<Day> days, int maxDays) {
        if (days.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Long> byDay = new java.util.HashMap<>();
        days.forEach(d -> byDay.put(d.day(), d.actions()));
        LocalDate last = days.get(days.size() - 1).day();
        LocalDate first = days.get(0).day();
        if (first.plusDays(maxDays - 1L).isBefore(last)) {
            first = last.minusDays(maxDays - 1L);
        }
        List<Day> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(new Day(d, byDay.getOrDefault(d, 0L)));
        }
        return out;
    }

    /** Source codes by number of actions, most first. */
    public List<Source> bySource(long campaignId) {
        return StaffSecurity.Jdbc.query(ds, "SELECT ar.source_code, COUNT(*) AS n" + OF_CAMPAIGN
                        + " GROUP BY ar.source_code ORDER BY n DESC, ar.source_code NULLS LAST",
                ps -> ps.setLong(1, campaignId), rs -> new Source(rs.getString(1), rs.getLong(2)));
    }

    public List<PerAction> byAction(long campaignId) {
        return StaffSecurity.Jdbc.query(ds, "SELECT ca.action_key, ca.action_type, ca.title, COUNT(ar.id)"
                        + " FROM campaign_action ca LEFT JOIN action_record ar ON ar.campaign_action_id = ca.id"
                        + " WHERE ca.campaign_id = ? GROUP BY ca.id, ca.action_key, ca.action_type, ca.title, ca.position"
                        + " ORDER BY ca.position, ca.action_key",
                ps -> ps.setLong(1, campaignId), rs -> new PerAction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    /**
     * The constituent-pressure table: for each legislator written to on this campaign, how many constituents
     * wrote and what became of their letters; most pressure first. Repeats skipped within the repeat window and
     * letters cancelled by a privacy request still show the person as having written, never as a letter sent.
     */
    public List<Pressure> pressure(long campaignId) {
        return StaffSecurity.Jdbc.query(ds, "SELECT t.id, t.name, t.title, t.party, t.chamber, d.name,"
                        + " COUNT(DISTINCT m.supporter_id) + COUNT(DISTINCT CASE WHEN m.supporter_id IS NULL THEN m.action_record_id END) AS constituents,"
                        + " SUM(CASE WHEN m.state = 'SENT' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN m.state IN ('QUEUED', 'SENDING', 'FAILED') THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN m.state = 'DEAD' THEN 1 ELSE 0 END)"
                        + " FROM outbox_message m JOIN target t ON t.id = m.target_id LEFT JOIN division d ON d.id = t.division_id"
                        + " WHERE m.campaign_id = ? AND m.kind = 'LETTER'"
                        + " GROUP BY t.id, t.name, t.title, t.party, t.chamber, d.name"
                        + " ORDER BY constituents DESC, t.chamber, d.name NULLS LAST, t.name",
                ps -> ps.setLong(1, campaignId), rs -> new Pressure(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
    }

    /** The campaign's letters per delivery state (every state present, zero when none). */
    public Map<OutboxState, Long> deliveryStates(long campaignId) {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0L);
        }
        StaffSecurity.Jdbc.query(ds, "SELECT state, COUNT(*) FROM outbox_message WHERE campaign_id = ? AND kind = 'LETTER'"
                + " GROUP BY state", ps -> ps.setLong(1, campaignId), rs -> counts.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    /**
     * The median time from landing on the campaign page to taking the action. Actions without a landing time (no
     * form timestamp, e.g. an API client) and impossible ones (landing after the action: a wrong clock) are left out.
     */
    public Median medianLandingToAction(long campaignId) {
        return StaffSecurity.Jdbc.query(ds, "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP"
                        + " (ORDER BY EXTRACT(EPOCH FROM (ar.created_at - ar.landed_at))), COUNT(*)" + OF_CAMPAIGN
                        + " AND ar.landed_at IS NOT NULL AND ar.landed_at <= ar.created_at",
                ps -> ps.setLong(1, campaignId), rs -> {
                    double v = rs.getDouble(1);
                    return new Median(rs.wasNull() ? null : v, rs.getLong(2));
                }).get(0);
    }

    /** A campaign id by slug, whatever its status. */
    public Optional<Long> campaignId(String slug) {
        return StaffSecurity.Jdbc.query(ds, "SELECT id FROM campaign WHERE slug = ?", ps -> ps.setString(1, slug),
                rs -> rs.getLong(1)).stream().findFirst();
    }
}
