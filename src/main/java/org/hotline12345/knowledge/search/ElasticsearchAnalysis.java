package org.hotline12345.knowledge.search;

import java.util.List;

/**
 * How the Elasticsearch index analyses Chinese.
 * <ul>
 * <li>{@link Kind#IK}: the server's IK plugin, {@code ik_max_word} for indexing and {@code ik_smart} for queries, with
 * the knowledge base's dictionary installed into the plugin (docker/ does).</li>
 * <li>{@link Kind#SERVICE}: the service segments with its own IK and dictionary and sends the words, each encoded as
 * one Latin token that any server's standard tokenizer keeps whole: the embedded index's analysis on clusters that
 * cannot take plugins (managed clouds).</li>
 * <li>{@link Kind#ANALYZER}: a configured chain of the server's own analysis components, e.g. {@code standard} with
 * {@code kb_bigrams} (a filter the index defines: overlapping pairs of characters, as bigram indexing of Chinese
 * does), or {@code smartcn_tokenizer} where that plugin is installed.</li>
 * </ul>
 *
 * @param mode IK, the fallback, or IK when the server has the plugin
 * @param fallback what to use without IK
 * @param fallbackTokenizer the tokenizer of the {@link Fallback#ANALYZER} fallback
 * @param fallbackFilters the token filters of the {@link Fallback#ANALYZER} fallback
 */
public record ElasticsearchAnalysis(Mode mode, Fallback fallback, String fallbackTokenizer,
        List<String> fallbackFilters) {

    public enum Mode {
        AUTO, IK, FALLBACK
    }

    public enum Fallback {
        SERVICE, ANALYZER
    }

    /** The analysis an index is built with. */
    public enum Kind {
        IK, SERVICE, ANALYZER
    }

    public ElasticsearchAnalysis {
        fallbackFilters = List.copyOf(fallbackFilters);
    }

    /** The kind used, given whether the server has the IK plugin. */
    Kind kind(boolean serverHasIk) {
        if (mode == Mode.IK || mode == Mode.AUTO && serverHasIk) {
            return Kind.IK;
        }
        return fallback == Fallback.SERVICE ? Kind.SERVICE : Kind.ANALYZER;
    }

    String describe(Kind kind) {
        return kind == Kind.ANALYZER
                ? "analyzer:" + fallbackTokenizer + "+" + String.join("+", fallbackFilters)
                : kind.name().toLowerCase();
    }
}
