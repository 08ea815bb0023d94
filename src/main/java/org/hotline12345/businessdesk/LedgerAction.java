package org.hotline12345.businessdesk;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.Labels;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.WorkOrderSnapshot;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * The desk's steps on a ledger entry, each with the stages it may start from, and who may take it: the one place both
 * the desk's API and its pages ask. Desk members (营商环境专席 and the desk lead) take every step; a sign-off is
 * approved by a second pair of eyes (not the one who verified or asked for it) or by the lead, and rejected by someone
 * other than who asked for it, or by the lead. Referrals are decided by the lead only ({@link Referral}).
 */
public enum LedgerAction {
    /** 问题分类 */
    CLASSIFY(open()),
    /** 指定负责人 */
    ASSIGN_OWNER(open()),
    /** 进展记录 */
    RECORD_PROGRESS(open()),
    /** 核实 the department's reply with the enterprise; again to correct it */
    VERIFY(EnumSet.of(LedgerStatus.OPEN, LedgerStatus.VERIFIED)),
    /** 申请销号 */
    REQUEST_SIGN_OFF(EnumSet.of(LedgerStatus.VERIFIED)),
    /** 销号 */
    APPROVE_SIGN_OFF(EnumSet.of(LedgerStatus.SIGN_OFF_REQUESTED)),
    /** 驳回销号: back to the department */
    REJECT_SIGN_OFF(EnumSet.of(LedgerStatus.VERIFIED, LedgerStatus.SIGN_OFF_REQUESTED)),
    /** 提请移送纪检监察 */
    PROPOSE_REFERRAL(open());

    private final Set<LedgerStatus> from;

    LedgerAction(Set<LedgerStatus> from) {
        this.from = from;
    }

    /** Every stage before the sign-off. */
    private static Set<LedgerStatus> open() {
        return EnumSet.complementOf(EnumSet.of(LedgerStatus.SIGNED_OFF));
    }

    /** Whether a user of {@code role} decides referrals to discipline inspection: the desk lead alone. */
    public static boolean decidesReferrals(Role role) {
        return role == Role.DESK_LEAD;
    }

    /** The steps {@code actor} may take on the entry now: what the entry's page offers. */
    static List<LedgerAction> available(LedgerEntry entry, WorkOrderSnapshot order, Actor actor) {
        return Arrays.stream(values()).filter(action -> action.from.contains(entry.getStatus())
                && action.refusal(entry, actor).isEmpty() && action.unmetCondition(entry, order) == null).toList();
    }

    /** 403 when the step is not the actor's, 409 when the entry's stage or the work order does not allow it now. */
    void require(LedgerEntry entry, WorkOrderSnapshot order, Actor actor) {
        Optional<String> refusal = refusal(entry, actor);
        if (refusal.isPresent()) {
            throw new ActionForbiddenException(refusal.get());
        }
        requireAllowedFrom(entry.getId(), entry.getStatus());
        String unmet = unmetCondition(entry, order);
        if (unmet != null) {
            throw new ConflictException(unmet);
        }
    }

    void requireAllowedFrom(long entryId, LedgerStatus current) {
        if (!from.contains(current)) {
            throw new InvalidLedgerStateException(entryId, this, current, from);
        }
    }

    private Optional<String> refusal(LedgerEntry entry, Actor actor) {
        if (!actor.role().isDesk()) {
            return Optional.of("“" + Labels.label(this) + "”由营商环境专席办理，“" + Labels.label(actor.role()) + "”角色无此权限");
        }
        boolean lead = actor.role() == Role.DESK_LEAD;
        if (this == APPROVE_SIGN_OFF && !lead && (actor.username().equals(entry.getVerifiedBy())
                || actor.username().equals(entry.getSignOffRequestedBy()))) {
            return Optional.of("销号须由核实人、申请人以外的另一位专席或专席组长审批");
        }
        if (this == REJECT_SIGN_OFF && !lead && actor.username().equals(entry.getSignOffRequestedBy())) {
            return Optional.of("驳回销号须由申请人以外的另一位专席或专席组长办理");
        }
        return Optional.empty();
    }

    /** What the step needs of the entry and its work order besides the stage; {@code null} when it holds. */
    private String unmetCondition(LedgerEntry entry, WorkOrderSnapshot order) {
        return switch (this) {
            case VERIFY -> order.status() == WorkOrderStatus.REPLIED
                    ? null
                    : "工单 " + order.number() + " 当前为“" + Labels.label(order.status())
                            + "”：承办单位回复后才能核实";
            case APPROVE_SIGN_OFF -> entry.getEnterpriseView() == Satisfaction.DISSATISFIED
                    ? "企业对答复不满意：请驳回销号，退回承办单位重办"
                    : null;
            default -> null;
        };
    }

    /** 409: naming the entry's current status and the statuses the step requires. */
    public static class InvalidLedgerStateException extends ConflictException {
        private final Map<String, Object> properties = new LinkedHashMap<>();

        InvalidLedgerStateException(long entryId, LedgerAction action, LedgerStatus current,
                Set<LedgerStatus> required) {
            super("台账 " + entryId + " 当前为“" + Labels.label(current) + "”，“" + Labels.label(action) + "”只能在"
                    + required.stream().map(status -> "“" + Labels.label(status) + "”")
                            .collect(Collectors.joining("或"))
                    + "时办理");
            properties.put("action", action);
            properties.put("currentStatus", current);
            properties.put("requiredStatus", required);
        }

        @Override
        public String kind() {
            return "invalid-state";
        }

        @Override
        public Map<String, Object> properties() {
            return properties;
        }
    }
}
