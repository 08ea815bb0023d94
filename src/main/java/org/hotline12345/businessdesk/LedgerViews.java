package org.hotline12345.businessdesk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.WorkOrderStatus;

/** What the desk's API returns. */
public final class LedgerViews {

    private LedgerViews() {
    }

    public record EnterpriseView(String creditCode, String name, String contactName, String contactPhone,
            String industry, EnterpriseSize size) {
    }

    public record IssueKindView(String code, String name, String environmentCode, String environmentName,
            boolean active) {
    }

    public record EnvironmentView(String code, String name, List<IssueKindView> issueKinds) {
    }

    public record DepartmentRef(String code, String name) {
    }

    /**
     * An entry in a list.
     *
     * @param deadline the earlier of the desk's deadline and the work order's reply deadline
     * @param overdue the department holds it past that deadline
     * @param remaining working time left, or by how much it is late, as people read it (剩余1个工作日3小时, 超期2小时)
     * @param ownerName the owner's name, as the pages show people
     */
    public record EntrySummary(long id, String workOrderNumber, String title, WorkOrderStatus workOrderStatus,
            EnterpriseView enterprise, IssueKindView issueKind, DepartmentRef leadDepartment, LedgerStatus status,
            String owner, OffsetDateTime deadline, boolean overdue, String remaining, OffsetDateTime createdAt,
            String signedOffBy, OffsetDateTime signedOffAt, String ownerName, String signedOffByName) {
    }

    public record Verification(String verifiedBy, OffsetDateTime verifiedAt, VerificationMethod method,
            Satisfaction enterpriseView, String comment, String verifiedByName) {
    }

    public record NoteView(NoteKind kind, String author, String authorName, String authorRole, OffsetDateTime at,
            String text) {
    }

    public record ReferralView(long id, long entryId, String proposedBy, OffsetDateTime proposedAt, String reasons,
            String evidence, ReferralStatus status, String decidedBy, OffsetDateTime decidedAt,
            String decisionComment, String proposedByName, String decidedByName) {
    }

    /**
     * An entry in full.
     *
     * @param reply the department's reply on the work order
     * @param referrals {@code null} for departments, who never see the referral discussion
     * @param actions the desk's steps the viewer may take now ({@link LedgerAction}): what the entry's page offers
     */
    public record EntryDetail(EntrySummary entry, String reply, Verification verification,
            String signOffRequestedBy, OffsetDateTime signOffRequestedAt, List<NoteView> notes,
            List<ReferralView> referrals, List<LedgerAction> actions) {

        /** Whether the viewer may take the step named {@code action} now; for the pages. */
        public boolean may(String action) {
            return actions.stream().anyMatch(a -> a.name().equals(action));
        }
    }

    public record Count(String key, String name, long entries) {
    }

    public record Counts(long total, List<Count> byEnvironment, List<Count> byDepartment, List<Count> byStatus) {
    }

    /**
     * A department that missed deadlines on enterprise matters.
     *
     * @param overdue entries it holds past their deadline now
     * @param repliedLate entries it replied to after their deadline
     * @param longestOverdue how long the oldest of {@code overdue} is late, in working time
     */
    public record Accountability(DepartmentRef department, long overdue, long repliedLate, String longestOverdue,
            List<String> overdueWorkOrders) {
    }

    public record WeeklyFigure(String key, String name, long created, long signedOff, long overdue) {
    }

    /** A notable case of the week: why it stands out, and the entry. */
    public record NotableCase(String reason, EntrySummary entry) {
    }

    /** 台账周报: the week from Monday to Sunday in the city's time zone. */
    public record WeeklyReport(String week, LocalDate from, LocalDate to, long created, long signedOff, long overdue,
            long openAtEnd, List<WeeklyFigure> byEnvironment, List<WeeklyFigure> byDepartment,
            List<NotableCase> notable) {
    }
}
