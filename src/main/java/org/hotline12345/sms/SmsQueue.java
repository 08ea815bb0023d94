package org.hotline12345.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;

/**
 * What other features call to text a citizen: the message is rendered from its template and stored in the outbound
 * queue within the caller's transaction, so that it goes out exactly when what it announces is committed, and
 * survives a restart. {@link SmsSender} sends it.
 */
@ApplicationScoped
public class SmsQueue {

    @Inject
    SmsTemplates templates;

    @Inject
    SmsConfig config;

    @Inject
    SmsSender sender;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /**
     * Queues a message of {@code kind} to {@code phone}; an urgent kind is due at once, another one after the quiet
     * hours.
     *
     * @param workOrderNumber the work order it is about, or {@code null}
     * @return the message's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queue(SmsKind kind, String phone, Map<String, String> values, String workOrderNumber) {
        String body = templates.render(kind, values);
        Instant now = clock.instant();
        Instant due = kind.urgent() ? now : quietHours().earliestSend(now);
        long id = ((Number) entityManager.createNativeQuery("""
                insert into sms_message (kind, recipient, body, urgent, parts, work_order_number, state, queued_at,
                    next_attempt_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'QUEUED', ?7, ?8) returning id""")
                .setParameter(1, kind.name()).setParameter(2, phone).setParameter(3, body)
                .setParameter(4, kind.urgent()).setParameter(5, SmsText.partCount(body))
                .setParameter(6, workOrderNumber).setParameter(7, now).setParameter(8, due).getSingleResult())
                .longValue();
        if (!due.isAfter(now)) {
            sender.wakeUpAfterCommit();
        }
        return id;
    }

    QuietHours quietHours() {
        return new QuietHours(config.quietHours().start(), config.quietHours().end(), calendar.zone());
    }
}
