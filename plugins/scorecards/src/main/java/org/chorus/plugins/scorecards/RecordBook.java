package org.chorus.plugins.scorecards;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chorus.plugins.scorecards.Records.Position;
import org.chorus.plugins.scorecards.Records.Recorded;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Records.Vote;

/** The records of one session (or of one person in it), as read from the database in one go. */
final class RecordBook {

    private final Map<Long, Map<String, Recorded<Sponsorship>>> sponsorships = new HashMap<>();
    private final Map<Long, Map<String, Recorded<Vote>>> votes = new HashMap<>();
    private final Map<Long, Map<String, Recorded<Position>>> positions = new HashMap<>();
    private final Map<String, Map<String, Integer>> votesByChamber = new HashMap<>();

    void putSponsorship(long billId, String person, Recorded<Sponsorship> r) {
        sponsorships.computeIfAbsent(billId, k -> new HashMap<>()).put(person, r);
    }

    void putVote(long rollCallId, String chamber, String person, Recorded<Vote> r) {
        votes.computeIfAbsent(rollCallId, k -> new HashMap<>()).put(person, r);
        if (r.value() != Vote.NOT_IN_OFFICE && r.value() != Vote.UNKNOWN) {
            votesByChamber.computeIfAbsent(person, k -> new HashMap<>()).merge(chamber, 1, Integer::sum);
        }
    }

    void putPosition(long billId, String person, Recorded<Position> r) {
        positions.computeIfAbsent(billId, k -> new HashMap<>()).put(person, r);
    }

    Sponsorship sponsorship(long billId, String person) {
        Recorded<Sponsorship> r = sponsorshipRecord(billId, person);
        return r == null ? Sponsorship.UNKNOWN : r.value();
    }

    Recorded<Sponsorship> sponsorshipRecord(long billId, String person) {
        return sponsorships.getOrDefault(billId, Map.of()).get(person);
    }

    Vote vote(long rollCallId, String person) {
        Recorded<Vote> r = voteRecord(rollCallId, person);
        return r == null ? Vote.UNKNOWN : r.value();
    }

    Recorded<Vote> voteRecord(long rollCallId, String person) {
        return votes.getOrDefault(rollCallId, Map.of()).get(person);
    }

    Position position(long billId, String person) {
        Recorded<Position> r = positionRecord(billId, person);
        return r == null ? Position.UNKNOWN : r.value();
    }

    Recorded<Position> positionRecord(long billId, String person) {
        return positions.getOrDefault(billId, Map.of()).get(person);
    }

    /**
     * The chamber a person sat in during the session, by the roll calls they voted in (a member who moved from the
     * House to the Senate is scored where most of their votes were); {@code otherwise} when they cast none.
     */
    String chamberOf(String person, String otherwise) {
        Map<String, Integer> counts = votesByChamber.get(person);
        if (counts == null || counts.isEmpty()) {
            return otherwise;
        }
        int upper = counts.getOrDefault("upper", 0);
        int lower = counts.getOrDefault("lower", 0);
        if (upper == lower) {
            return otherwise;
        }
        return upper > lower ? "upper" : "lower";
    }

    /** Everyone with any record in the book, sorted. */
    Set<String> people() {
        Set<String> out = new TreeSet<>();
        sponsorships.values().forEach(m -> out.addAll(m.keySet()));
        votes.values().forEach(m -> out.addAll(m.keySet()));
        positions.values().forEach(m -> out.addAll(m.keySet()));
        return out;
    }

    /** How many people co-sponsor (or sponsor) a bill, and how many are recorded as not. */
    Map<Sponsorship, Integer> sponsorshipCounts(long billId) {
        Map<Sponsorship, Integer> out = new HashMap<>();
        sponsorships.getOrDefault(billId, Map.of()).values().forEach(r -> out.merge(r.value(), 1, Integer::sum));
        return out;
    }
}
