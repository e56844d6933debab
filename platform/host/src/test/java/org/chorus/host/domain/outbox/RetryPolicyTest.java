package org.chorus.host.domain.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));
    final Instant now = Instant.parse("2026-03-04T14:00:00Z");

    @Test
    void theDelayDoublesPerAttemptUpToTheCap() {
        assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.delay(8)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delay(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterKeepsTheNextAttemptInTheUpperHalfOfTheDelay() {
        assertThat(policy.nextAttempt(3, now, 0.0)).isEqualTo(now.plusSeconds(60));
        assertThat(policy.nextAttempt(3, now, 0.5)).isEqualTo(now.plusSeconds(90));
        assertThat(policy.nextAttempt(3, now, 0.999999)).isBetween(now.plusSeconds(119), now.plusSeconds(120));
    }

    @Test
    void theLastAllowedAttemptExhaustsThePolicy() {
        assertThat(policy.exhausted(7)).isFalse();
        assertThat(policy.exhausted(8)).isTrue();
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
