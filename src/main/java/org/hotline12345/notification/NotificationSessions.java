package org.hotline12345.notification;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;

/** The WebSocket sessions open on this instance, by username. */
@ApplicationScoped
public class NotificationSessions {

    private final Map<String, Set<Session>> byUser = new ConcurrentHashMap<>();

    void add(String username, Session session) {
        byUser.computeIfAbsent(username, name -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(Session session) {
        byUser.values().forEach(sessions -> sessions.remove(session));
        byUser.values().removeIf(Set::isEmpty);
    }

    boolean isEmpty() {
        return byUser.isEmpty();
    }

    Set<String> usernames() {
        return byUser.keySet();
    }

    void push(String username, String message) {
        for (Session session : byUser.getOrDefault(username, Set.of())) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(message);
            }
        }
    }
}
