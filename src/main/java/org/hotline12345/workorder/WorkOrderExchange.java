package org.hotline12345.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;

/**
 * What the hotline shares with the systems it exchanges work orders with (the partner package): a work order as a
 * partner may see it, and what a partner reports back about one handed to it. Never internal notes or staff names.
 */
@ApplicationScoped
public class WorkOrderExchange {

    /**
     * A work order as shared with a partner.
     *
     * @param approvedReply the reply once the hotline approved it (or the direct answer), else {@code null}
     * @param rating the citizen's latest 好差评 (a {@link ServiceRating} name), or {@code null}
     * @param callId the call it was registered from, or {@code null}
     * @param updatedAt when its history last moved
     */
    public record SharedWorkOrder(String number, WorkOrderStatus status, RequestType requestType, String title,
            String content, String citizenName, String phone, String district, String street, String address,
            String categoryCode, String categoryName, String leadDepartment, Instant registeredAt,
            String approvedReply, Instant closedAt, String rating, String callId, Instant updatedAt) {

        public boolean closed() {
            return status == WorkOrderStatus.CLOSED;
        }
    }

    @Inject
    WorkOrderRepository workOrders;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CategoryDirectory categories;

    @Transactional
    public Optional<SharedWorkOrder> find(String number) {
        return workOrders.findByNumber(number).map(this::shared);
    }

    /** The shared view of several work orders, those that exist, in no particular order. */
    @Transactional
    public List<SharedWorkOrder> findAll(List<String> numbers) {
        return workOrders.list("number in ?1", numbers).stream().map(this::shared).toList();
    }

    /**
     * Records on the work order's history an exchange with a partner system (handed to 110 as a 警单 or to another
     * city; what the partner reported back: its 受理, its result), in the caller's transaction.
     *
     * @param summary the history line, e.g. {@code 110 已受理}
     * @param text what was sent or reported, or {@code null}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPartnerExchange(String number, String summary, String text, Instant at) {
        WorkOrder order = workOrders.lockByNumber(number)
                .orElseThrow(() -> new ResourceNotFoundException("工单", number));
        order.recordPartnerExchange(summary, text, at);
    }

    private SharedWorkOrder shared(WorkOrder order) {
        boolean approved = order.getStatus() == WorkOrderStatus.REVIEWED
                || order.getStatus() == WorkOrderStatus.CLOSED && order.getReply() != null;
        String answer = order.getClosure() == Closure.ANSWERED_DIRECTLY
                ? order.getDirectAnswer()
                : approved ? order.getReply() : null;
        String rating = order.getHistory().stream().filter(event -> event.getType() == EventType.SERVICE_RATED)
                .reduce((first, second) -> second).map(WorkOrderEvent::getDetails)
                .map(details -> (String) details.get("rating")).orElse(null);
        CategoryView category = categories.byId(order.getCategoryId()).orElse(null);
        Location location = order.getLocation();
        return new SharedWorkOrder(order.getNumber(), order.getStatus(), order.getRequestType(), order.getTitle(),
                order.getContent(), order.getCitizen().name(), order.getCitizen().phone(),
                location == null ? null : location.district(), location == null ? null : location.street(),
                location == null ? null : location.address(), category == null ? null : category.code(),
                category == null ? null : category.name(),
                order.getLeadDepartmentId() == null
                        ? null
                        : departments.byId(order.getLeadDepartmentId()).map(DepartmentView::name).orElse(null),
                order.getRegisteredAt(), answer, order.getClosedAt(), rating, order.getOriginCallId(),
                order.getHistory().isEmpty()
                        ? order.getRegisteredAt()
                        : order.getHistory().get(order.getHistory().size() - 1).getOccurredAt());
    }
}
