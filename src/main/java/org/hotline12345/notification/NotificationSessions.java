package org.hotline12345.notification;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline12345.realtime.UserSessions;

/** The notification sockets open on this instance, by username. */
@ApplicationScoped
public class NotificationSessions extends UserSessions {
}
