package org.chorus.plugins.scorecards;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorus.api.DivisionInfo;
import org.chorus.api.TargetDirectory;
import org.chorus.api.TargetInfo;

/** The host's target directory over a list of targets, as tests give it (sitting and former). */
final class Directory implements TargetDirectory {

    final List<TargetInfo> targets = new ArrayList<>();

    Directory(List<TargetInfo> targets) {
        this.targets.addAll(targets);
    }

    @Override
    public List<DivisionInfo> divisions(String kind) {
        return List.of();
    }

    @Override
    public Optional<DivisionInfo> division(String ocdId) {
        return Optional.empty();
    }

    @Override
    public List<TargetInfo> sittingTargets(String divisionOcdId) {
        return targets.stream().filter(t -> t.sitting() && divisionOcdId.equals(t.divisionOcdId())).toList();
    }

    @Override
    public Optional<TargetInfo> target(long id) {
        return targets.stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public Optional<TargetInfo> targetByExternalId(String externalId) {
        return targets.stream().filter(t -> externalId.equals(t.externalId())).findFirst();
    }

    @Override
    public List<TargetInfo> sittingTargets() {
        return targets.stream().filter(TargetInfo::sitting).toList();
    }

    @Override
    public List<TargetInfo> allTargets() {
        return List.copyOf(targets);
    }
}
