package org.hotline12345.notification;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline12345.security.Actor;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {

    /** What reaches this person: sent to them, or to their department. */
    private static final String MINE = "(recipientUserId = :user or recipientDepartmentId = :department)";

    public PanacheQuery<Notification> inbox(Actor actor, boolean unreadOnly) {
        return find(MINE + (unreadOnly ? " and readAt is null" : ""), Sort.descending("createdAt", "id"),
                mine(actor));
    }

    public long countUnread(Actor actor) {
        return count(MINE + " and readAt is null", mine(actor));
    }

    public boolean reaches(Notification notification, Actor actor) {
        return notification.getRecipientUserId() != null && notification.getRecipientUserId() == actor.userId()
                || notification.getRecipientDepartmentId() != null
                        && notification.getRecipientDepartmentId().equals(actor.departmentId());
    }

    private static Parameters mine(Actor actor) {
        return Parameters.with("user", actor.userId()).and("department",
                actor.departmentId() == null ? -1L : actor.departmentId());
    }
}
