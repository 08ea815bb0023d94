package org.hotline12345.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hotline12345.security.Actor;
import org.hotline12345.security.DatabaseIdentityProvider;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;

/** The header's unread count: {@code {inject:inbox.unread}} on every page of a signed-in user. */
@Named("inbox")
@RequestScoped
public class UnreadNotifications {

    @Inject
    SecurityIdentity identity;

    @Inject
    NotificationService notifications;

    private Long unread;

    public long unread() {
        if (unread == null) {
            Actor actor = identity == null || identity.isAnonymous()
                    ? null
                    : identity.getAttribute(DatabaseIdentityProvider.ACTOR_ATTRIBUTE);
            // an error page the security layer answers on the IO thread may not query the database: no count there
            unread = actor == null || !BlockingOperationControl.isBlockingAllowed()
                    ? 0
                    : notifications.unreadCount(actor);
        }
        return unread;
    }
}
