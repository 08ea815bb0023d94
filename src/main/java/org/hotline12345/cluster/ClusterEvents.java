package org.hotline12345.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.database.ListenerConnections;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Short messages between the instances that share one database, over PostgreSQL {@code LISTEN}/{@code NOTIFY}: a
 * message published inside a transaction reaches every instance, this one included, when that transaction commits,
 * and never if it rolls back. Delivery is at most once: a listener that lost its connection may have missed messages,
 * so each subscriber is told when the connection is back and must then assume that anything it caches is stale.
 */
@ApplicationScoped
public class ClusterEvents {

    /** What a subscriber does with the messages of its channel. */
    public interface Subscriber {

        void received(String payload);

        /** The listener was disconnected and may have missed messages: forget what they would have changed. */
        void missedMessages();
    }

    private static final Logger LOG = Logger.getLogger(ClusterEvents.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int PAYLOAD_LIMIT = 7000;

    @Inject
    DataSource dataSource;

    /** The LISTEN connection: direct to the primary where a pooler sits in front ({@link ListenerConnections}). */
    @Inject
    ListenerConnections listeners;

    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Queue<String> toListen = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * Sends {@code payload} to the channel's subscribers on every instance once the caller's transaction commits
     * (at once where there is none).
     */
    public void publish(String channel, String payload) {
        requireChannel(channel);
        if (payload.length() > PAYLOAD_LIMIT) {
            throw new IllegalArgumentException("a cluster message holds at most " + PAYLOAD_LIMIT + " characters");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish to " + channel, e);
        }
    }

    /** Delivers the channel's messages to {@code subscriber}, on the listener's thread, from now on. */
    public synchronized void subscribe(String channel, Subscriber subscriber) {
        requireChannel(channel);
        if (subscribers.putIfAbsent(channel, subscriber) != null) {
            throw new IllegalStateException(channel + " already has a subscriber");
        }
        toListen.add(channel);
        if (thread == null) {
            running = true;
            thread = new Thread(this::listen, "cluster-events");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void listen() {
        long backoff = 500;
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = listeners.open(); Statement statement = connection.createStatement()) {
                toListen.clear();
                for (String channel : subscribers.keySet()) {
                    statement.execute("listen " + channel);
                }
                if (connectedBefore) {
                    subscribers.values().forEach(ClusterEvents::missedMessages);
                }
                connectedBefore = true;
                backoff = 500;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    for (String channel = toListen.poll(); channel != null; channel = toListen.poll()) {
                        statement.execute("listen " + channel);
                    }
                    PGNotification[] notifications = postgres.getNotifications(250);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Cluster events lost their connection (%s); retrying in %d ms", e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        }
    }

    private void deliver(PGNotification notification) {
        Subscriber subscriber = subscribers.get(notification.getName());
        if (subscriber == null) {
            return;
        }
        try {
            subscriber.received(notification.getParameter());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The subscriber of %s failed on a message", notification.getName());
        }
    }

    private static void missedMessages(Subscriber subscriber) {
        try {
            subscriber.missedMessages();
        } catch (RuntimeException e) {
            LOG.error("A subscriber failed to forget what it cached", e);
        }
    }

    private static void requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
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
