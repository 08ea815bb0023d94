package org.hotline12345.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.hotline12345.access.AccessChannel;
import org.hotline12345.businessdesk.EnterpriseSize;
import org.hotline12345.businessdesk.LedgerAction;
import org.hotline12345.businessdesk.LedgerStatus;
import org.hotline12345.businessdesk.NoteKind;
import org.hotline12345.businessdesk.ReferralStatus;
import org.hotline12345.businessdesk.VerificationMethod;
import org.hotline12345.calendar.HolidaySource;
import org.hotline12345.deadline.CardLevel;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.dispatch.HandlingLevel;
import org.hotline12345.intake.IntakeSource;
import org.hotline12345.intake.IntakeState;
import org.hotline12345.intake.RefusalKind;
import org.hotline12345.knowledge.ArticleStatus;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.rating.ReviewDecision;
import org.hotline12345.rating.ReviewState;
import org.hotline12345.sms.SmsKind;
import org.hotline12345.sms.SmsState;
import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.IvrChoice;
import org.hotline12345.telephony.callback.MissedCallOutcome;
import org.hotline12345.telephony.callback.MissedCallReason;
import org.hotline12345.telephony.callback.MissedCallStatus;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.AssignmentRole;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.Closure;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.ExtensionStatus;
import org.hotline12345.workorder.Occupation;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.ServiceRating;
import org.hotline12345.workorder.Urgency;
import org.hotline12345.workorder.WorkOrderAction;
import org.hotline12345.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

class LabelsTest {

    /** Every enum whose values the pages show. */
    private static final List<Class<? extends Enum<?>>> SHOWN = List.of(WorkOrderStatus.class, Channel.class,
            RequestType.class, Urgency.class, Occupation.class, Satisfaction.class, Closure.class,
            AssignmentRole.class, ExtensionStatus.class, EventType.class, CardLevel.class, NotificationKind.class,
            Role.class, HolidaySource.class, DepartmentKind.class, HandlingLevel.class, ArticleStatus.class,
            org.hotline12345.knowledge.ProposalStatus.class,
            LedgerStatus.class,
            NoteKind.class, ReferralStatus.class, VerificationMethod.class, EnterpriseSize.class, AgentState.class,
            IvrChoice.class, ServiceRating.class,
            // the portal's: SMS, online requests, 差评核实
            SmsKind.class, SmsState.class, IntakeState.class, IntakeSource.class, RefusalKind.class, ReviewState.class,
            ReviewDecision.class,
            AccessChannel.class, WorkOrderAction.class, LedgerAction.class,
            MissedCallReason.class, MissedCallStatus.class, MissedCallOutcome.class,
            org.hotline12345.duplicate.DuplicateReason.class, org.hotline12345.duplicate.Relation.class,
            // 考核 (scorecard)
            org.hotline12345.scorecard.Indicator.class, org.hotline12345.scorecard.AppealKind.class,
            org.hotline12345.scorecard.AppealStatus.class);

    @Test
    void everyConstantThePagesShowHasItsChineseTerm() {
        List<String> missing = SHOWN.stream().flatMap(type -> Arrays.stream(type.getEnumConstants()))
                .filter(value -> !Labels.hasLabel(value)).map(value -> value.getClass().getSimpleName() + "." + value)
                .toList();
        assertThat(missing).isEmpty();
        assertThat(Stream.of(WorkOrderStatus.CLOSED, Satisfaction.BASICALLY_SATISFIED, Role.DESK_LEAD)
                .map(Labels::label)).containsExactly("已办结", "基本满意", "营商环境专席组长");
    }

    @Test
    void timesReadToTheMinuteInTheirOwnZone() {
        assertThat(Labels.minutes(OffsetDateTime.parse("2026-11-24T22:19:38.921021+08:00")))
                .isEqualTo("2026-11-24 22:19");
    }
}
