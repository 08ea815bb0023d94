package org.hotline12345.knowledge.search;

import java.util.List;

/**
 * How the Elasticsearch index analyses Chinese: with the IK plugin ({@code ik_max_word} for indexing, {@code ik_smart}
 * for queries, the knowledge base's dictionary installed into the plugin) or, where the plugin is missing, with a
 * configured fallback chain of analysis components that every distribution has.
 *
 * @param mode whether to use IK, the fallback, or IK when the server has it
 * @param fallbackTokenizer the tokenizer without IK, e.g. {@code standard} (one token per Chinese character)
 * @param fallbackFilters the token filters without IK, e.g. {@code lowercase} and {@code kb_bigrams} (each pair of
 *        adjacent characters as one more token, a filter the index defines)
 */
public record ElasticsearchAnalysis(Mode mode, String fallbackTokenizer, List<String> fallbackFilters) {

    public enum Mode {
        AUTO, IK, FALLBACK
    }

    public ElasticsearchAnalysis {
        fallbackFilters = List.copyOf(fallbackFilters);
    }

    String describe(boolean ik) {
        return ik ? "ik" : "fallback:" + fallbackTokenizer + "+" + String.join("+", fallbackFilters);
    }
}
