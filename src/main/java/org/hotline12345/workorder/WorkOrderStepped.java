package org.hotline12345.workorder;

import java.time.Instant;

/**
 * Fired synchronously, inside the transaction, after a work order took a step, for features outside this package that
 * follow work orders without reading them (the portal texts its citizens their progress).
 *
 * @param step the last event the step recorded
 * @param leadDepartmentId the department responsible now, or {@code null}
 */
public record WorkOrderStepped(String number, Channel channel, EventType step, WorkOrderStatus status,
        Long leadDepartmentId, Instant at) {
}
