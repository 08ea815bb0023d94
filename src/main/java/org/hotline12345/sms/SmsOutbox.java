package org.hotline12345.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.workorder.PhoneNumbers;

/**
 * The outbound queue as the sender works it: messages due are claimed for a while with {@code FOR UPDATE SKIP
 * LOCKED}, so that instances sending at the same time never take the same one (a claim that ran out, e.g. because
 * its instance died, is taken again); then each message's outcome and, later, each part's delivery receipt.
 */
@ApplicationScoped
public class SmsOutbox {

    /** A message as the administrators' page lists it, the number masked. */
    public record MessageView(long id, SmsKind kind, String recipient, String body, int parts, SmsState state,
            int attempts, String workOrderNumber, OffsetDateTime queuedAt, OffsetDateTime sentAt,
            OffsetDateTime deliveredAt, String lastError) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    /** Messages not yet handed to the SMSC (queued, or claimed by a sender), for the service's metrics. */
    @Transactional
    public long pendingCount() {
        return ((Number) entityManager
                .createNativeQuery("select count(*) from sms_message where state in ('QUEUED', 'SENDING')")
                .getSingleResult()).longValue();
    }

    /** Claims up to {@code limit} due messages until {@code claimedUntil}, urgent ones first. */
    @Transactional
    List<SmsGateway.Outgoing> claim(int limit, Instant now, Instant claimedUntil) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                update sms_message set state = 'SENDING', claimed_until = ?3, attempts = attempts + 1
                where id in (select id from sms_message
                             where (state = 'QUEUED' or state = 'SENDING' and claimed_until < ?1)
                               and next_attempt_at <= ?1
                             order by urgent desc, next_attempt_at, id limit ?2 for update skip locked)
                returning id, kind, recipient, body, urgent""")
                .setParameter(1, now).setParameter(2, limit).setParameter(3, claimedUntil).getResultList();
        return rows.stream().map(row -> new SmsGateway.Outgoing(((Number) row[0]).longValue(),
                SmsKind.valueOf((String) row[1]), (String) row[2], (String) row[3], (Boolean) row[4]))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    /** The SMSC took every part; a secret's text is cleared now that it is no longer needed. */
    @Transactional
    void sent(SmsGateway.Outgoing message, List<String> smscIds, Instant now) {
        entityManager.createNativeQuery("""
                update sms_message set state = 'SENT', sent_at = ?2, claimed_until = null, last_error = null,
                    body = case when ?3 then '（验证码短信，已发送，内容不保留）' else body end
                where id = ?1""")
                .setParameter(1, message.id()).setParameter(2, now).setParameter(3, message.kind().secret())
                .executeUpdate();
        for (int i = 0; i < smscIds.size(); i++) {
            lockReceiptOf(smscIds.get(i));
            entityManager.createNativeQuery(
                    "insert into sms_part (message_id, seq, smsc_message_id) values (?1, ?2, ?3)")
                    .setParameter(1, message.id()).setParameter(2, i + 1).setParameter(3, smscIds.get(i))
                    .executeUpdate();
        }
        applyReceipts(message.id());
    }

    /** Not sent this time: queued again for {@code retryAt}, or failed for good when that is {@code null}. */
    @Transactional
    void failed(long id, String error, Instant retryAt) {
        entityManager
                .createNativeQuery(
                        """
                                update sms_message set state = case when cast(?3 as timestamptz) is null then 'FAILED' else 'QUEUED' end,
                                    next_attempt_at = coalesce(cast(?3 as timestamptz), next_attempt_at), claimed_until = null,
                                    last_error = left(?2, 500)
                                where id = ?1""")
                .setParameter(1, id).setParameter(2, error).setParameter(3, retryAt).executeUpdate();
    }

    /** How often the message was claimed for sending, this time included. */
    @Transactional
    int attempts(long id) {
        return ((Number) entityManager.createNativeQuery("select attempts from sms_message where id = ?1")
                .setParameter(1, id).getSingleResult()).intValue();
    }

    /** A delivery receipt for the part the SMSC gave {@code smscMessageId}. */
    @Transactional
    void receipt(String smscMessageId, String state, String error, Instant now) {
        lockReceiptOf(smscMessageId);
        entityManager.createNativeQuery("""
                insert into sms_receipt (smsc_message_id, state, error, received_at) values (?1, ?2, ?3, ?4)
                on conflict (smsc_message_id) do update
                    set state = excluded.state, error = excluded.error, received_at = excluded.received_at""")
                .setParameter(1, smscMessageId).setParameter(2, state).setParameter(3, error).setParameter(4, now)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> messages = entityManager
                .createNativeQuery("select message_id from sms_part where smsc_message_id = ?1")
                .setParameter(1, smscMessageId).getResultList();
        messages.forEach(id -> applyReceipts(id.longValue()));
    }

    /**
     * A receipt may arrive while the submit's outcome is being stored: both take this lock first, so that whichever
     * commits second sees the other's row and joins the receipt to its part.
     */
    private void lockReceiptOf(String smscMessageId) {
        entityManager
                .createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext('sms_receipt:' || ?1))) locked")
                .setParameter(1, smscMessageId).getSingleResult();
    }

    /**
     * A sent message is DELIVERED once every part's receipt says DELIVRD, UNDELIVERED as soon as one part's receipt
     * is final and says otherwise; ENROUTE and ACCEPTD are not final.
     */
    private void applyReceipts(long id) {
        entityManager.createNativeQuery("""
                update sms_message m set state = s.outcome, delivered_at = s.last_receipt
                from (select p.message_id,
                        case when count(*) filter (where r.state in ('UNDELIV', 'EXPIRED', 'DELETED', 'REJECTD',
                                                                     'UNKNOWN')) > 0 then 'UNDELIVERED'
                             when count(*) filter (where r.state = 'DELIVRD') = count(*) then 'DELIVERED' end
                          as outcome,
                        max(r.received_at) as last_receipt
                      from sms_part p left join sms_receipt r on r.smsc_message_id = p.smsc_message_id
                      where p.message_id = ?1 group by p.message_id) s
                where m.id = s.message_id and s.outcome is not null and m.state = 'SENT'""")
                .setParameter(1, id).executeUpdate();
    }

    /** The latest messages, newest first. */
    @Transactional
    public List<MessageView> recent(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, kind, recipient, body, parts, state, attempts, work_order_number, queued_at, sent_at,
                    delivered_at, last_error
                from sms_message order by queued_at desc, id desc limit ?1""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> new MessageView(((Number) row[0]).longValue(),
                SmsKind.valueOf((String) row[1]), PhoneNumbers.mask((String) row[2]), (String) row[3],
                ((Number) row[4]).intValue(), SmsState.valueOf((String) row[5]), ((Number) row[6]).intValue(),
                (String) row[7],
                time(row[8]), time(row[9]), time(row[10]), (String) row[11])).toList();
    }

    /** When each of these messages reached the SMSC (or the log), for those that did. */
    @Transactional
    public Map<Long, Instant> sentAt(Collection<Long> ids) {
        Map<Long, Instant> sent = new HashMap<>();
        if (ids.isEmpty()) {
            return sent;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select id, sent_at from sms_message where id = any(?1) and sent_at is not null")
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
        rows.forEach(row -> sent.put(((Number) row[0]).longValue(), (Instant) row[1]));
        return sent;
    }

    private OffsetDateTime time(Object value) {
        return value == null ? null : ((Instant) value).atZone(calendar.zone()).toOffsetDateTime();
    }
}
