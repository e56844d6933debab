package org.chorus.plugins.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalTest {

    @Test
    void theGoalStepsToTheNextRoundNumberAboveTheCount() {
        assertThat(Goal.nextStep(0)).isEqualTo(10);
        assertThat(Goal.nextStep(9)).isEqualTo(10);
        assertThat(Goal.nextStep(10)).isEqualTo(25);
        assertThat(Goal.nextStep(24)).isEqualTo(25);
        assertThat(Goal.nextStep(25)).isEqualTo(50);
        assertThat(Goal.nextStep(50)).isEqualTo(100);
        assertThat(Goal.nextStep(99)).isEqualTo(100);
        assertThat(Goal.nextStep(100)).isEqualTo(250);
        assertThat(Goal.nextStep(250)).isEqualTo(500);
        assertThat(Goal.nextStep(500)).isEqualTo(1_000);
        assertThat(Goal.nextStep(1_000)).isEqualTo(2_500);
        assertThat(Goal.nextStep(2_500)).isEqualTo(5_000);
        assertThat(Goal.nextStep(7_321)).isEqualTo(10_000);
        assertThat(Goal.nextStep(1_234_567)).isEqualTo(2_500_000);
        assertThat(Goal.nextStep(Long.MAX_VALUE - 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aGoalStaffSetCountsUntilItIsReachedThenTheGoalStepsOn() {
        assertThat(Goal.of(0, 300)).isEqualTo(300);
        assertThat(Goal.of(299, 300)).isEqualTo(300);
        assertThat(Goal.of(300, 300)).isEqualTo(500);
        assertThat(Goal.of(740, 300)).isEqualTo(1_000);
        assertThat(Goal.of(12, 0)).isEqualTo(25);
        assertThat(Goal.of(12, -5)).isEqualTo(25);
    }
}
