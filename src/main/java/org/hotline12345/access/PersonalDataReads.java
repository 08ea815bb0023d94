package org.hotline12345.access;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.security.Actor;
import org.hotline12345.workorder.CitizenDetailsShown;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * 个人信息查阅记录: records that a user was shown work orders' citizen details, by whom (user and role), when, and
 * where (a page, an API endpoint, a screen pop). Views of the work-order feature announce themselves
 * ({@link CitizenDetailsShown}); other features that show citizen details call {@link #shown} themselves. Recording
 * costs the caller an entry in a memory buffer; {@link AccessRecorder} writes the entries in batches.
 */
@ApplicationScoped
public class PersonalDataReads {

    /** The portal's reader: the citizen, who signs in with no account. */
    private static final Reader CITIZEN = new Reader("citizen", "CITIZEN");

    /** Longest endpoint kept; addresses are cut to it. */
    static final int MAX_ENDPOINT = 300;

    /** Who was shown the details: a user of the service, or of another front end (the citizens' portal). */
    public record Reader(String username, String role) {

        public static Reader of(Actor actor) {
            return new Reader(actor.username(), actor.role().name());
        }
    }

    /**
     * Where the details were shown.
     *
     * @param endpoint the page or endpoint (method and path) or, for a screen pop, the call
     */
    public record Purpose(AccessChannel channel, String endpoint) {

        /** The endpoint is cut to the {@value #MAX_ENDPOINT} characters the record keeps. */
        public Purpose {
            endpoint = endpoint.length() > MAX_ENDPOINT ? endpoint.substring(0, MAX_ENDPOINT) : endpoint;
        }

        public static Purpose screenPop(String callId) {
            return new Purpose(AccessChannel.SCREEN_POP, "call " + callId);
        }
    }

    /** A work order whose citizen was shown, masked or in full. */
    public record Shown(String workOrderNumber, boolean masked) {
    }

    @Inject
    AccessRecorder recorder;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Clock clock;

    /** Records a showing during an HTTP request, whose page or endpoint is the purpose. */
    public void shown(Reader reader, Collection<Shown> workOrders) {
        shown(reader, purposeOfRequest(), workOrders);
    }

    /**
     * Records a showing for an explicit purpose (a push outside any request, such as a screen pop).
     *
     * @throws IllegalArgumentException for a reader or work order the record cannot hold (a username longer than 40
     *         characters, a role longer than 30, a number longer than 20): a mistake of the caller
     */
    public void shown(Reader reader, Purpose purpose, Collection<Shown> workOrders) {
        requireLength("username", reader.username(), 40);
        requireLength("role", reader.role(), 30);
        workOrders.forEach(shown -> requireLength("work order number", shown.workOrderNumber(), 20));
        for (Shown shown : workOrders) {
            recorder.add(new PersonalDataRead(clock.instant(), reader.username(), reader.role(),
                    shown.workOrderNumber(), shown.masked(), purpose.channel(), purpose.endpoint()));
        }
    }

    private static void requireLength(String what, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException("The access record takes a " + what + " of 1 to " + max
                    + " characters, not " + value);
        }
    }

    void workOrderViewed(@Observes CitizenDetailsShown event) {
        List<Shown> workOrders = event.workOrders().stream()
                .map(shown -> new Shown(shown.number(), shown.masked())).toList();
        shown(Reader.of(event.viewer()), workOrders);
    }

    /** The current request as a purpose: {@code GET /api/work-orders/…} for the API, the page's address otherwise. */
    /**
     * Records that the citizen read their own work order (or online request) on the portal, unmasked, and how they
     * proved it is theirs.
     *
     * @param proof how the reader proved it: 提取码, SMS code or rating link
     */
    public void shownToCitizen(String workOrderNumber, String proof) {
        Purpose request = purposeOfRequest();
        shown(CITIZEN, new Purpose(AccessChannel.PORTAL, request.endpoint() + " " + proof),
                List.of(new Shown(workOrderNumber, false)));
    }

    private Purpose purposeOfRequest() {
        RoutingContext context = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        if (context == null) {
            return new Purpose(AccessChannel.SYSTEM, "-");
        }
        String path = context.normalizedPath();
        String endpoint = context.request().method().name() + " " + path;
        return new Purpose(path.startsWith("/api/") ? AccessChannel.API : AccessChannel.PAGE, endpoint);
    }
}
