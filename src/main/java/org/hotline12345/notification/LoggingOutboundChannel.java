package org.hotline12345.notification;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;

/** The default outbound channel: writes each notification to the log. */
@ApplicationScoped
@DefaultBean
public class LoggingOutboundChannel implements OutboundChannel {

    private static final Logger LOG = Logger.getLogger(LoggingOutboundChannel.class);

    @Override
    public void deliver(OutboundMessage message) {
        LOG.infof("Notification %d [%s] to %s: %s", message.notificationId(), message.kind(),
                message.recipientUserId() != null
                        ? "user " + message.recipientUserId()
                        : "department " + message.recipientDepartmentId(),
                message.title());
    }
}
