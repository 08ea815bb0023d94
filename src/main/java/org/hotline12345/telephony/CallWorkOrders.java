package org.hotline12345.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.workorder.CallContext;
import org.hotline12345.workorder.WorkOrderSnapshot;
import org.hotline12345.workorder.WorkOrdersRegistered;

/**
 * Ties work orders to calls: one registered during a call is linked to it in the same transaction, and a caller who
 * chose the enterprise line makes it an enterprise request.
 */
@ApplicationScoped
public class CallWorkOrders implements CallContext {

    @Inject
    Switchboard switchboard;

    @Inject
    CallHistory history;

    @Inject
    EntityManager entityManager;

    void onRegistered(@Observes WorkOrdersRegistered registered) {
        for (WorkOrderSnapshot order : registered.workOrders()) {
            if (order.originCallId() != null) {
                history.linkNow(order.originCallId(), order.id(), order.registeredBy());
            }
        }
    }

    @Override
    public boolean choseEnterpriseLine(String callId) {
        LiveCall live = switchboard.read((calls, agents) -> calls.get(callId));
        if (live != null && live.ivrChoice() != null) {
            return live.ivrChoice() == IvrChoice.ENTERPRISE;
        }
        // the call may have ended, or the IVR spoke to another instance
        return !entityManager.createNativeQuery("select 1 from call_record where call_id = ?1 and ivr_choice = ?2")
                .setParameter(1, callId).setParameter(2, IvrChoice.ENTERPRISE.name()).getResultList().isEmpty();
    }
}
