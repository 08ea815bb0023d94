package org.hotline12345.deadline;

import static org.hotline12345.deadline.DeadlineWatchUpdater.instant;
import static org.hotline12345.deadline.DeadlineWatchUpdater.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.calendar.WorkingDuration;
import org.hotline12345.notification.NewNotification;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.notification.NotificationStore;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderReads.Brief;
import org.hotline12345.workorder.WorkOrderReads.SupervisionEvent;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * One supervision pass: raises the yellow and red cards and the escalations that have fallen due, each exactly once.
 * <p>
 * It reads only the {@code deadline_watch} rows whose {@code check_at} has come, in batches, each batch one
 * transaction. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances running passes at the same time
 * share the work; a card is inserted under a unique key (work order, clock, level, deadline), and only a card that
 * was really inserted adds its event to the work order and sends its notifications, so a pass repeated after a crash,
 * or racing another, raises nothing twice. When several levels fell due since the last look (after downtime), only
 * the highest is raised. Plain JDBC on its own connections: it runs the same inside the service and in the
 * benchmark.
 */
public final class DeadlineSupervisor {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What a pass did. */
    public record PassResult(int examined, Map<CardLevel, Integer> raised, int batches, Duration elapsed) {

        public int raised(CardLevel level) {
            return raised.getOrDefault(level, 0);
        }
    }

    private record Claimed(long workOrderId, Long departmentId, Map<DeadlineClock, ClockRow> clocks) {
    }

    private record Watched(long workOrderId, Long departmentId, String number, String title, WorkOrderStatus status,
            Map<DeadlineClock, ClockRow> clocks) {
    }

    private record ClockRow(String limit, Instant deadline, CardLevel card) {
    }

    private record Raise(Watched order, DeadlineClock clock, CardLevel level, Instant deadline) {
    }

    private record WatchUpdate(long workOrderId, Instant checkAt, CardLevel acceptCard, CardLevel replyCard) {
    }

    private final DataSource dataSource;
    private final CardPolicy policy;
    private final NotificationStore notifications;
    private final WorkingCalendar calendar;
    private final int batchSize;

