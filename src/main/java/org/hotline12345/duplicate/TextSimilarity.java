package org.hotline12345.duplicate;

import java.util.HashMap;
import java.util.Map;

/**
 * How alike two citizens' texts are, by their character bigrams: Chinese has no spaces between words, and two requests
 * about the same matter share most of their two-character words (小区, 噪音, 物业) whatever the wording around them.
 * The measure is the cosine of the bigram sets (each bigram counts once, however often it recurs: the shared bigrams
 * over the geometric mean of both texts' numbers of bigrams), 0 for nothing shared and 1 for the same bigrams. Counting
 * each once keeps a repeated run (a house number 100000, 哈哈哈哈) from outweighing the words; it needs no dictionary
 * and no model, so it runs on every keystroke's text.
 * <p>
 * Only letters and digits count (punctuation, spaces and the dataset's masking asterisks do not), and Latin letters are
 * compared in lower case.
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    /** The cosine similarity of the two texts' character bigram sets, from 0 to 1; 0 when either has no bigram. */
    public static double cosine(String first, String second) {
        return cosine(bigrams(first), bigrams(second));
    }

    /** The cosine similarity of the bigram sets of two profiles as {@link #bigrams} makes them. */
    public static double cosine(Map<String, Integer> first, Map<String, Integer> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return 0;
        }
        Map<String, Integer> smaller = first.size() <= second.size() ? first : second;
        Map<String, Integer> larger = smaller == first ? second : first;
        long shared = smaller.keySet().stream().filter(larger::containsKey).count();
        return shared / Math.sqrt((double) first.size() * second.size());
    }

    /** The Jaccard similarity of the two texts' sets of character bigrams, from 0 to 1. */
    public static double jaccard(String first, String second) {
        Map<String, Integer> a = bigrams(first);
        Map<String, Integer> b = bigrams(second);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.keySet().stream().filter(b::containsKey).count();
        return (double) shared / (a.size() + b.size() - shared);
    }

    /**
     * The text's character bigrams with their counts. Bigrams do not span a removed character, so that "物业，收费" does
     * not make "业收".
     */
    public static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> counts = new HashMap<>();
        if (text == null) {
            return counts;
        }
        int previous = -1;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!Character.isLetterOrDigit(codePoint)) {
                previous = -1;
                continue;
            }
            int current = Character.toLowerCase(codePoint);
            if (previous != -1) {
                counts.merge(new StringBuilder().appendCodePoint(previous).appendCodePoint(current).toString(), 1,
                        Integer::sum);
            }
            previous = current;
        }
        return counts;
    }
}
