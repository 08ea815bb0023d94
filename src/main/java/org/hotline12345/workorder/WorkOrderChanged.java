package org.hotline12345.workorder;

import java.time.Instant;

/**
 * Fired synchronously, inside the transaction, after a work order was registered or took a step, so that features
 * that follow its clocks (deadline supervision) stay in step with it.
 *
 * @param registered whether the work order was registered in this transaction, so nothing is stored about it yet
 */
public record WorkOrderChanged(WorkOrder workOrder, Instant at, boolean registered) {
}
