package org.hotline12345.telephony;

import java.io.IOException;
import java.security.Principal;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The agent's live line: screen pops when a queue call rings at their phone, their own state, and the outcome of
 * callbacks they placed. Credentials are checked on the upgrade request like the API's or the pages' session.
 */
@ServerEndpoint("/ws/telephony")
public class TelephonySocket {

    @Inject
    TelephonyPushes pushes;

    @OnOpen
    public void open(Session session) throws IOException {
        String user = signedIn(session);
        if (user == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        pushes.agents().add(user, session);
    }

    @OnClose
    public void close(Session session) {
        pushes.agents().remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        pushes.agents().remove(session);
    }

    /** The signed-in user's name; an anonymous upgrade carries a principal with an empty name. */
    static String signedIn(Session session) {
        Principal user = session.getUserPrincipal();
        return user == null || user.getName() == null || user.getName().isBlank() ? null : user.getName();
    }
}
