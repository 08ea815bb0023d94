package org.hotline12345.knowledge;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.knowledge.KnowledgeImporter.ImportReport;
import org.hotline12345.knowledge.search.SearchBackend;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the search index in step with the database: at start-up imports the shipped articles into a database that
 * never had them, rebuilds an index that is missing, outdated or incomplete, and drains the queue; then, on a
 * schedule, drains what a failing backend left and retries a rebuild that could not run.
 */
@ApplicationScoped
public class KnowledgeSync {

    private static final Logger LOG = Logger.getLogger(KnowledgeSync.class);

    @Inject
    KnowledgeConfig config;

    @Inject
    KnowledgeService service;

    @Inject
    KnowledgeImporter importer;

    @Inject
    KnowledgeReindexer reindexer;

    @Inject
    KnowledgeIndexer indexer;

    @Inject
    KnowledgeArticleRepository articles;

    @Inject
    SearchBackend backend;

    private volatile boolean indexChecked;

    /** After the first-run data, which brings the categories and departments articles refer to. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!config.syncOnStart()) {
            return;
        }
        if (config.importOnFirstStart() && !service.anyImported()) {
            ImportReport report = importer.importShipped("knowledge-base", KnowledgeService.SYSTEM);
            LOG.infof("Knowledge base imported: %d articles, %d files skipped", report.created(),
                    report.problems().size());
        }
        synchronize();
    }

    /** The first run waits one interval, so that it does not race the start-up import. */
    @Scheduled(identity = "knowledge-sync", every = "${hotline.knowledge.sync-every}", delayed = "${hotline.knowledge.sync-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void synchronize() {
        if (reindexer.progress().state() == KnowledgeReindexer.State.RUNNING) {
            // a rebuild (at start-up, or asked for) brings the index up to date; this round has nothing to add
            return;
        }
        try {
            if (!indexChecked) {
                long stored = QuarkusTransaction.requiringNew().call(articles::count);
                // an embedded index that does not know how far it followed the change log cannot catch up from it
                if (backend.needsRebuild() || backend.count() != stored
                        || backend.perInstance() && backend.followed() == null) {
                    LOG.infof("Rebuilding the %s knowledge index from the database (%d articles)", backend.name(),
                            stored);
                    reindexer.rebuild(n -> {
                    });
                }
                indexChecked = true;
            }
            indexer.drain();
            // those indexed while the encoder was loading and not re-indexed when it became ready (a race, a failure)
            indexer.indexWithoutVectors();
        } catch (ConflictException e) {
            // a rebuild began between the check above and this one's start: it brings the index up to date
            LOG.debugf("Knowledge index rebuild already running: %s", e.getMessage());
        } catch (ServiceUnavailableException e) {
            LOG.warnf("The knowledge index cannot be synchronised now (%s); retrying every %s", e.getMessage(),
                    config.syncEvery());
        } catch (RuntimeException e) {
            // the hotline works on without knowledge search; health reports the index as down
            LOG.errorf(e, "The knowledge index cannot be synchronised; retrying every %s", config.syncEvery());
        }
    }
}
