package org.hotline12345.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.hotline12345.knowledge.search.SentenceEncoder;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The sentence encoder of semantic search. Loading it takes seconds (over 30 on a busy machine; its weights take about
 * 100 MB of native memory, none of the heap), so it is loaded in the background from the start and never delays the
 * service's readiness: until it is {@link State#READY ready}, questions are searched by their words only and articles
 * are indexed without vectors; once it is, {@link EncoderReady} is fired so that those articles get theirs. With
 * {@code hotline.knowledge.semantic.enabled} false nothing is loaded and search matches words only.
 */
@ApplicationScoped
public class KnowledgeEncoder {

    private static final Logger LOG = Logger.getLogger(KnowledgeEncoder.class);

    /** Where the encoder is: off by configuration, loading, ready, or failed to load (words only then). */
    public enum State {
        OFF, LOADING, READY, FAILED
    }

    /** Fired, on the loading thread, once the encoder can encode and before it is {@link State#READY}. */
    public record EncoderReady() {
    }

    @Inject
    KnowledgeConfig config;

    @Inject
    Event<EncoderReady> ready;

    private volatile SentenceEncoder encoder;
    private volatile State state = State.OFF;
    private volatile CountDownLatch loaded = new CountDownLatch(0);

    /** Before the start-up synchronisation of the index, which then finds the encoder loading. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.semantic().enabled()) {
            load(before -> SentenceEncoder.bgeSmallZh(config.semantic().threads()));
        }
    }

    /**
     * Loads an encoder in the background and returns at once; the encoder loaded before, if any, serves no more from
     * now on. The loader is given that one, which it may return again (a test does, behind a latch, to see the
     * service before the encoder is ready); otherwise it is closed.
     */
    synchronized void load(UnaryOperator<SentenceEncoder> loader) {
        CountDownLatch done = new CountDownLatch(1);
        SentenceEncoder before = encoder;
        encoder = null;
        state = State.LOADING;
        loaded = done;
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                SentenceEncoder next = loader.apply(before);
                if (before != null && before != next) {
                    before.close();
                }
                encoder = next;
                LOG.infof("Sentence encoder %s loaded in %d ms", SentenceEncoder.MODEL,
                        (System.nanoTime() - start) / 1_000_000);
                try {
                    // before READY: whoever waits for it finds the articles indexed meanwhile encoded
                    ready.fire(new EncoderReady());
                } catch (RuntimeException e) {
                    // the scheduled synchronisation gives the articles their vectors later
                    LOG.warnf("Articles indexed before the encoder was loaded are not encoded yet: %s", e.getMessage());
                }
                state = State.READY;
            } catch (RuntimeException | LinkageError e) {
                state = State.FAILED;
                LOG.errorf(e, "The sentence encoder %s could not be loaded: knowledge search matches words only",
                        SentenceEncoder.MODEL);
            } finally {
                done.countDown();
            }
        }, "knowledge-encoder-loader");
        thread.setDaemon(true);
        thread.start();
    }

    public State state() {
        return state;
    }

    /**
     * Whether the encoder is loaded and the articles indexed while it loaded have their vectors: search finds by
     * meaning as well as words.
     */
    public boolean ready() {
        return state == State.READY;
    }

    /** Whether questions and passages are encoded now (the encoder loaded, perhaps not yet {@link #ready()}). */
    boolean loaded() {
        return encoder != null;
    }

    /** Waits for a load in progress, for a program that must not index without vectors (the reindex command). */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && ready();
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
     * The vector of a question, or {@code null} while there is no encoder (semantic search off, still loading, or
     * failed to load): the question is then searched by its words. It carries bge's query instruction for retrieval.
     */
    public float[] question(String text) {
        SentenceEncoder current = encoder;
        return current == null ? null : current.encode(SentenceEncoder.QUERY_INSTRUCTION + text, QUESTION_TOKENS);
    }

    /** The vectors of an article's passages, or {@code null} while there is no encoder. */
    public List<float[]> passages(List<String> passages) {
        SentenceEncoder current = encoder;
        return current == null ? null : current.encodeAll(passages);
    }

    /** Callers from now on find no encoder; runs in progress (the loader's indexing among them) finish first. */
    @PreDestroy
    void close() {
        SentenceEncoder current = encoder;
        encoder = null;
        if (current != null) {
            current.close();
        }
    }
}
