package org.hotline12345.workorder;

import java.util.List;

/**
 * Fired synchronously, inside the transaction, once the work orders registered together (group commit) are stored, so
 * that features that keep something about new work orders (their deadline watch, the call they came from, the desk's
 * ledger) can store it for all of them at once.
 */
public record WorkOrdersRegistered(List<WorkOrderSnapshot> workOrders) {

    static WorkOrdersRegistered of(List<WorkOrder> orders) {
        return new WorkOrdersRegistered(orders.stream().map(WorkOrderSnapshot::of).toList());
    }
}
