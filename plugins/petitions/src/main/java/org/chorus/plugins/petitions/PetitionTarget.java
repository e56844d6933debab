package org.chorus.plugins.petitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.DivisionInfo;
import org.chorus.api.TargetDirectory;
import org.chorus.api.TargetInfo;

/**
 * Someone the petition is delivered to: a free-text target from the settings ({@code t0}, {@code t1}, …) or a
 * target from the host's directory ({@code d<id>}).
 *
 * @param divisionOcdId the district the target represents, when known: its constituents are listed first
 */
record PetitionTarget(String key, String name, String email, Long targetId, String divisionOcdId, String divisionName) {

    boolean hasDistrict() {
        return divisionOcdId != null && !divisionOcdId.isBlank();
    }

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** Every target of a petition, in settings order, each once. */
    static List<PetitionTarget> all(PetitionSettings s, TargetDirectory directory) {
        Map<String, PetitionTarget> out = new LinkedHashMap<>();
        for (int i = 0; i < s.targets().size(); i++) {
            PetitionSettings.FreeTarget t = s.targets().get(i);
            String division = t.division().isBlank() ? null : t.division();
            String divisionName = division == null ? null
                    : directory.division(division).map(DivisionInfo::name).orElse(division);
            out.put("t" + i, new PetitionTarget("t" + i, t.name(), t.email(), null, division, divisionName));
        }
        List<TargetInfo> listed = new ArrayList<>();
        for (String externalId : s.directoryTargets()) {
            directory.targetByExternalId(externalId).ifPresent(listed::add);
        }
        if (!s.directoryChambers().isEmpty()) {
            for (TargetInfo t : directory.sittingTargets()) {
                if (s.directoryChambers().contains(t.chamber())) {
                    listed.add(t);
                }
            }
        }
        for (TargetInfo t : listed) {
            String display = (t.title() == null || t.title().isBlank() ? "" : t.title() + " ") + t.name();
            out.putIfAbsent("d" + t.id(), new PetitionTarget("d" + t.id(), display, t.email(), t.id(), t.divisionOcdId(),
                    t.divisionName()));
        }
        return List.copyOf(out.values());
    }

    static Optional<PetitionTarget> find(List<PetitionTarget> targets, String key) {
        return targets.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
