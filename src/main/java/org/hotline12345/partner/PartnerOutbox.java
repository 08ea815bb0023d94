package org.hotline12345.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.Labels;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.partner.PartnerViews.DeliveryView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox of partner events. An event is written in the transaction of the change it reports, with
 * the next position of its partner's change feed, taken under the partner row's lock: positions therefore follow the
 * commit order, and a poller that asks for what comes after the last position it saw misses nothing. The sender
 * claims due events with {@code FOR UPDATE SKIP LOCKED}, only the earliest undelivered one of each work order, so
 * that a work order's events reach the partner in order; a claim that ran out (its instance died) is taken again.
 */
@ApplicationScoped
public class PartnerOutbox {

    /** An event claimed for delivery. */
    record Outgoing(long id, String eventId, long partnerId, String callbackUrl, String payload) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    PartnerDelivery delivery;

    @Inject
    ObjectMapper json;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /**
     * Writes an event for the partner in the caller's transaction; the sender is woken once it commits.
     *
     * @param data what the partner may see of the change, nothing else
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(long partnerId, String number, String externalId, PartnerEventType type,
            Map<String, Object> data) {
        Object[] partner = (Object[]) entityManager.createNativeQuery(
                "update partner set feed_position = feed_position + 1 where id = ?1 returning feed_position, callback_url")
                .setParameter(1, partnerId).getSingleResult();
        long position = ((Number) partner[0]).longValue();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id.toString());
        event.put("type", type.name());
        event.put("typeLabel", Labels.label(type));
        event.put("position", position);
        event.put("occurredAt", now.atZone(calendar.zone()).toOffsetDateTime().toString());
        event.put("workOrder", Map.of("number", number, "externalId", externalId));
        event.put("data", data);
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("""
                insert into partner_event (event_id, partner_id, position, work_order_number, type, payload, state,
                    next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)""")
                .setParameter(1, id).setParameter(2, partnerId).setParameter(3, position).setParameter(4, number)
                .setParameter(5, type.name()).setParameter(6, payload)
                .setParameter(7, partner[1] == null ? "FEED" : "PENDING").setParameter(8, now).executeUpdate();
        if (partner[1] != null) {
            wakeUpAfterCommit();
        }
    }

    /** Claims up to {@code limit} due events until {@code claimedUntil}: of each work order only its earliest. */
    @Transactional
    List<Outgoing> claim(int limit, Instant now, Instant claimedUntil) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                update partner_event set claimed_until = ?3, attempts = attempts + 1
                where id in (select e.id from partner_event e join partner p on p.id = e.partner_id
                             where e.state = 'PENDING' and e.next_attempt_at <= ?1
                               and (e.claimed_until is null or e.claimed_until < ?1) and not p.paused
                               and not exists (select 1 from partner_event b
                                               where b.partner_id = e.partner_id
                                                 and b.work_order_number = e.work_order_number
                                                 and b.state = 'PENDING' and b.position < e.position)
                             order by e.next_attempt_at, e.id limit ?2 for update of e skip locked)
                returning id, event_id, partner_id, payload""")
                .setParameter(1, now).setParameter(2, limit).setParameter(3, claimedUntil).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> urls = entityManager.createNativeQuery("select id, callback_url from partner").getResultList();
        Map<Long, String> callbackUrls = new java.util.HashMap<>();
        urls.forEach(row -> callbackUrls.put(((Number) row[0]).longValue(), (String) row[1]));
        return rows.stream().map(row -> new Outgoing(((Number) row[0]).longValue(), row[1].toString(),
                ((Number) row[2]).longValue(), callbackUrls.get(((Number) row[2]).longValue()), (String) row[3]))
                .toList();
    }

    /** The partner took the event; its count goes up. */
    @Transactional
    void delivered(Outgoing event, Instant now) {
        entityManager.createNativeQuery("""
                update partner_event set state = 'DELIVERED', delivered_at = ?2, claimed_until = null, last_error = null
                where id = ?1""").setParameter(1, event.id()).setParameter(2, now).executeUpdate();
        entityManager.createNativeQuery("update partner set events_delivered = events_delivered + 1 where id = ?1")
                .setParameter(1, event.partnerId()).executeUpdate();
    }

    /** Not taken: tried again at {@code retryAt}, or given up (DEAD) when that is {@code null}. */
    @Transactional
    void failed(long id, String error, Instant retryAt) {
        entityManager
                .createNativeQuery(
                        """
                                update partner_event set state = case when cast(?3 as timestamptz) is null then 'DEAD' else 'PENDING' end,
                                    next_attempt_at = coalesce(cast(?3 as timestamptz), next_attempt_at), claimed_until = null,
                                    last_error = left(?2, 500)
                                where id = ?1""")
                .setParameter(1, id).setParameter(2, error).setParameter(3, retryAt)
                .executeUpdate();
    }

    @Transactional
    int attempts(long id) {
        return ((Number) entityManager.createNativeQuery("select attempts from partner_event where id = ?1")
                .setParameter(1, id).getSingleResult()).intValue();
    }

    /** 重发: a dead (or delivered) event is queued again, at once and with its attempts counted afresh. */
    @Transactional
    public void replay(long id) {
        int updated = entityManager.createNativeQuery("""
                update partner_event set state = 'PENDING', attempts = 0, next_attempt_at = ?2, claimed_until = null
                where id = ?1 and state in ('DEAD', 'DELIVERED')""")
                .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
        if (updated == 0) {
            throw new ResourceNotFoundException("可重发的推送", String.valueOf(id));
        }
        wakeUpAfterCommit();
    }

    /** Events waiting to be pushed, for the service's metrics. */
    @Transactional
    public long pendingCount() {
        return ((Number) entityManager.createNativeQuery("select count(*) from partner_event where state = 'PENDING'")
                .getSingleResult()).longValue();
    }

    /** The administrators' list: events in a state (PENDING, DEAD, DELIVERED, FEED), newest first. */
    @Transactional
    public List<DeliveryView> list(String state, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select e.id, e.event_id, p.code, p.name, e.position, e.work_order_number, e.type, e.state, e.attempts,
                    e.created_at, e.next_attempt_at, e.delivered_at, e.last_error
                from partner_event e join partner p on p.id = e.partner_id
                where e.state = ?1 order by e.id desc limit ?2""")
                .setParameter(1, state).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> new DeliveryView(((Number) row[0]).longValue(), row[1].toString(),
                (String) row[2], (String) row[3], ((Number) row[4]).longValue(), (String) row[5],
                PartnerEventType.valueOf((String) row[6]), (String) row[7], ((Number) row[8]).intValue(),
                time(row[9]), "PENDING".equals(row[7]) ? time(row[10]) : null, time(row[11]), (String) row[12]))
                .toList();
    }

    /** The partner's change feed: its events after position {@code after}, in order. */
    @Transactional
    public PartnerViews.Changes changes(long partnerId, long after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select position, payload from partner_event where partner_id = ?1 and position > ?2
                order by position limit ?3""")
                .setParameter(1, partnerId).setParameter(2, after).setParameter(3, limit).getResultList();
        List<JsonNode> events = rows.stream().map(row -> {
            try {
                return json.readTree((String) row[1]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        long next = rows.isEmpty() ? after : ((Number) rows.get(rows.size() - 1)[0]).longValue();
        return new PartnerViews.Changes(events, next);
    }

    private void wakeUpAfterCommit() {
        delivery.wakeUpAfterCommit(transactions);
    }

    private OffsetDateTime time(Object value) {
        return value == null ? null : ((Instant) value).atZone(calendar.zone()).toOffsetDateTime();
    }
}
