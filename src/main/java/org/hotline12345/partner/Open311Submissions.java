package org.hotline12345.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Open311's {@code POST requests.json|xml}: a form posted by another system with its {@code api_key}, which carries no
 * session and so no CSRF token. It is served by a route of its own, ahead of the REST layer, whose CSRF check (there
 * for the pages' forms) would refuse it; the answer is made by {@link Open311Resource} as for every other resource.
 */
@ApplicationScoped
public class Open311Submissions {

    private static final int MAX_FORM_BYTES = 64 * 1024;

    @Inject
    Open311Resource open311;

    void route(@Observes Router router) {
        router.postWithRegex("/open311/v2/requests\\.(json|xml)").order(-10)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
                .blockingHandler(context -> {
                    String format = context.request().path().endsWith(".xml") ? "xml" : "json";
                    Open311Resource.Rendered answer = open311.submit(format,
                            field -> context.request().getFormAttribute(field));
                    context.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType())
                            .end(answer.body());
                }, false);
    }
}
