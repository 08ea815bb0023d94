package org.hotline12345.notification;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Hands stored notifications to the {@link OutboundChannel} once: rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so instances running this at the same time never deliver the same one twice.
 */
@ApplicationScoped
public class OutboundDelivery {

    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class);
    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 200;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboundChannel channel;

    @Inject
    Clock clock;

    @Scheduled(identity = "notification-outbound", every = "${hotline.notification.outbound-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        deliverPending();
    }

    /** Delivers one batch of undelivered notifications; returns how many were delivered. */
    @Transactional
    public int deliverPending() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, kind, recipient_user_id, recipient_department_id, work_order_number, title, body
                from notification where sent_at is null and delivery_attempts < ?1
                order by created_at limit ?2 for update skip locked""")
                .setParameter(1, MAX_ATTEMPTS).setParameter(2, BATCH).getResultList();
        int delivered = 0;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            OutboundChannel.OutboundMessage message = new OutboundChannel.OutboundMessage(id,
                    NotificationKind.valueOf((String) row[1]), row[2] == null ? null : ((Number) row[2]).longValue(),
                    row[3] == null ? null : ((Number) row[3]).longValue(), (String) row[4], (String) row[5],
                    (String) row[6]);
            boolean sent;
            try {
                channel.deliver(message);
                sent = true;
                delivered++;
            } catch (Exception e) {
                LOG.warnf(e, "Outbound delivery of notification %d failed; it will be retried", id);
                sent = false;
            }
            entityManager.createNativeQuery("""
                    update notification set delivery_attempts = delivery_attempts + 1,
                        sent_at = case when ?2 then cast(?3 as timestamptz) end
                    where id = ?1""")
                    .setParameter(1, id).setParameter(2, sent).setParameter(3, clock.instant()).executeUpdate();
        }
        return delivered;
    }
}
