package org.hotline12345.workorder;

import java.time.Instant;

/**
 * Fired synchronously, inside the transaction, after a work order took a step, so that features that follow its clocks
 * (deadline supervision) stay in step with it. New work orders are announced by {@link WorkOrdersRegistered}.
 */
public record WorkOrderChanged(WorkOrderSnapshot workOrder, Instant at) {

    static WorkOrderChanged of(WorkOrder order, Instant at) {
        return new WorkOrderChanged(WorkOrderSnapshot.of(order), at);
    }
}
