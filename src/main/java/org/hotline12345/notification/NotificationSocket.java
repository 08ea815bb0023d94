package org.hotline12345.notification;

import java.io.IOException;
import java.security.Principal;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.jboss.logging.Logger;

/**
 * Live notifications for the signed-in user: every notification stored for them or their department arrives as one
 * JSON text message ({@link NotificationView}). Credentials on the upgrade request are checked like the API's (wrong
 * ones get 401); a session opened without any is closed at once.
 */
@ServerEndpoint("/ws/notifications")
public class NotificationSocket {

    private static final Logger LOG = Logger.getLogger(NotificationSocket.class);

    @Inject
    NotificationSessions sessions;

    @OnOpen
    public void open(Session session) throws IOException {
        Principal user = session.getUserPrincipal();
        // an anonymous upgrade carries a principal with an empty name
        if (user == null || user.getName() == null || user.getName().isBlank()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        sessions.add(user.getName(), session);
    }

    @OnClose
    public void close(Session session) {
        sessions.remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.debugf(error, "WebSocket session %s failed", session.getId());
        sessions.remove(session);
    }
}
