package org.hotline12345.duplicate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline12345.workorder.RelatedWorkOrders.Candidate;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * Which of the earlier work orders sharing the request's phone, place or enterprise are offered, and in what order:
 * plain Java, so that the rule is tested without the service.
 * <p>
 * The same phone or the same enterprise is offered as it is (the agent sees the caller's or the enterprise's open
 * matters); the same place only with the same category (when the agent chose one) and a text at least
 * {@code threshold} similar, since a street has many unrelated requests. Open work orders come first (a repeat about
 * an unresolved matter is what merging and linking are for), then the most similar, then the newest.
 */
public final class DuplicateRanking {

    /** An offered work order with why it is offered and how similar its text is. */
    public record Ranked(Candidate candidate, Set<DuplicateReason> reasons, double similarity) {

        public boolean open() {
            return candidate.status() != WorkOrderStatus.CLOSED;
        }
    }

    private DuplicateRanking() {
    }

    /**
     * @param text the request's title and content as typed
     * @param categoryCode the category chosen, {@code null} when none yet
     */
    public static List<Ranked> rank(String text, String categoryCode, List<Candidate> candidates, double threshold,
            int limit) {
        Map<String, Integer> typed = TextSimilarity.bigrams(text);
        List<Ranked> offered = new ArrayList<>();
        for (Candidate candidate : candidates) {
            double similarity = TextSimilarity.cosine(typed,
                    TextSimilarity.bigrams(candidate.title() + " " + candidate.content()));
            Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
            if (candidate.samePhone()) {
                reasons.add(DuplicateReason.SAME_PHONE);
            }
            if (candidate.sameEnterprise()) {
                reasons.add(DuplicateReason.SAME_ENTERPRISE);
            }
            boolean sameCategory = categoryCode == null || categoryCode.equals(candidate.categoryCode());
            if (candidate.samePlace() && sameCategory && similarity >= threshold) {
                reasons.add(DuplicateReason.SIMILAR_TEXT);
            }
            if (!reasons.isEmpty()) {
                offered.add(new Ranked(candidate, reasons, similarity));
            }
        }
        return offered.stream()
                .sorted(Comparator.comparing(Ranked::open).reversed()
                        .thenComparing(Comparator.comparingDouble(Ranked::similarity).reversed())
                        .thenComparing(ranked -> ranked.candidate().registeredAt(), Comparator.reverseOrder()))
                .limit(limit).toList();
    }
}
