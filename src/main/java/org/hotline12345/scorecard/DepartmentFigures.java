package org.hotline12345.scorecard;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.hotline12345.stats.Rates.Rate;

/**
 * A department's figures for a period: its volume and each indicator's count of its base.
 *
 * @param volume the work orders dispatched to it in the period, less those excluded
 * @param excluded the work orders taken out of its figures by upheld appeals (申诉)
 * @param rates per indicator; 督办件数 is the count of the work orders supervised, of the volume
 */
public record DepartmentFigures(long volume, long excluded, Map<Indicator, Rate> rates) {

    /** Counts the cases that are not excluded. */
    public static DepartmentFigures of(Collection<DepartmentCase> cases, long excluded) {
        Map<Indicator, Rate> rates = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            long count = 0;
            long base = 0;
            for (DepartmentCase c : cases) {
                Boolean counts = c.counts(indicator);
                if (counts != null) {
                    base++;
                    if (counts) {
                        count++;
                    }
                }
            }
            rates.put(indicator, Rate.of(count, base));
        }
        return new DepartmentFigures(cases.size(), excluded, rates);
    }

    public Rate rate(Indicator indicator) {
        return rates.get(indicator);
    }
}
