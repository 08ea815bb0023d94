package org.hotline12345.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonTailTest {

    @Test
    void theUpperTailMatchesTheDistribution() {
        // P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2)
        assertThat(PoissonTail.atLeast(3, 1)).isCloseTo(1 - Math.exp(-1) * 2.5, within(1e-12));
        // P(X >= 1 | 2) = 1 - e^-2
        assertThat(PoissonTail.atLeast(1, 2)).isCloseTo(1 - Math.exp(-2), within(1e-12));
        // P(X >= 10 | 2), summed by hand: 1 - sum_{i<10} e^-2 2^i / i!
        double below = 0;
        double factorial = 1;
        for (int i = 0; i < 10; i++) {
            factorial *= Math.max(1, i);
            below += Math.exp(-2) * Math.pow(2, i) / factorial;
        }
        assertThat(PoissonTail.atLeast(10, 2)).isCloseTo(1 - below, within(1e-12));
    }

    @Test
    void edgesAndLargeMeans() {
        assertThat(PoissonTail.atLeast(0, 5)).isEqualTo(1);
        assertThat(PoissonTail.atLeast(1, 0)).isZero();
        // a city's day: 3000 against 2500 is far out in the tail, 2500 against 2500 about even
        assertThat(PoissonTail.atLeast(3000, 2500)).isPositive().isLessThan(1e-20);
        assertThat(PoissonTail.atLeast(2500, 2500)).isBetween(0.49, 0.52);
    }
}
