package org.hotline12345.knowledge.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of words that mean the same to callers (社保 and 社会保险), in Solr's equivalence format: one group per line,
 * comma-separated, {@code #} starts a comment. Applied when searching, so that changing the list needs no reindex.
 */
public final class Synonyms {

    private final Map<String, List<String>> groupOf;

    private Synonyms(Map<String, List<String>> groupOf) {
        this.groupOf = groupOf;
    }

    public static Synonyms parse(Collection<String> lines) {
        Map<String, List<String>> groupOf = new HashMap<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (content.isBlank()) {
                continue;
            }
            if (content.contains("=>")) {
                throw new IllegalArgumentException(
                        "synonyms line " + lineNumber + ": only equivalence groups (a, b, c) are supported");
            }
            Set<String> words = new LinkedHashSet<>();
            Arrays.stream(content.split(",")).map(String::strip).filter(w -> !w.isEmpty())
                    .map(String::toLowerCase).forEach(words::add);
            if (words.size() < 2) {
                throw new IllegalArgumentException("synonyms line " + lineNumber + ": a group needs two words");
            }
            for (String word : words) {
                List<String> merged = new ArrayList<>(groupOf.getOrDefault(word, List.of()));
                words.stream().filter(w -> !merged.contains(w)).forEach(merged::add);
                groupOf.put(word, List.copyOf(merged));
            }
        }
        return new Synonyms(Map.copyOf(groupOf));
    }

    public static Synonyms none() {
        return new Synonyms(Map.of());
    }

    /** The other words of the word's group; empty when it has none. */
    public List<String> alternativesTo(String word) {
        return groupOf.getOrDefault(word, List.of()).stream().filter(w -> !w.equals(word)).toList();
    }

    /** Every word that belongs to a group. */
    public Set<String> words() {
        return groupOf.keySet();
    }
}
