package org.chorus.plugins.scorecards;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A legislator's record: co-sponsorships, votes and positions staff recorded. UNKNOWN is a value of its own. */
final class Records {

    private Records() {
    }

    /** On a bill. */
    enum Sponsorship {
        SPONSOR, COSPONSOR, NOT_COSPONSOR, UNKNOWN;

        boolean signedOn() {
            return this == SPONSOR || this == COSPONSOR;
        }
    }

    /** On a roll call. NOT_IN_OFFICE: not a member when it was taken (never counted). */
    enum Vote {
        YES, NO, NOT_VOTING, NOT_IN_OFFICE, UNKNOWN;

        Vote opposite() {
            return this == YES ? NO : this == NO ? YES : this;
        }
    }

    /** What staff know of a legislator's position on a bill (e.g. a signed pledge). */
    enum Position { SUPPORTS, OPPOSES, UNKNOWN }

    /** Where a record came from: the Progressive Massachusetts import, a CSV upload, or a staff edit. */
    static final String PM = "pm";
    static final String CSV = "csv";
    static final String STAFF = "staff";

    /** A value with where and when it came from. */
    record Recorded<T>(T value, String source, Instant updatedAt, String updatedBy, String note) {
    }

    /** Reads the values people type ("co-sponsor", "not voting", "NV", "+"…); empty when it is none of them. */
    static Optional<Sponsorship> sponsorship(String text) {
        return switch (normal(text)) {
            case "sponsor", "lead-sponsor" -> Optional.of(Sponsorship.SPONSOR);
            case "cosponsor", "cosponsored", "yes", "true", "x" -> Optional.of(Sponsorship.COSPONSOR);
            case "not-cosponsor", "not-cosponsored", "no", "false", "none" -> Optional.of(Sponsorship.NOT_COSPONSOR);
            case "unknown", "?" -> Optional.of(Sponsorship.UNKNOWN);
            default -> Optional.empty();
        };
    }

    static Optional<Vote> vote(String text) {
        return switch (normal(text)) {
            case "yes", "y", "yea", "aye" -> Optional.of(Vote.YES);
            case "no", "n", "nay" -> Optional.of(Vote.NO);
            case "not-voting", "nv", "absent", "present" -> Optional.of(Vote.NOT_VOTING);
            case "not-in-office", "n/a", "na" -> Optional.of(Vote.NOT_IN_OFFICE);
            case "unknown", "?" -> Optional.of(Vote.UNKNOWN);
            default -> Optional.empty();
        };
    }

    static Optional<Position> position(String text) {
        return switch (normal(text)) {
            case "supports", "support", "pledged", "pledge" -> Optional.of(Position.SUPPORTS);
            case "opposes", "oppose" -> Optional.of(Position.OPPOSES);
            case "unknown", "?" -> Optional.of(Position.UNKNOWN);
            default -> Optional.empty();
        };
    }

    /** "Not voting" → "not-voting", "co-sponsor" → "cosponsor", "NOT_COSPONSOR" → "not-cosponsor". */
    static String normal(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replaceAll("\\s+", "-");
        return t.replace("co-sponsor", "cosponsor");
    }

    /** The value as files write it: lower case with hyphens ("not-cosponsor"). */
    static String write(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
