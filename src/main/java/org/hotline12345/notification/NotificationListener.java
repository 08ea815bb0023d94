package org.hotline12345.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.database.ListenerConnections;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens on the PostgreSQL channel every instance shares and pushes each announced notification to the recipients'
 * WebSocket sessions open on this instance, so a user connected to any instance hears of a notification stored by
 * any other. Reconnects after a lost connection.
 */
@ApplicationScoped
public class NotificationListener {

    private static final Logger LOG = Logger.getLogger(NotificationListener.class);

    /** The LISTEN connection: direct to the primary where a pooler sits in front ({@link ListenerConnections}). */
    @Inject
    ListenerConnections listeners;

    @Inject
    NotificationSessions sessions;

    @Inject
    ObjectMapper json;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "notification-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = listeners.open(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + NotificationStore.CHANNEL);
                backoff = 500;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null && !sessions.isEmpty()) {
                        for (PGNotification notification : notifications) {
                            push(connection, notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Notification listener lost its connection (%s); retrying in %d ms", e.getMessage(),
                            backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        }
    }

    private void push(Connection connection, String payload) throws SQLException {
        Long[] ids = Arrays.stream(payload.split(",")).map(Long::valueOf).toArray(Long[]::new);
        try (PreparedStatement query = connection.prepareStatement(
                """
                        select n.id, n.kind, n.work_order_number, n.title, n.body, n.created_at,
                               n.recipient_department_id is not null, u.username
                        from notification n
                        join app_user u on u.active and (u.id = n.recipient_user_id or u.department_id = n.recipient_department_id)
                        where n.id = any(?) and u.username = any(?)""")) {
            query.setArray(1, connection.createArrayOf("bigint", ids));
            query.setArray(2, connection.createArrayOf("varchar", sessions.usernames().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    NotificationView view = new NotificationView(rows.getLong(1),
                            NotificationKind.valueOf(rows.getString(2)), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getTimestamp(6).toInstant(), rows.getBoolean(7), null, null);
                    sessions.push(rows.getString(8), toJson(view));
                }
            }
        }
    }

    private String toJson(NotificationView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
