package org.hotline12345.telephony;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The wallboard as a stream: a snapshot every second while anyone watches. Only those who may see the wallboard
 * (supervisors, administrators, the desk's lead) stay connected.
 */
@ServerEndpoint("/ws/wallboard")
public class WallboardSocket {

    @Inject
    TelephonyPushes pushes;

    @Inject
    Wallboard wallboard;

    @OnOpen
    public void open(Session session) throws IOException {
        String user = TelephonySocket.signedIn(session);
        if (user == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        wallboard.admit(user, session);
    }

    @OnClose
    public void close(Session session) {
        pushes.wallboards().remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        pushes.wallboards().remove(session);
    }
}
