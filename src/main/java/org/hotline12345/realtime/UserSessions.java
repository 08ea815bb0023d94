package org.hotline12345.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.websocket.Session;

/** WebSocket sessions of one endpoint open on this instance, by username. */
public class UserSessions {

    private final Map<String, Set<Session>> byUser = new ConcurrentHashMap<>();

    public void add(String username, Session session) {
        byUser.computeIfAbsent(username, name -> ConcurrentHashMap.newKeySet()).add(session);
    }

    public void remove(Session session) {
        byUser.values().forEach(sessions -> sessions.remove(session));
        byUser.values().removeIf(Set::isEmpty);
    }

    public boolean isEmpty() {
        return byUser.isEmpty();
    }

    public Set<String> usernames() {
        return byUser.keySet();
    }

    public void push(String username, String message) {
        for (Session session : byUser.getOrDefault(username, Set.of())) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(message);
            }
        }
    }

    public void pushToAll(String message) {
        byUser.keySet().forEach(username -> push(username, message));
    }
}
