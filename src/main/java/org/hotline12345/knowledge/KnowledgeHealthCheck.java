package org.hotline12345.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.hotline12345.knowledge.KnowledgeAdminResource.IndexStatus;

import io.smallrye.health.api.HealthGroup;

/**
 * The knowledge index, as its own health group ({@code /q/health/group/knowledge}): calls are taken and work orders
 * handled while knowledge search is down, so it does not make the service unready. An embedded index is down while it
 * lags behind the database (articles saved on another instance not yet searchable here).
 */
@ApplicationScoped
@HealthGroup("knowledge")
public class KnowledgeHealthCheck implements HealthCheck {

    @Inject
    KnowledgeIndexStatus index;

    @Inject
    KnowledgeFollower follower;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("knowledge-index");
        try {
            IndexStatus status = index.current();
            response.withData("backend", status.backend())
                    .withData("documents", status.documents())
                    .withData("articles", status.articles())
                    .withData("queued", status.queued());
            KnowledgeFollower.Lag lag = follower.lag();
            if (lag.triedAt() != null) {
                // each instance's embedded index follows the database; it lags when it has not caught up lately
                response.withData("caughtUpAt", String.valueOf(lag.caughtUpAt()))
                        .withData("behindSeconds", lag.behind().toSeconds());
            }
            return response.status(!lag.lagging()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
