package org.hotline12345.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.knowledge.KnowledgeAdminResource.IndexStatus;
import org.hotline12345.knowledge.search.SearchBackend;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The search index against the database. */
@ApplicationScoped
public class KnowledgeIndexStatus {

    @Inject
    SearchBackend backend;

    @Inject
    KnowledgeArticleRepository articles;

    @Inject
    KnowledgeIndexQueue queue;

    @Inject
    KnowledgeReindexer reindexer;

    public IndexStatus current() {
        long stored = QuarkusTransaction.requiringNew().call(articles::count);
        long queued = QuarkusTransaction.requiringNew().call(queue::size);
        return new IndexStatus(backend.name(), backend.count(), stored, queued, reindexer.progress());
    }
}
