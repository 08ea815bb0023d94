package org.hotline12345.knowledge.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Orders autocomplete candidates the same way for both backends: what the agent typed at the start of a title first,
 * then inside a title, then at the start of an alternative question, then inside one; within a rank the backend's
 * order (its relevance), then shorter texts.
 */
final class Autocomplete {

    /** An article a backend found for the typed text, in the backend's order. */
    record Candidate(long id, String slug, String title, List<String> questions) {
    }

    private record Ranked(Suggestion suggestion, int rank, int order) {
    }

    /** Candidates a backend fetches before ranking; enough that the best {@code limit} are among them. */
    static final int CANDIDATES = 50;

    private Autocomplete() {
    }

    static List<Suggestion> rank(String typed, List<Candidate> candidates, int limit) {
        String needle = normalize(typed);
        Map<Long, Ranked> best = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            Ranked ranked = rank(needle, candidate, i);
            best.merge(candidate.id(), ranked, (a, b) -> a.rank() <= b.rank() ? a : b);
        }
        List<Ranked> ordered = new ArrayList<>(best.values());
        ordered.sort(Comparator.comparingInt(Ranked::rank).thenComparingInt(Ranked::order)
                .thenComparingInt(r -> r.suggestion().text().length()));
        return ordered.stream().limit(limit).map(Ranked::suggestion).toList();
    }

    private static Ranked rank(String needle, Candidate candidate, int order) {
        String title = normalize(candidate.title());
        if (title.contains(needle)) {
            return new Ranked(suggestion(candidate, candidate.title(), false), title.startsWith(needle) ? 0 : 1,
                    order);
        }
        Ranked inQuestion = null;
        for (String question : candidate.questions()) {
            String normalized = normalize(question);
            if (normalized.contains(needle)) {
                int rank = normalized.startsWith(needle) ? 2 : 3;
                if (inQuestion == null || rank < inQuestion.rank()) {
                    inQuestion = new Ranked(suggestion(candidate, question, true), rank, order);
                }
            }
        }
        // the backend matched the typed words, though not as one run of text (spaces, punctuation)
        return inQuestion != null ? inQuestion : new Ranked(suggestion(candidate, candidate.title(), false), 4, order);
    }

    private static Suggestion suggestion(Candidate candidate, String text, boolean question) {
        return new Suggestion(candidate.id(), candidate.slug(), candidate.title(), text, question);
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
