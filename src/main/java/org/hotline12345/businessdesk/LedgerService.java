package org.hotline12345.businessdesk;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hotline12345.businessdesk.LedgerViews.Accountability;
import org.hotline12345.businessdesk.LedgerViews.Count;
import org.hotline12345.businessdesk.LedgerViews.Counts;
import org.hotline12345.businessdesk.LedgerViews.DepartmentRef;
import org.hotline12345.businessdesk.LedgerViews.EnterpriseView;
import org.hotline12345.businessdesk.LedgerViews.EntryDetail;
import org.hotline12345.businessdesk.LedgerViews.EntrySummary;
import org.hotline12345.businessdesk.LedgerViews.IssueKindView;
import org.hotline12345.businessdesk.LedgerViews.NoteView;
import org.hotline12345.businessdesk.LedgerViews.ReferralView;
import org.hotline12345.businessdesk.LedgerViews.Verification;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.calendar.WorkingDuration;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.Actor;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.UserNames;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderSnapshot;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * The desk's ledger (台账): lists and counts, the trail of each entry, verification with the enterprise and sign-off
 * (销号), and referrals to discipline inspection. Desk members see every enterprise request; departments see only the
 * entries of work orders their department holds or held, never the referral discussion.
 */
@ApplicationScoped
public class LedgerService {

    @Inject
    EntityManager entityManager;

    @Inject
    DeskRepositories.Entries entries;

    @Inject
    DeskRepositories.Notes notes;

    @Inject
    DeskRepositories.Referrals referrals;

    @Inject
    DeskRepositories.IssueKinds issueKinds;

    @Inject
    DeskRepositories.Environments environments;

    @Inject
    DepartmentDirectory departments;

    @Inject
    AppUserRepository users;

    @Inject
    UserNames names;

    @Inject
    WorkOrderService workOrders;

    @Inject
    WorkOrderReads workOrderReads;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Transactional
    public Page<EntrySummary> list(LedgerFilter filter, int page, int size, Actor actor) {
        List<Entry> found = matching(filter, actor);
        Instant now = clock.instant();
        return new Page<>(found.stream().skip((long) page * size).limit(size)
                .map(e -> summary(e.entry(), e.order(), now)).toList(), page, size, found.size());
    }

