package org.hotline12345.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the work-order number and the call id a request is about into the log context (MDC), so that every line logged
 * while it is handled carries them (the JSON logs' {@code mdc} object; OpenTelemetry adds {@code traceId} and
 * {@code spanId} there when tracing is on). Taken from the path's {@code {number}} and {@code {callId}}, which name a
 * work order and a call in every resource; a citizen's phone or name is never put there.
 */
public class LogContext {

    /** The MDC key of the work order's number. */
    public static final String WORK_ORDER = "workOrder";
    /** The MDC key of the call's id. */
    public static final String CALL_ID = "callId";

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        put(WORK_ORDER, path.getFirst("number"));
        put(CALL_ID, path.getFirst("callId"));
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove(WORK_ORDER);
        MDC.remove(CALL_ID);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
