package org.hotline12345.businessdesk;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.workorder.Enterprise;
import org.hotline12345.workorder.WorkOrderChanged;
import org.hotline12345.workorder.WorkOrderSnapshot;
import org.hotline12345.workorder.WorkOrdersRegistered;

/**
 * Puts every enterprise request on the ledger, in the transaction that made it one: at registration when the caller
 * chose the enterprise line, the agent marked it or it names an enterprise, or later when the hotline marks it. The
 * enterprise is found, or recorded, by its credit code.
 */
@ApplicationScoped
public class EnterpriseRequests {

    @Inject
    EntityManager entityManager;

    @Inject
    DeskRepositories.Enterprises enterprises;

    @Inject
    DeskConfig config;

    @Inject
    WorkingCalendar calendar;

    void onRegistered(@Observes WorkOrdersRegistered registered) {
        for (WorkOrderSnapshot order : registered.workOrders()) {
            if (order.enterpriseRequest()) {
                open(order, order.registeredAt());
            }
        }
    }

    void onChange(@Observes WorkOrderChanged change) {
        WorkOrderSnapshot order = change.workOrder();
        if (order.enterpriseRequest() && !hasEntry(order)) {
            open(order, change.at());
        }
    }

    private void open(WorkOrderSnapshot order, Instant now) {
        EnterpriseProfile profile = profileOf(order.enterprise(), now);
        Instant deskDeadline = config.replyLimit().map(TimeLimit::parse)
                .map(limit -> limit.deadlineFrom(order.registeredAt(), calendar)).orElse(null);
        LedgerEntry entry = new LedgerEntry(order.id(), profile, deskDeadline, now);
        entityManager.persist(entry);
        entityManager.flush();
        entityManager.persist(new LedgerNote(entry.getId(), NoteKind.OPENED, null, now,
                "涉企诉求登记：" + order.title()));
    }

    private boolean hasEntry(WorkOrderSnapshot order) {
        return entityManager.createQuery("select count(e) from LedgerEntry e where e.workOrderId = ?1", Long.class)
                .setParameter(1, order.id()).getSingleResult() > 0;
    }

    /** The enterprise's record, created on its first request; {@code null} when the request names none. */
    EnterpriseProfile profileOf(Enterprise named, Instant now) {
        if (named == null || named.creditCode() == null) {
            return null;
        }
        return enterprises.byCreditCode(named.creditCode()).orElseGet(() -> {
            EnterpriseProfile created = new EnterpriseProfile(named.creditCode(), named.name(), now);
            enterprises.persist(created);
            return created;
        });
    }
}
