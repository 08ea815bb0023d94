package org.hotline12345.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline12345.category.CategoryView;
import org.hotline12345.dispatch.DispatchSuggestion.CategoryGuess;

/**
 * Categories guessed from their names before a category model is trained, so that a fresh system's assistant still
 * proposes some: a name scores its character pairs found in the text, weighed by the share of its pairs they are (so
 * that 物业服务收费, four of five pairs in 小区物业乱收费，上调物业服务费, beats 乱收费, two of two); a leaf adds half its
 * parent's score. Confidences are the scores' shares among the guesses.
 */
final class CategoryNameMatch {

    /** A leaf must share at least this much of its own name with the text, not only its parent's. */
    private static final double MIN_OWN = 0.25;

    private CategoryNameMatch() {
    }

    static List<CategoryGuess> guess(String text, List<CategoryView> categories, int limit) {
        Set<String> pairs = pairs(text);
        Map<String, CategoryView> byCode = categories.stream()
                .collect(Collectors.toMap(CategoryView::code, Function.identity()));
        record Scored(CategoryView category, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (CategoryView category : categories) {
            if (!category.active() || category.level() != 3) {
                continue;
            }
            Set<String> own = pairs(category.name());
            long found = own.stream().filter(pairs::contains).count();
            if (own.isEmpty() || found < MIN_OWN * own.size()) {
                continue;
            }
            CategoryView parent = category.parentCode() == null ? null : byCode.get(category.parentCode());
            scored.add(new Scored(category,
                    score(own, pairs) + (parent == null ? 0 : score(pairs(parent.name()), pairs) / 2)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.category().code()));
        List<Scored> top = scored.stream().limit(limit).toList();
        double total = top.stream().mapToDouble(Scored::score).sum();
        return top.stream().map(s -> new CategoryGuess(s.category().code(), s.category().name(),
                s.category().path(), s.score() / total)).toList();
    }

    /** The pairs found, weighed by the share of the name's pairs they are. */
    private static double score(Set<String> name, Set<String> textPairs) {
        if (name.isEmpty()) {
            return 0;
        }
        long found = name.stream().filter(textPairs::contains).count();
        return found * (found / (double) name.size());
    }

    private static Set<String> pairs(String text) {
        Set<String> pairs = new HashSet<>();
        int[] points = text.codePoints().filter(Character::isLetterOrDigit).toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            pairs.add(new String(points, i, 2));
        }
        return pairs;
    }
}
