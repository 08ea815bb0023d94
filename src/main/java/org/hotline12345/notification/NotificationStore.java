package org.hotline12345.notification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes notifications on the caller's connection, inside the caller's transaction, and announces them with
 * PostgreSQL {@code NOTIFY}, which reaches every instance only when that transaction commits, so a notification is
 * pushed to browsers if and only if it was stored. Plain JDBC: the supervision pass writes many at once.
 */
public final class NotificationStore {

    /** The PostgreSQL channel every instance listens on; the payload is a comma-separated list of ids. */
    public static final String CHANNEL = "hotline_notification";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int PAYLOAD_LIMIT = 7000;

    public List<Long> store(Connection connection, List<NewNotification> notifications, Instant now)
            throws SQLException {
        if (notifications.isEmpty()) {
            return List.of();
        }
        int size = notifications.size();
        Long[] users = new Long[size];
        Long[] departments = new Long[size];
        String[] kinds = new String[size];
        String[] numbers = new String[size];
        String[] titles = new String[size];
        String[] bodies = new String[size];
        for (int i = 0; i < size; i++) {
            NewNotification notification = notifications.get(i);
            users[i] = notification.userId();
            departments[i] = notification.departmentId();
            kinds[i] = notification.kind().name();
            numbers[i] = notification.workOrderNumber();
            titles[i] = notification.title();
            bodies[i] = notification.body();
        }
        List<Long> ids = new ArrayList<>(size);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into notification
                    (recipient_user_id, recipient_department_id, kind, work_order_number, title, body, created_at)
                select u, d, k, n, t, b, ? from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[],
                    ?::varchar[], ?::text[]) as x(u, d, k, n, t, b)
                returning id""")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setArray(2, array(connection, "bigint", users));
            insert.setArray(3, array(connection, "bigint", departments));
            insert.setArray(4, array(connection, "varchar", kinds));
            insert.setArray(5, array(connection, "varchar", numbers));
            insert.setArray(6, array(connection, "varchar", titles));
            insert.setArray(7, array(connection, "text", bodies));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        announce(connection, ids);
        return ids;
    }

    private static void announce(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
            StringBuilder payload = new StringBuilder();
            for (Long id : ids) {
                if (payload.length() > PAYLOAD_LIMIT) {
                    send(notify, payload);
                    payload.setLength(0);
                }
                payload.append(payload.isEmpty() ? "" : ",").append(id);
            }
            send(notify, payload);
        }
    }

    private static void send(PreparedStatement notify, StringBuilder payload) throws SQLException {
        notify.setString(1, payload.toString());
        notify.executeQuery().close();
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