    public DeadlineSupervisor(DataSource dataSource, CardPolicy policy, NotificationStore notifications,
            WorkingCalendar calendar, int batchSize) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.notifications = notifications;
        this.calendar = calendar;
        this.batchSize = batchSize;
    }

    public PassResult pass(Instant now) throws SQLException {
        long start = System.nanoTime();
        Map<CardLevel, Integer> raised = new EnumMap<>(CardLevel.class);
        int examined = 0;
        int batches = 0;
        int rows;
        do {
            rows = batch(now, raised);
            examined += rows;
            batches++;
        } while (rows == batchSize);
        return new PassResult(examined, raised, batches, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One batch in one transaction; returns how many watched work orders it examined. */
    int batch(Instant now, Map<CardLevel, Integer> raised) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Watched> due = claimDue(connection, now);
                List<Raise> raises = new ArrayList<>();
                List<WatchUpdate> updates = new ArrayList<>();
                for (Watched order : due) {
                    updates.add(examine(order, now, raises));
                }
                List<Raise> inserted = insertCards(connection, raises, now);
                if (!inserted.isEmpty()) {
                    appendEvents(connection, inserted, now);
                    notifications.store(connection, notificationsFor(inserted, supervisors(connection), now), now);
                    inserted.forEach(r -> raised.merge(r.level(), 1, Integer::sum));
                }
                updateWatches(connection, updates);
                connection.commit();
                return due.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<Watched> claimDue(Connection connection, Instant now) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        List<Watched> due = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select w.work_order_id, w.department_id,
                       w.accept_limit, w.accept_deadline, w.accept_card, w.reply_limit, w.reply_deadline, w.reply_card
                from deadline_watch w
                where w.check_at <= ?
                order by w.check_at
                limit ?
                for update of w skip locked""")) {
            query.setTimestamp(1, Timestamp.from(now));
            query.setInt(2, batchSize);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Map<DeadlineClock, ClockRow> clocks = new EnumMap<>(DeadlineClock.class);
                    clocks.put(DeadlineClock.ACCEPT, new ClockRow(row.getString(3), instant(row.getTimestamp(4)),
                            CardLevel.valueOf(row.getString(5))));
                    clocks.put(DeadlineClock.REPLY, new ClockRow(row.getString(6), instant(row.getTimestamp(7)),
                            CardLevel.valueOf(row.getString(8))));
                    claimed.add(new Claimed(row.getLong(1), (Long) row.getObject(2), clocks));
                }
            }
        }
        Map<Long, Brief> orders = WorkOrderReads.briefs(connection,
                claimed.stream().map(Claimed::workOrderId).toList());
        for (Claimed row : claimed) {
            Brief order = orders.get(row.workOrderId());
            due.add(new Watched(row.workOrderId(), row.departmentId(), order.number(), order.title(), order.status(),
                    row.clocks()));
        }
        return due;
    }

    /** Decides the cards due on one work order; returns its watch row's new values. */
    private WatchUpdate examine(Watched order, Instant now, List<Raise> raises) {
        Map<DeadlineClock, CardLevel> cards = new EnumMap<>(DeadlineClock.class);
        Instant checkAt = null;
        for (DeadlineClock clock : DeadlineClock.values()) {
            ClockRow row = order.clocks().get(clock);
            cards.put(clock, row.card());
            if (row.deadline() == null) {
                continue;
            }
            CardPolicy.Thresholds thresholds = policy.thresholds(TimeLimit.parse(row.limit()), row.deadline());
            CardLevel reached = policy.levelAt(thresholds, now);
            CardLevel card = row.card();
            if (reached.compareTo(card) > 0) {
                raises.add(new Raise(order, clock, reached, row.deadline()));
                card = reached;
                cards.put(clock, card);
            }
            Instant next = policy.nextCheck(thresholds, card);
            if (next != null && (checkAt == null || next.isBefore(checkAt))) {
                checkAt = next;
            }
        }
        return new WatchUpdate(order.workOrderId(), checkAt, cards.get(DeadlineClock.ACCEPT),
                cards.get(DeadlineClock.REPLY));
    }

    private static List<Raise> insertCards(Connection connection, List<Raise> raises, Instant now)
            throws SQLException {
        if (raises.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into deadline_card (work_order_id, clock, level, deadline, department_id, raised_at)
                values (?, ?, ?, ?, ?, ?) on conflict on constraint deadline_card_once do nothing""")) {
            for (Raise raise : raises) {
                insert.setLong(1, raise.order().workOrderId());
                insert.setString(2, raise.clock().name());
                insert.setString(3, raise.level().name());
                insert.setTimestamp(4, Timestamp.from(raise.deadline()));
                insert.setObject(5, raise.order().departmentId());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            List<Raise> inserted = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    inserted.add(raises.get(i));
                }
            }
            return inserted;
        }
    }

    private static void appendEvents(Connection connection, List<Raise> inserted, Instant now) throws SQLException {
        WorkOrderReads.appendSupervisionEvents(connection, inserted.stream()
                .map(raise -> new SupervisionEvent(raise.order().workOrderId(), eventType(raise.level()),
                        raise.order().status(), Map.of("clock", raise.clock().name(), "deadline",
                                raise.deadline().toString())))
                .toList(), now);
    }

    private List<NewNotification> notificationsFor(List<Raise> inserted, List<Long> supervisors, Instant now) {
        List<NewNotification> toSend = new ArrayList<>();
        for (Raise raise : inserted) {
            String clock = raise.clock().label();
            String deadline = MINUTE.format(raise.deadline().atZone(calendar.zone()));
            String number = raise.order().number();
            NotificationKind kind;
            String title;
            String body;
            switch (raise.level()) {
                case YELLOW -> {
                    kind = NotificationKind.URGE;
                    title = "催办：工单 " + number + " " + clock + "时限将到";
                    body = "《" + raise.order().title() + "》" + clock + "时限为 " + deadline + "，剩余"
                            + WorkingDuration.of(calendar.workingTimeBetween(now, raise.deadline())).text()
                            + "，请抓紧办理。";
                }
                case RED -> {
                    kind = NotificationKind.OVERDUE;
                    title = "红牌：工单 " + number + " " + clock + "已超时";
                    body = "《" + raise.order().title() + "》" + clock + "时限为 " + deadline + "，已超时，请立即办理。";
                }
                default -> {
                    kind = NotificationKind.SUPERVISE;
                    title = "督办：工单 " + number + " " + clock + "超时已达" + policy.escalateAfterWorkingDays()
                            + "个工作日";
                    body = "《" + raise.order().title() + "》" + clock + "时限为 " + deadline + "，已逾期"
                            + WorkingDuration.of(calendar.workingTimeBetween(raise.deadline(), now)).text()
                            + "，列为督办件。";
                }
            }
            if (raise.order().departmentId() != null) {
                toSend.add(NewNotification.toDepartment(raise.order().departmentId(), kind, number, title, body));
            }
            if (raise.level() != CardLevel.YELLOW) {
                supervisors.forEach(id -> toSend.add(NewNotification.toUser(id, kind, number, title, body)));
            }
        }
        return toSend;
    }

    private static List<Long> supervisors(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select id from app_user where role = 'SUPERVISOR' and active order by id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static void updateWatches(Connection connection, List<WatchUpdate> updates) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update deadline_watch set check_at = ?, accept_card = ?, reply_card = ? where work_order_id = ?")) {
            for (WatchUpdate values : updates) {
                update.setTimestamp(1, timestamp(values.checkAt()));
                update.setString(2, values.acceptCard().name());
                update.setString(3, values.replyCard().name());
                update.setLong(4, values.workOrderId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static EventType eventType(CardLevel level) {
        return switch (level) {
            case YELLOW -> EventType.YELLOW_CARD;
            case RED -> EventType.RED_CARD;
            case ESCALATED -> EventType.ESCALATED;
            case NONE -> throw new IllegalArgumentException("no event for " + level);
        };
    }
}
