package org.hotline12345.notification;

/**
 * Where notifications go beyond the browser: an SMS gateway, a government messaging platform. Implement it as a CDI
 * bean to replace the default, which only logs. Each notification is handed over once; a delivery that throws is
 * retried on later runs, at most five times.
 */
public interface OutboundChannel {

    void deliver(OutboundMessage message) throws Exception;

    /**
     * @param recipientUserId set when the notification is for one user
     * @param recipientDepartmentId set when it is for a whole department
     */
    record OutboundMessage(long notificationId, NotificationKind kind, Long recipientUserId,
            Long recipientDepartmentId, String workOrderNumber, String title, String body) {
    }
}
