package org.hotline12345.knowledge;

import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.knowledge.search.SentenceEncoder;
import org.jboss.logging.Logger;

/**
 * The sentence encoder of semantic search, loaded on first use (about a second; its weights take about 100 MB of
 * native memory, none of the heap) unless {@code hotline.knowledge.semantic.enabled} is false, in which case search
 * matches words only.
 */
@ApplicationScoped
public class KnowledgeEncoder {

    private static final Logger LOG = Logger.getLogger(KnowledgeEncoder.class);

    @Inject
    KnowledgeConfig config;

    private volatile SentenceEncoder encoder;

    public boolean enabled() {
        return config.semantic().enabled();
    }

    public String model() {
        return SentenceEncoder.MODEL;
    }

    /**
     * Tokens of a question that are encoded (the instruction's included): a citizen's whole message is searched by
     * all its words, and by the meaning of its start, where the gist is; a longer encoding costs more than the rest
     * of the search.
     */
    static final int QUESTION_TOKENS = 128;

    /**
     * The vector of a question, or {@code null} when semantic search is off. The question carries bge's query
     * instruction for retrieval.
     */
    public float[] question(String text) {
        return enabled() ? encoder().encode(SentenceEncoder.QUERY_INSTRUCTION + text, QUESTION_TOKENS) : null;
    }

    /** The vectors of an article's passages. */
    public List<float[]> passages(List<String> passages) {
        return encoder().encodeAll(passages);
    }

    private SentenceEncoder encoder() {
        SentenceEncoder loaded = encoder;
        if (loaded == null) {
            synchronized (this) {
                loaded = encoder;
                if (loaded == null) {
                    long start = System.nanoTime();
                    loaded = SentenceEncoder.bgeSmallZh(config.semantic().threads());
                    LOG.infof("Sentence encoder %s loaded in %d ms", SentenceEncoder.MODEL,
                            (System.nanoTime() - start) / 1_000_000);
                    encoder = loaded;
                }
            }
        }
        return loaded;
    }

    @PreDestroy
    void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}
