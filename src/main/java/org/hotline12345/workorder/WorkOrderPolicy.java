package org.hotline12345.workorder;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;

/**
 * Who may take each step of a work order: the one place both the API and the pages ask. A step needs its party (the
 * hotline, a supervisor, the lead or an assisting department holding its part now); whether the work order's state
 * allows it is the lifecycle's question ({@link WorkOrder#allows}). The API refuses a step this policy refuses, and the
 * pages offer exactly the steps {@link #available} lists.
 * <p>
 * Administrators and knowledge editors read work orders and take no step: administrators maintain reference data, and
 * the decisions of the hotline (审核, 退单, 延期, 回访, 办结) are the supervisors' and the agents'. The business-environment
 * desk's sign-off (销号) reviews and closes an enterprise request through its own rule, on the ledger.
 */
public final class WorkOrderPolicy {

    /** Who takes a step. */
    public enum Party {
        /** 坐席, 营商环境专席 and 班长: register, dispatch, answer, call back, urge, merge */
        HOTLINE("热线（坐席、营商环境专席、班长）"),
        /** 班长: the decisions on returns, extensions and replies, closing without callback, 督办 */
        SUPERVISOR("班长"),
        /** the staff of the department that holds the work order as lead (主办) */
        LEAD_DEPARTMENT("主办单位"),
        /** the staff of a department that holds a part as assisting department (协办) */
        ASSISTING_DEPARTMENT("协办单位"),
        /** the service itself (automatic dispatch's suggestion); no person */
        SYSTEM("系统"),
        /** the citizen, through the portal or the link in an SMS (好差评), never a member of staff */
        CITIZEN("市民");

        private final String label;

        Party(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private WorkOrderPolicy() {
    }

    /** The party of each step. */
    public static Party party(WorkOrderAction action) {
        return switch (action) {
            case ANSWER_DIRECTLY, DISPATCH, REDISPATCH, RECORD_CALLBACK, URGE, MERGE, MARK_ENTERPRISE_REQUEST ->
                Party.HOTLINE;
            case APPROVE_RETURN, REJECT_RETURN, APPROVE_EXTENSION, REJECT_EXTENSION, APPROVE_REPLY, REJECT_REPLY, CLOSE,
                    SUPERVISE, REOPEN_AFTER_RATING ->
                Party.SUPERVISOR;
            case ACCEPT, REQUEST_RETURN, REQUEST_EXTENSION, REPLY -> Party.LEAD_DEPARTMENT;
            case SUBMIT_ASSIST_INPUT -> Party.ASSISTING_DEPARTMENT;
            case SUGGEST_DISPATCH -> Party.SYSTEM;
            case RATE -> Party.CITIZEN;
        };
    }

    /** Whether a user of {@code role} may register work orders (受理). */
    public static boolean mayRegister(Role role) {
        return role.isHotline();
    }

    /** 403 unless the actor may register work orders. */
    static void requireRegister(Actor actor) {
        if (!mayRegister(actor.role())) {
            throw new ActionForbiddenException("受理工单由热线（坐席、营商环境专席、班长）办理，" + roleOf(actor) + "无此权限");
        }
    }

    /**
     * The steps {@code actor} may take on {@code order} now: their party's steps that the state allows. This is what
     * the pages offer and what {@link WorkOrderViews.Detail#actions()} lists.
     */
    static List<WorkOrderAction> available(WorkOrder order, Actor actor) {
        return Arrays.stream(WorkOrderAction.values())
                .filter(action -> refusal(action, order, actor).isEmpty() && order.allows(action)).toList();
    }

    /**
     * 404 when the actor may not know the work order, 403 when the step is not their party's; the state is checked by
     * the work order itself (409).
     */
    static void require(WorkOrderAction action, WorkOrder order, Actor actor) {
        requireVisible(order, actor);
        Optional<String> refusal = refusal(action, order, actor);
        if (refusal.isPresent()) {
            throw new ActionForbiddenException(refusal.get());
        }
    }

    /** Department staff know only the work orders their department holds or held; to them others do not exist. */
    static void requireVisible(WorkOrder order, Actor actor) {
        if (actor.isDepartmentStaff() && !order.everAssignedTo(actor.departmentId())) {
            throw new ResourceNotFoundException("工单", order.getNumber());
        }
    }

    /**
     * 附件: the lead department while it handles the work order (签收 to 回复), the hotline until it is closed; never
     * administrators or knowledge editors.
     */
    static boolean mayAttach(WorkOrder order, Actor actor) {
        return attachRefusal(order, actor).isEmpty() && attachConflict(order, actor).isEmpty();
    }

    /** 404 when the actor may not know the work order, 403 when attaching is not theirs, 409 when not now. */
    static void requireAttach(WorkOrder order, Actor actor) {
        requireVisible(order, actor);
        attachRefusal(order, actor).ifPresent(refusal -> {
            throw new ActionForbiddenException(refusal);
        });
        attachConflict(order, actor).ifPresent(conflict -> {
            throw new ConflictException(conflict);
        });
    }

    private static Optional<String> attachRefusal(WorkOrder order, Actor actor) {
        if (actor.isDepartmentStaff()) {
            return holds(order, actor, AssignmentRole.LEAD)
                    ? Optional.empty()
                    : Optional.of("只有主办单位可以为工单 " + order.getNumber() + " 上传附件");
        }
        return actor.isHotline()
                ? Optional.empty()
                : Optional.of(roleOf(actor) + "不能为工单上传附件");
    }

    private static Optional<String> attachConflict(WorkOrder order, Actor actor) {
        if (actor.isDepartmentStaff()) {
            return order.getStatus() == WorkOrderStatus.ACCEPTED
                    ? Optional.empty()
                    : Optional.of("工单 " + order.getNumber() + " 当前为“" + Labels.label(order.getStatus())
                            + "”：承办单位在签收后、回复前上传附件");
        }
        return order.getStatus() == WorkOrderStatus.CLOSED
                ? Optional.of("工单 " + order.getNumber() + " 已办结，不能再上传附件")
                : Optional.empty();
    }

    private static Optional<String> refusal(WorkOrderAction action, WorkOrder order, Actor actor) {
        Party party = party(action);
        boolean member = switch (party) {
            case HOTLINE -> actor.isHotline();
            case SUPERVISOR -> actor.role() == Role.SUPERVISOR;
            case LEAD_DEPARTMENT -> holds(order, actor, AssignmentRole.LEAD);
            case ASSISTING_DEPARTMENT -> holds(order, actor, AssignmentRole.ASSISTING);
            case SYSTEM, CITIZEN -> false;
        };
        if (member) {
            return Optional.empty();
        }
        return Optional.of("“" + Labels.label(action) + "”由" + party.label() + "办理，" + roleOf(actor) + "不能对工单 "
                + order.getNumber() + " 进行此操作");
    }

    private static boolean holds(WorkOrder order, Actor actor, AssignmentRole role) {
        return actor.isDepartmentStaff() && actor.departmentId() != null
                && order.activeAssignment(actor.departmentId()).filter(a -> a.getRole() == role).isPresent();
    }

    private static String roleOf(Actor actor) {
        return actor.isDepartmentStaff() ? "本单位" : "“" + Labels.label(actor.role()) + "”角色";
    }
}
