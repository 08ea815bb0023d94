package org.hotline12345.notification;

import java.time.Instant;

/**
 * A notification in the inbox or pushed over WebSocket.
 *
 * @param toDepartment whether it was sent to the user's department rather than to the user
 */
public record NotificationView(long id, NotificationKind kind, String workOrderNumber, String title, String body,
        Instant createdAt, boolean toDepartment, Instant readAt, String readBy) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.getId(), notification.getKind(), notification.getWorkOrderNumber(),
                notification.getTitle(), notification.getBody(), notification.getCreatedAt(),
                notification.getRecipientDepartmentId() != null, notification.getReadAt(), notification.getReadBy());
    }
}
