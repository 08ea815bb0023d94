package org.hotline12345.workorder;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.security.Actor;

/**
 * Which work orders department staff may see and act on. Roles are checked on the endpoints; this adds the
 * department binding: staff see only work orders their department holds or once held (others do not exist for them:
 * 404), and act only while their department holds the required part (403).
 */
final class WorkOrderAccess {

    private WorkOrderAccess() {
    }

    static void requireVisible(WorkOrder order, Actor actor) {
        if (actor.isDepartmentStaff() && !order.everAssignedTo(actor.departmentId())) {
            throw new ResourceNotFoundException("Work order", order.getNumber());
        }
    }

    static void requireLead(WorkOrder order, Actor actor, DepartmentDirectory departments) {
        require(order, actor, AssignmentRole.LEAD, departments);
    }

    static void requireAssisting(WorkOrder order, Actor actor, DepartmentDirectory departments) {
        require(order, actor, AssignmentRole.ASSISTING, departments);
    }

    private static void require(WorkOrder order, Actor actor, AssignmentRole role, DepartmentDirectory departments) {
        requireVisible(order, actor);
        boolean holds = actor.departmentId() != null && order.activeAssignment(actor.departmentId())
                .filter(a -> a.getRole() == role).isPresent();
        if (!holds) {
            String lead = order.getLeadDepartmentId() == null
                    ? "none"
                    : departments.byId(order.getLeadDepartmentId()).map(d -> d.name()).orElse("unknown");
            throw new ActionForbiddenException("Only " + (role == AssignmentRole.LEAD
                    ? "the lead department (currently " + lead + ")"
                    : "an assisting department") + " may do this on work order " + order.getNumber());
        }
    }
}
