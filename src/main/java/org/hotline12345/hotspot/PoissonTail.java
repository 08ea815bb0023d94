package org.hotline12345.hotspot;

/**
 * The upper tail of the Poisson distribution, P(X ≥ k) for a mean λ: how likely a count at least this high is when the
 * requests arrive as they used to. Summed in logarithms, so that means of thousands (a city's day) do not underflow.
 */
public final class PoissonTail {

    /** Terms smaller than this share of the sum so far end the summation. */
    private static final double NEGLIGIBLE = 1e-17;

    private PoissonTail() {
    }

    /** P(X ≥ k) for X ~ Poisson(mean); 1 for k ≤ 0, and for a mean of 0 it is 0 for any k ≥ 1. */
    public static double atLeast(long k, double mean) {
        if (mean < 0 || Double.isNaN(mean)) {
            throw new IllegalArgumentException("a Poisson mean is not negative: " + mean);
        }
        if (k <= 0) {
            return 1;
        }
        if (mean == 0) {
            return 0;
        }
        double logMean = Math.log(mean);
        if (k <= mean) {
            // the tail holds most of the mass: 1 minus the few terms below k, each from the one before
            double logTerm = -mean;
            double below = 0;
            for (long i = 0; i < k; i++) {
                if (i > 0) {
                    logTerm += logMean - Math.log(i);
                }
                below += Math.exp(logTerm);
            }
            return Math.max(0, 1 - below);
        }
        double logTerm = -mean;
        for (long i = 1; i <= k; i++) {
            logTerm += logMean - Math.log(i);
        }
        double sum = 0;
        for (long i = k;; i++) {
            if (i > k) {
                logTerm += logMean - Math.log(i);
            }
            double term = Math.exp(logTerm);
            sum += term;
            if (term <= sum * NEGLIGIBLE || term == 0) {
                return Math.min(1, sum);
            }
        }
    }
}
