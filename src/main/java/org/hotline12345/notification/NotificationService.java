package org.hotline12345.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hotline12345.common.Page;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.security.Actor;

@ApplicationScoped
public class NotificationService {

    private final NotificationStore store = new NotificationStore();

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationRepository notifications;

    @Inject
    Clock clock;

    /** Stores and announces notifications as part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> send(List<NewNotification> toSend) {
        Instant now = clock.instant();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> store.store(connection, toSend, now));
    }

    @Transactional
    public Page<NotificationView> inbox(Actor actor, boolean unreadOnly, int page, int size) {
        var query = notifications.inbox(actor, unreadOnly).page(page, size);
        return new Page<>(query.list().stream().map(NotificationView::of).toList(), page, size, query.count());
    }

    @Transactional
    public long unreadCount(Actor actor) {
        return notifications.countUnread(actor);
    }

    @Transactional
    public NotificationView markRead(long id, Actor actor) {
        Notification notification = notifications.findByIdOptional(id).filter(n -> notifications.reaches(n, actor))
                .orElseThrow(() -> new ResourceNotFoundException("通知", id));
        notification.markRead(actor.username(), clock.instant());
        return NotificationView.of(notification);
    }

    @Transactional
    public int markAllRead(Actor actor) {
        List<Notification> unread = notifications.inbox(actor, true).list();
        Instant now = clock.instant();
        unread.forEach(notification -> notification.markRead(actor.username(), now));
        return unread.size();
    }
}
