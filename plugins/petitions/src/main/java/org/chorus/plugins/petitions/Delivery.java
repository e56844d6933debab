package org.chorus.plugins.petitions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one target receives: the petition and its signers, the target's own constituents first when the target
 * has a district. Rendered as a printable PDF ({@link SignaturePdf}) or summarised in an e-mail (the outbox takes
 * no attachments).
 *
 * @param text      the petition text, plain
 * @param sections  signers grouped for the target, each oldest first; hidden comments already blanked
 */
record Delivery(String title, String text, String organization, PetitionTarget target, Instant at,
                List<Section> sections) {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** @param inDistrict the signers of this section live in the target's district */
    record Section(String heading, boolean inDistrict, List<Signature> signatures) {
    }

    /**
     * @param signatures every signature, oldest first (deleted people are left out: they asked to be forgotten)
     */
    static Delivery of(String title, String text, String organization, PetitionTarget target, Instant at,
                       List<Signature> signatures, Set<Long> hiddenComments, Constituency constituency) {
        List<Signature> in = new ArrayList<>();
        List<Signature> maybe = new ArrayList<>();
        List<Signature> out = new ArrayList<>();
        for (Signature s : signatures) {
            if (s.deleted()) {
                continue;
            }
            Signature shown = hiddenComments.contains(s.id())
                    ? new Signature(s.id(), s.signedAt(), s.sourceCode(), s.supporter(), s.anonymous(), "", s.language())
                    : s;
            switch (target.hasDistrict() ? constituency.of(s, target.divisionOcdId()) : Constituency.Place.OUT) {
                case IN -> in.add(shown);
                case MAYBE -> maybe.add(shown);
                default -> out.add(shown);
            }
        }
        List<Section> sections = new ArrayList<>();
        if (target.hasDistrict()) {
            String district = target.divisionName() == null ? target.divisionOcdId() : target.divisionName();
            sections.add(new Section("Constituents in " + district, true, in));
            if (!maybe.isEmpty()) {
                sections.add(new Section("Signers from towns partly in " + district, false, maybe));
            }
            sections.add(new Section("Other signers", false, out));
        } else {
            sections.add(new Section("Signers", false, out));
        }
        return new Delivery(title, text, organization, target, at, sections);
    }

    int total() {
        return sections.stream().mapToInt(s -> s.signatures().size()).sum();
    }

    int constituents() {
        return sections.stream().filter(Section::inDistrict).mapToInt(s -> s.signatures().size()).sum();
    }

    /** Signers per town, most first (then by name), for the summary. */
    Map<String, Integer> towns(boolean constituentsOnly) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Section section : sections) {
            if (constituentsOnly && !section.inDistrict()) {
                continue;
            }
            for (Signature s : section.signatures()) {
                counts.merge(s.town().isBlank() ? "(town not given)" : s.town(), 1, Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    String subject() {
        return "Petition: " + title + " (" + total() + (total() == 1 ? " signature)" : " signatures)");
    }

    /**
     * The e-mail to the target: counts, the text and the towns; no links and no attachment (the host outbox sends
     * plain text only), so the full list goes on paper or on request.
     */
    String summary() {
        StringBuilder b = new StringBuilder();
        b.append("Dear ").append(target.name()).append(",\n\n");
        b.append(total()).append(total() == 1 ? " person has" : " people have").append(" signed the petition \"")
                .append(title).append("\"");
        if (target.hasDistrict()) {
            b.append(", ").append(constituents()).append(" of them from your district (")
                    .append(target.divisionName() == null ? target.divisionOcdId() : target.divisionName()).append(")");
        }
        b.append(", as of ").append(DATE.format(at)).append(".\n\nThe petition reads:\n\n").append(text.strip()).append("\n\n");
        Map<String, Integer> towns = towns(target.hasDistrict());
        if (!towns.isEmpty()) {
            b.append(target.hasDistrict() ? "Your constituents who signed, by town:\n" : "Signers by town:\n");
            int shown = 0;
            for (Map.Entry<String, Integer> e : towns.entrySet()) {
                if (shown++ == 25) {
                    b.append("  and ").append(towns.size() - 25).append(" more towns\n");
                    break;
                }
                b.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
            b.append('\n');
        }
        b.append("We will gladly hand you the full list of signers, with their names and towns, in print or on ")
                .append("request: reply to this message.\n\n").append(organization).append('\n');
        return b.toString();
    }
}
