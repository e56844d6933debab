package org.chorus.plugins.petitions;

/**
 * The number a petition's thermometer aims at.
 *
 * <p>Rule: a goal staff set counts while the petition is below it. Otherwise (no goal set, or the set goal reached)
 * the goal is the next round number strictly above the count, from the series 10, 25, 50, 100, 250, 500, 1,000,
 * 2,500, 5,000, … (1, 2.5 and 5 times a power of ten, from 10 on), so the bar is never full and the next step is
 * always in sight: 0 → 10, 10 → 25, 99 → 100, 100 → 250, 2,500 → 5,000.
 */
public final class Goal {

    private Goal() {
    }

    /** @param staffGoal the goal staff set, or 0 (or less) for none */
    public static long of(long count, long staffGoal) {
        return staffGoal > count ? staffGoal : nextStep(count);
    }

    /** The smallest round number of the series that is greater than {@code count}. */
    public static long nextStep(long count) {
        for (long power = 10; power <= Long.MAX_VALUE / 5; power *= 10) {
            for (long step : new long[] {power, power * 5 / 2, power * 5}) {
                if (step > count) {
                    return step;
                }
            }
            if (power > Long.MAX_VALUE / 10) {
                break;
            }
        }
        return Long.MAX_VALUE;
    }
}
