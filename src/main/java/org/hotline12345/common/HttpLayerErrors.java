package org.hotline12345.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests that the HTTP server's own layers refuse, or would fail on, before a resource sees them: a body over the
 * size limit, an address over the length limit, a malformed {@code Content-Type}, a failed sign-in. On the API each
 * is a problem document like every other error (its headers, such as the sign-in challenge, kept); requests for pages
 * go on to the error page with the same status.
 */
@ApplicationScoped
public class HttpLayerErrors {

    /** Where a check leaves the problem it found, for the API's failure handler. */
    private static final String PROBLEM = HttpLayerErrors.class.getName() + ".problem";

    @Inject
    RequestLimitsConfig limits;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        // just before Quarkus's own check of the declared body size, which answers with an empty 413
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
        router.route("/api/*").failureHandler(this::answerWithProblem);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        // the HTTP decoder's own limit on the request line is set far above this one, as its refusal has no body
        if (request.uri().length() > limits.maxUriLength()) {
            context.fail(414);
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING) && isApi(context)) {
            // a body of unknown length is cut off at the limit with an empty 413 while it is read; the API asks for
            // the length first, so that an oversized body is refused here, with a problem document
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.fail(411);
            return;
        }
        if (declared != null && declaredLength(declared) > maxBodySize.asLongValue()) {
            // the body is not read, so the connection cannot carry another request after the answer
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.fail(413);
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            refuse(context, InvalidFieldException.malformed("Content-Type", "media-type",
                    "“" + contentType + "”不是有效的媒体类型，例如 application/json"));
            return;
        }
        if (contentType != null && isApi(context) && "0".equals(declared == null ? null : declared.strip())
                && MediaType.valueOf(contentType).isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            // an empty text/plain body says nothing: the resources' text reader refuses it with a bare 400 that no
            // mapper sees, where without the type the request is answered as one with no body
            request.headers().remove(HttpHeaders.CONTENT_TYPE);
        }
        context.next();
    }

    /** The declared length; one that is no number (the HTTP decoder lets few through) counts as too long. */
    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext context, HotlineException refusal) {
        context.put(PROBLEM, new Problem(refusal.kind(), ProblemMapper.titleOf(refusal.status()), refusal.status(),
                refusal.getMessage(), context.normalizedPath()).with(refusal.properties()));
        context.fail(refusal.status());
    }

    /** Whether the request is for the API, which answers with problem documents, rather than for a page. */
    public static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith("/api/");
    }

    private void answerWithProblem(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            context.next();
            return;
        }
        int status = statusOf(context);
        Problem problem = context.get(PROBLEM);
        if (problem == null) {
            problem = status >= 500
                    ? ProblemMapper.incident(context.failure(), context.normalizedPath())
                    : ProblemMapper.bare(status, context.normalizedPath());
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.next();
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    /** The status failed with; Vert.x reports 500 for every failure with an exception but its own HTTP ones. */
    private static int statusOf(RoutingContext context) {
        // the security layer may hand on its failures wrapped (CompletionException, Mutiny's CompositeException)
        for (Throwable failure = context.failure(); failure != null; failure = cause(failure)) {
            if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
                return 401;
            }
            if (failure instanceof ForbiddenException) {
                return 403;
            }
        }
        return context.statusCode() >= 400 ? context.statusCode() : 500;
    }

    private static Throwable cause(Throwable failure) {
        if (failure instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
            return composite.getCauses().get(0);
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }
}
