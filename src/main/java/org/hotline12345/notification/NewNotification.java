package org.hotline12345.notification;

/**
 * A notification to be stored: for one user or for a whole department, exactly one of the two.
 *
 * @param workOrderNumber the work order it is about, if any
 */
public record NewNotification(Long userId, Long departmentId, NotificationKind kind, String workOrderNumber,
        String title, String body) {

    public NewNotification {
        if ((userId == null) == (departmentId == null)) {
            throw new IllegalArgumentException("a notification goes to a user or to a department");
        }
    }

    public static NewNotification toDepartment(long departmentId, NotificationKind kind, String workOrderNumber,
            String title, String body) {
        return new NewNotification(null, departmentId, kind, workOrderNumber, title, body);
    }

    public static NewNotification toUser(long userId, NotificationKind kind, String workOrderNumber, String title,
            String body) {
        return new NewNotification(userId, null, kind, workOrderNumber, title, body);
    }
}