    /** The entries of the filter counted by environment, by department and by status. */
    @Transactional
    public Counts counts(LedgerFilter filter, Actor actor) {
        List<Entry> all = matching(filter, actor);
        Map<String, Count> byEnvironment = new LinkedHashMap<>();
        environments.inOrder().forEach(env -> byEnvironment.put(env.getCode(), new Count(env.getCode(), env.getName(),
                0)));
        byEnvironment.put("UNCLASSIFIED", new Count("UNCLASSIFIED", "未分类", 0));
        Map<String, Long> byDepartment = new HashMap<>();
        Map<LedgerStatus, Long> byStatus = new LinkedHashMap<>();
        for (LedgerStatus status : LedgerStatus.values()) {
            byStatus.put(status, 0L);
        }
        for (Entry match : all) {
            LedgerEntry entry = match.entry();
            String environment = entry.getIssueKind() == null
                    ? "UNCLASSIFIED"
                    : entry.getIssueKind().getEnvironment().getCode();
            byEnvironment.computeIfPresent(environment, (k, c) -> new Count(c.key(), c.name(), c.entries() + 1));
            Long lead = match.order().leadDepartmentId();
            byDepartment.merge(lead == null ? "NONE" : departments.byId(lead).orElseThrow().code(), 1L, Long::sum);
            byStatus.merge(entry.getStatus(), 1L, Long::sum);
        }
        List<Count> departmentCounts = byDepartment.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getKey().equals("NONE")
                        ? "未派单"
                        : departments.byCode(e.getKey()).orElseThrow().name(), e.getValue()))
                .sorted(Comparator.comparingLong(Count::entries).reversed().thenComparing(Count::key))
                .toList();
        return new Counts(all.size(), List.copyOf(byEnvironment.values()), departmentCounts,
                byStatus.entrySet().stream().map(e -> new Count(e.getKey().name(), Labels.label(e.getKey()),
                        e.getValue())).toList());
    }

    @Transactional
    public EntryDetail get(long id, Actor actor) {
        return detail(visible(id, actor), actor);
    }

    @Transactional
    public EntryDetail forWorkOrder(String number, Actor actor) {
        LedgerEntry entry = workOrderReads.idOf(number).flatMap(entries::byWorkOrderId)
                .orElseThrow(() -> new ResourceNotFoundException("台账（工单）", number));
        return detail(visible(entry.getId(), actor), actor);
    }

    @Transactional
    public EntryDetail classify(long id, String issueKindCode, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.CLASSIFY.require(entry, orderOf(entry), actor);
        IssueKind kind = issueKinds.findByIdOptional(issueKindCode).filter(IssueKind::isActive)
                .orElseThrow(() -> InvalidFieldException.unacceptable("issueKindCode", "exists",
                        "没有代码为 " + issueKindCode + " 的在用问题类型"));
        entry.classify(kind);
        note(entry, NoteKind.CLASSIFIED, actor, kind.getEnvironment().getName() + " / " + kind.getName());
        return detail(entry, actor);
    }

    @Transactional
    public EntryDetail assign(long id, String username, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.ASSIGN_OWNER.require(entry, orderOf(entry), actor);
        var user = users.find("username", username).firstResultOptional()
                .filter(u -> u.getRole().isDesk() && u.isActive())
                .orElseThrow(() -> InvalidFieldException.unacceptable("owner", "deskMember",
                        username + " 不是在岗的营商环境专席"));
        entry.assign(user.getUsername());
        note(entry, NoteKind.OWNER_ASSIGNED, actor, user.getDisplayName() + "（" + user.getUsername() + "）负责");
        return detail(entry, actor);
    }

    @Transactional
    public EntryDetail addProgress(long id, String text, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.RECORD_PROGRESS.require(entry, orderOf(entry), actor);
        note(entry, NoteKind.PROGRESS, actor, text.strip());
        return detail(entry, actor);
    }

    /** 核实: the department has replied; the desk asked the enterprise whether the reply holds. */
    @Transactional
    public EntryDetail verify(long id, VerificationMethod method, Instant verifiedAt, Satisfaction view,
            String comment, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.VERIFY.require(entry, orderOf(entry), actor);
        Instant at = verifiedAt != null ? verifiedAt : clock.instant();
        if (at.isAfter(clock.instant())) {
            throw InvalidFieldException.unacceptable("verifiedAt", "past", "不能晚于现在");
        }
        entry.verify(actor.username(), at, method, view, blankToNull(comment));
        note(entry, NoteKind.VERIFIED, actor, Labels.label(method) + "核实，企业评价：" + Labels.label(view)
                + (blankToNull(comment) == null ? "" : "。" + comment.strip()));
        return detail(entry, actor);
    }

    @Transactional
    public EntryDetail requestSignOff(long id, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.REQUEST_SIGN_OFF.require(entry, orderOf(entry), actor);
        entry.requestSignOff(actor.username(), clock.instant());
        note(entry, NoteKind.SIGN_OFF_REQUESTED, actor, null);
        return detail(entry, actor);
    }

    /**
     * 销号, by a desk member other than the one who verified and the one who asked, or by the desk lead. The work order
     * closes with the enterprise's view as its callback.
     */
    @Transactional
    public EntryDetail approveSignOff(long id, String comment, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.APPROVE_SIGN_OFF.require(entry, orderOf(entry), actor);
        workOrders.closeBySignOff(orderOf(entry).number(), entry.getEnterpriseView(),
                "营商环境专席核实：" + Labels.label(entry.getVerificationMethod()), actor);
        entry.signOff(actor.username(), clock.instant());
        note(entry, NoteKind.SIGNED_OFF, actor, blankToNull(comment));
        return detail(entry, actor);
    }

    /** Sends the work order back to the department (重办) and the entry back to open. */
    @Transactional
    public EntryDetail rejectSignOff(long id, String reason, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.REJECT_SIGN_OFF.require(entry, orderOf(entry), actor);
        workOrders.reopenBySignOffRejection(orderOf(entry).number(), "营商环境专席驳回销号：" + reason.strip(),
                actor);
        entry.rejectSignOff();
        note(entry, NoteKind.SIGN_OFF_REJECTED, actor, reason.strip());
        return detail(entry, actor);
    }

    @Transactional
    public ReferralView proposeReferral(long id, String reasons, String evidence, Actor actor) {
        LedgerEntry entry = lock(id);
        LedgerAction.PROPOSE_REFERRAL.require(entry, orderOf(entry), actor);
        Referral referral = new Referral(entry.getId(), actor.username(), clock.instant(), reasons.strip(),
                evidence.strip());
        referrals.persist(referral);
        note(entry, NoteKind.REFERRAL, actor, "提请移送纪检监察：" + reasons.strip());
        return referral(referral);
    }

    /** The desk lead's decision on a proposed referral; final, and kept for good. */
    @Transactional
    public ReferralView decideReferral(long referralId, boolean approve, String comment, Actor actor) {
        Referral referral = referrals.findByIdOptional(referralId)
                .orElseThrow(() -> new ResourceNotFoundException("纪检监察移送", referralId));
        if (!LedgerAction.decidesReferrals(actor.role())) {
            throw new ActionForbiddenException("移送纪检监察由营商环境专席组长决定");
        }
        LedgerEntry entry = lock(referral.getEntryId());
        referral.decide(approve, actor.username(), clock.instant(), blankToNull(comment));
        note(entry, NoteKind.REFERRAL, actor, (approve ? "批准移送纪检监察" : "不予移送")
                + (blankToNull(comment) == null ? "" : "：" + comment.strip()));
        return referral(referral);
    }

    @Transactional
    public List<ReferralView> referrals(ReferralStatus status) {
        return (status == null
                ? referrals.list("order by proposedAt desc")
                : referrals.list("status = ?1 order by proposedAt desc", status)).stream().map(this::referral)
                .toList();
    }

    /** Departments that missed deadlines on enterprise matters: held past the deadline now, or replied late. */
    @Transactional
    public List<Accountability> accountability() {
        Instant now = clock.instant();
        Map<Long, List<Entry>> overdue = new HashMap<>();
        Map<Long, Long> late = new HashMap<>();
        for (Entry match : withOrders(entries.listAll())) {
            WorkOrderSnapshot order = match.order();
            Instant deadline = deadline(match.entry(), order);
            if (deadline == null || order.leadDepartmentId() == null) {
                continue;
            }
            if (WorkOrderStatus.CLOCK_RUNNING.contains(order.status()) && deadline.isBefore(now)) {
                overdue.computeIfAbsent(order.leadDepartmentId(), d -> new ArrayList<>()).add(match);
            } else if (order.repliedAt() != null && order.repliedAt().isAfter(deadline)) {
                late.merge(order.leadDepartmentId(), 1L, Long::sum);
            }
        }
        List<Accountability> rows = new ArrayList<>();
        for (Long department : Stream.concat(overdue.keySet().stream(), late.keySet().stream()).distinct().toList()) {
            DepartmentView view = departments.byId(department).orElseThrow();
            List<Entry> held = overdue.getOrDefault(department, List.of()).stream()
                    .sorted(Comparator.comparing(Entry::deadline)).toList();
            String longest = held.isEmpty()
                    ? null
                    : WorkingDuration.of(calendar.workingTimeBetween(held.get(0).deadline(), now)).text();
            rows.add(new Accountability(new DepartmentRef(view.code(), view.name()), held.size(),
                    late.getOrDefault(department, 0L), longest,
                    held.stream().map(e -> e.order().number()).toList()));
        }
        rows.sort(Comparator.comparingLong(Accountability::overdue).thenComparingLong(Accountability::repliedLate)
                .reversed().thenComparing(a -> a.department().code()));
        return rows;
    }

    /** The city's date. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    /** Entries of an enterprise, newest first. */
    @Transactional
    public List<EntrySummary> ofEnterprise(long enterpriseId) {
        Instant now = clock.instant();
        return withOrders(entries.byEnterprise(enterpriseId)).stream().map(e -> summary(e.entry(), e.order(), now))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** An entry with its work order as it stands. */
    record Entry(LedgerEntry entry, WorkOrderSnapshot order) {

        Instant deadline() {
            return LedgerService.deadline(entry, order);
        }
    }

    /** The entries with their work orders, in the same order. */
    List<Entry> withOrders(List<LedgerEntry> found) {
        Map<Long, WorkOrderSnapshot> orders = workOrderReads
                .snapshots(found.stream().map(LedgerEntry::getWorkOrderId).toList());
        return found.stream().map(e -> new Entry(e, orders.get(e.getWorkOrderId()))).toList();
    }

    WorkOrderSnapshot orderOf(LedgerEntry entry) {
        return workOrderReads.snapshots(List.of(entry.getWorkOrderId())).get(entry.getWorkOrderId());
    }

    /** The earlier of the desk's deadline and the work order's reply deadline. */
    static Instant deadline(LedgerEntry entry, WorkOrderSnapshot order) {
        Instant desk = entry.getDeskDeadline();
        Instant reply = order.replyDeadline();
        return desk == null ? reply : reply == null ? desk : desk.isBefore(reply) ? desk : reply;
    }

    EntrySummary summary(LedgerEntry entry, WorkOrderSnapshot order, Instant now) {
        Instant deadline = deadline(entry, order);
        boolean overdue = deadline != null && WorkOrderStatus.CLOCK_RUNNING.contains(order.status())
                && deadline.isBefore(now);
        String remaining = null;
        if (deadline != null && WorkOrderStatus.CLOCK_RUNNING.contains(order.status())) {
            remaining = overdue
                    ? "超期" + WorkingDuration.of(calendar.workingTimeBetween(deadline, now)).text()
                    : "剩余" + WorkingDuration.of(calendar.workingTimeBetween(now, deadline)).text();
        }
        Long lead = order.leadDepartmentId();
        return new EntrySummary(entry.getId(), order.number(), order.title(), order.status(),
                enterprise(entry.getEnterprise()), kind(entry.getIssueKind()),
                lead == null
                        ? null
                        : departments.byId(lead).map(d -> new DepartmentRef(d.code(), d.name()))
                                .orElse(null),
                entry.getStatus(), entry.getOwner(), time(deadline), overdue, remaining, time(entry.getCreatedAt()),
                entry.getSignedOffBy(), time(entry.getSignedOffAt()), names.of(entry.getOwner()),
                names.of(entry.getSignedOffBy()));
    }

    static EnterpriseView enterprise(EnterpriseProfile profile) {
        return profile == null
                ? null
                : new EnterpriseView(profile.getCreditCode(), profile.getName(),
                        profile.getContactName(), profile.getContactPhone(), profile.getIndustry(), profile.getSize());
    }

    static IssueKindView kind(IssueKind kind) {
        return kind == null
                ? null
                : new IssueKindView(kind.getCode(), kind.getName(),
                        kind.getEnvironment().getCode(), kind.getEnvironment().getName(), kind.isActive());
    }

    private EntryDetail detail(LedgerEntry entry, Actor actor) {
        WorkOrderSnapshot order = orderOf(entry);
        boolean desk = !actor.isDepartmentStaff();
        List<NoteView> trail = notes.of(entry.getId()).stream()
                .filter(n -> desk || !n.getKind().deskOnly())
                .map(n -> new NoteView(n.getKind(), n.getAuthor(), n.getAuthorName(), n.getAuthorRole(),
                        time(n.getWrittenAt()), n.getText()))
                .toList();
        Verification verification = entry.getVerifiedAt() == null
                ? null
                : new Verification(entry.getVerifiedBy(), time(entry.getVerifiedAt()), entry.getVerificationMethod(),
                        entry.getEnterpriseView(), entry.getEnterpriseComment(), names.of(entry.getVerifiedBy()));
        return new EntryDetail(summary(entry, order, clock.instant()), order.reply(), verification,
                entry.getSignOffRequestedBy(), time(entry.getSignOffRequestedAt()), trail,
                desk ? referrals.of(entry.getId()).stream().map(this::referral).toList() : null,
                LedgerAction.available(entry, order, actor));
    }

    private ReferralView referral(Referral r) {
        return new ReferralView(r.getId(), r.getEntryId(), r.getProposedBy(), time(r.getProposedAt()), r.getReasons(),
                r.getEvidence(), r.getStatus(), r.getDecidedBy(), time(r.getDecidedAt()), r.getDecisionComment(),
                names.of(r.getProposedBy()), names.of(r.getDecidedBy()));
    }

    /** Departments get a 404 for entries of work orders their department never held. */
    private LedgerEntry visible(long id, Actor actor) {
        LedgerEntry entry = entries.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException(
                "台账", id));
        if (actor.isDepartmentStaff() && workOrderReads.everAssignedTo(actor.departmentId(),
                List.of(entry.getWorkOrderId())).isEmpty()) {
            throw new ResourceNotFoundException("台账", id);
        }
        return entry;
    }

    private LedgerEntry lock(long id) {
        return entries.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("台账", id));
    }

    private void note(LedgerEntry entry, NoteKind kind, Actor actor, String text) {
        notes.persist(new LedgerNote(entry.getId(), kind, actor, clock.instant(), text));
    }

    /**
     * The entries of the filter, newest first, with their work orders. The conditions on the entry are the query's;
     * those on the work order (visibility, lead department, lateness, text) are checked on what {@code workorder}
     * reads back, as its tables are its own.
     */
    private List<Entry> matching(LedgerFilter filter, Actor actor) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        ZoneId zone = calendar.zone();
        if (filter.environmentCode() != null) {
            conditions.add("k.environment.code = :environment");
            parameters.put("environment", filter.environmentCode());
        }
        if (filter.issueKindCode() != null) {
            conditions.add("k.code = :kind");
            parameters.put("kind", filter.issueKindCode());
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("e.status in :statuses");
            parameters.put("statuses", filter.statuses());
        }
        if (filter.owner() != null) {
            conditions.add("e.owner = :owner");
            parameters.put("owner", filter.owner());
        }
        if (filter.from() != null) {
            conditions.add("e.createdAt >= :from");
            parameters.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            conditions.add("e.createdAt < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.creditCode() != null) {
            conditions.add("p.creditCode = :code");
            parameters.put("code", filter.creditCode());
        }
        TypedQuery<LedgerEntry> query = entityManager.createQuery("select e from LedgerEntry e"
                + " left join e.issueKind k left join e.enterprise p"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by e.createdAt desc, e.id desc", LedgerEntry.class);
        parameters.forEach(query::setParameter);
        List<Entry> found = withOrders(query.getResultList());
        Predicate<Entry> matches = entry -> true;
        if (actor.isDepartmentStaff()) {
            Set<Long> visible = workOrderReads.everAssignedTo(actor.departmentId(),
                    found.stream().map(e -> e.entry().getWorkOrderId()).toList());
            matches = matches.and(e -> visible.contains(e.entry().getWorkOrderId()));
        }
        if (filter.departmentCode() != null) {
            long department = departments.byCode(filter.departmentCode()).map(DepartmentView::id)
                    .orElseThrow(() -> InvalidFieldException.malformed("department", "exists",
                            "没有代码为 " + filter.departmentCode() + " 的承办单位"));
            matches = matches.and(e -> Long.valueOf(department).equals(e.order().leadDepartmentId()));
        }
        if (filter.overdue() != null) {
            Instant now = clock.instant();
            Predicate<Entry> late = e -> WorkOrderStatus.CLOCK_RUNNING.contains(e.order().status())
                    && (before(e.entry().getDeskDeadline(), now) || before(e.order().replyDeadline(), now));
            matches = matches.and(filter.overdue() ? late : late.negate());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip().toLowerCase();
            matches = matches.and(e -> contains(e.order().title(), text) || contains(e.order().number(), text)
                    || e.entry().getEnterprise() != null && contains(e.entry().getEnterprise().getName(), text));
        }
        return found.stream().filter(matches).toList();
    }

    private static boolean before(Instant deadline, Instant now) {
        return deadline != null && deadline.isBefore(now);
    }

    private static boolean contains(String value, String lowerCaseText) {
        return value != null && value.toLowerCase().contains(lowerCaseText);
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
