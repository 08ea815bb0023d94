package org.hotline12345.observability;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.logging.Logger;

/** Logs one line while a request about a work order or a call is handled, for the test to read its log context. */
@Path("/test/log-context")
public class LogContextProbe {

    private static final Logger LOG = Logger.getLogger(LogContextProbe.class);

    @GET
    @Path("/work-orders/{number}")
    public void workOrder() {
        LOG.info("work order probe");
    }

    @GET
    @Path("/calls/{callId}")
    public void call() {
        LOG.info("call probe");
    }
}
