package org.hotline12345.knowledge;

import java.io.PrintStream;
import java.time.Duration;

import jakarta.inject.Inject;

import org.hotline12345.knowledge.search.SearchBackend;

import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code java -jar quarkus-run.jar reindex}: rebuilds the configured backend's index from PostgreSQL, printing its
 * progress, and exits. With the embedded Lucene index the service must be stopped first (it holds the index); with
 * Elasticsearch it may keep running, and searches switch to the new index when it is complete.
 */
public class ReindexCommand implements QuarkusApplication {

    @Inject
    KnowledgeReindexer reindexer;

    @Inject
    SearchBackend backend;

    @Inject
    KnowledgeEncoder encoder;

    /** Settings for a run that serves nothing: no HTTP, no scheduled jobs, no start-up synchronisation. */
    public static void configure() {
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.scheduler.enabled", "false");
        System.setProperty("hotline.knowledge.sync-on-start", "false");
    }

    @Override
    public int run(String... args) {
        PrintStream out = System.out;
        long started = System.nanoTime();
        try {
            if (encoder.state() == KnowledgeEncoder.State.LOADING) {
                // a rebuild without the encoder would leave the articles without stored vectors unfound by meaning
                out.println("Loading the sentence encoder");
                encoder.awaitLoaded(Duration.ofMinutes(10));
            }
            out.printf("Rebuilding the %s knowledge index from the database%n", backend.name());
            long indexed = reindexer.rebuild(n -> {
                KnowledgeReindexer.Progress progress = reindexer.progress();
                out.printf("  %,d / %,d articles (%d%%)%n", n, progress.total(),
                        progress.total() == 0 ? 100 : n * 100 / progress.total());
            });
            out.printf("Done: %,d articles indexed in %.1f s%n", indexed, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Reindex failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
