package org.hotline12345.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says how knowledge search finds articles now: by words and meaning once the sentence encoder is loaded, by words
 * only while it loads (or when it is off or failed). Always UP: the service answers, and searches, while the encoder
 * loads in the background.
 */
@Readiness
@ApplicationScoped
public class KnowledgeEncoderHealthCheck implements HealthCheck {

    @Inject
    KnowledgeEncoder encoder;

    @Override
    public HealthCheckResponse call() {
        KnowledgeEncoder.State state = encoder.state();
        return HealthCheckResponse.named("knowledge-encoder").up()
                .withData("encoder", state.name())
                .withData("model", encoder.model())
                .withData("search", state == KnowledgeEncoder.State.READY ? "words and meaning" : "words only")
                .build();
    }
}
