package org.hotline12345.scorecard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.TextInput;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.notification.NewNotification;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.notification.NotificationService;
import org.hotline12345.security.Actor;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;

/**
 * 申诉: a department says one of its work orders should not count against it, with its reason and evidence (text:
 * the work order's own attachments are where documents go); a supervisor upholds or rejects it with a reason. An
 * upheld appeal takes the work order out of that department's figures; the supervisors are told of each new appeal
 * and the department of each decision.
 */
@ApplicationScoped
public class AppealService {

    /** @param evidence 证据: what shows it, as text (documents attached to the work order can be named here) */
    public record NewAppeal(@NotBlank @Size(max = 20) String workOrderNumber, @NotNull AppealKind kind,
            @NotBlank @Size(max = 2000) String reason, @Size(max = 4000) String evidence) {
    }

    public record Decision(@NotNull Boolean upheld, @NotBlank @Size(max = 2000) String reason) {
    }

    public record AppealView(long id, String workOrderNumber, String departmentCode, String departmentName,
            AppealKind kind, String kindLabel, String reason, String evidence, AppealStatus status,
            String statusLabel, String submittedBy, String submittedByName, Instant submittedAt, String decidedBy,
            String decidedByName, Instant decidedAt, String decisionReason) {
    }

    @Inject
    ScorecardStore store;

    @Inject
    ScorecardService scorecards;

    @Inject
    DepartmentDirectory departments;

    @Inject
    NotificationService notifications;

    @Inject
    AppUserRepository users;

    @Inject
    Clock clock;

    @Transactional
    public AppealView appeal(NewAppeal appeal, Actor actor) {
        ScorecardPolicy.require(ScorecardPolicy.mayAppeal(actor), "提出考核申诉");
        DepartmentView department = departments.byId(actor.departmentId()).orElseThrow();
        String number = appeal.workOrderNumber().strip();
        DepartmentCase theCase = scorecards.caseOf(number, department.code())
                .orElseThrow(() -> InvalidFieldException.unacceptable("workOrderNumber", "dispatchedToDepartment",
                        "工单 " + number + " 未曾派给" + department.name() + "，不能申诉"));
        long id = store.appeal(theCase.workOrderId(), theCase.number(), department.id(), department.code(),
                appeal.kind(), appeal.reason().strip(), TextInput.blankToNull(appeal.evidence()), actor.username(),
                clock.instant()).orElseThrow(() -> new ConflictException("工单 " + number + " 已有待审核或已成立的申诉"));
        String title = "考核申诉：" + department.name() + " · 工单 " + number;
        String body = Labels.label(appeal.kind()) + "。理由：" + appeal.reason().strip() + "。请在「考核申诉」页面审核："
                + "/supervisor/appeals";
        List<NewNotification> toSend = new ArrayList<>();
        users.list("role = ?1 and active = true", Role.SUPERVISOR).forEach(supervisor -> toSend.add(
                NewNotification.toUser(supervisor.getId(), NotificationKind.SCORECARD_APPEAL, number, title, body)));
        notifications.send(toSend);
        return view(store.find(id).orElseThrow());
    }

    @Transactional
    public AppealView decide(long id, Decision decision, Actor actor) {
        ScorecardPolicy.require(ScorecardPolicy.mayDecide(actor), "审核考核申诉");
        ScorecardStore.Appeal appeal = store.find(id).orElseThrow(() -> new ResourceNotFoundException("appeal", id));
        AppealStatus status = decision.upheld() ? AppealStatus.UPHELD : AppealStatus.REJECTED;
        if (!store.decide(id, status, decision.reason().strip(), actor.username(), clock.instant())) {
            throw new ConflictException("申诉 #" + id + " 已审核");
        }
        notifications.send(List.of(NewNotification.toDepartment(appeal.departmentId(),
                NotificationKind.SCORECARD_APPEAL, appeal.workOrderNumber(), "考核申诉" + Labels.label(status) + "：工单 "
                        + appeal.workOrderNumber(),
                "理由：" + decision.reason().strip() + (decision.upheld() ? "。该工单不再计入本单位考核。" : "。")
                        + "本单位考核见 /department/scorecard")));
        return view(store.find(id).orElseThrow());
    }

    /** The appeals the actor may see, newest first: all for supervisors, the department's own for its staff. */
    @Transactional
    public List<AppealView> list(AppealStatus status, Actor actor) {
        Long department = ScorecardPolicy.maySeeAll(actor) ? null : actor.departmentId();
        ScorecardPolicy.require(department != null || ScorecardPolicy.maySeeAll(actor), "查看考核申诉");
        List<ScorecardStore.Appeal> found = store.list(status, department, 200);
        Map<String, String> names = names(found.stream().flatMap(a -> Stream.of(a.submittedBy(), a.decidedBy()))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return found.stream().map(a -> view(a, names)).toList();
    }

    /** People's names by username, for the pages, which show names rather than accounts. */
    @Transactional
    Map<String, String> names(Set<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            users.list("username in ?1", usernames).forEach(user -> names.put(user.getUsername(),
                    user.getDisplayName()));
        }
        return names;
    }

    private AppealView view(ScorecardStore.Appeal a) {
        return view(a, names(Stream.of(a.submittedBy(), a.decidedBy()).filter(Objects::nonNull)
                .collect(Collectors.toSet())));
    }

    private AppealView view(ScorecardStore.Appeal a, Map<String, String> names) {
        String name = departments.byId(a.departmentId()).map(DepartmentView::name).orElse(a.departmentCode());
        return new AppealView(a.id(), a.workOrderNumber(), a.departmentCode(), name, a.kind(), Labels.label(a.kind()),
                a.reason(), a.evidence(), a.status(), Labels.label(a.status()), a.submittedBy(),
                names.getOrDefault(a.submittedBy(), a.submittedBy()), a.submittedAt(), a.decidedBy(),
                a.decidedBy() == null ? null : names.getOrDefault(a.decidedBy(), a.decidedBy()), a.decidedAt(),
                a.decisionReason());
    }
}
