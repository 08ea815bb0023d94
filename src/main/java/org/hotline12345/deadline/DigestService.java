package org.hotline12345.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.deadline.SupervisionViews.CardView;
import org.hotline12345.deadline.SupervisionViews.DepartmentDigest;
import org.hotline12345.deadline.SupervisionViews.DepartmentLine;
import org.hotline12345.deadline.SupervisionViews.Summary;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.notification.NewNotification;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.notification.NotificationService;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;

/** The daily digests: each department its yellow and red list, the supervisors the summary. */
@ApplicationScoped
public class DigestService {

    private static final int LISTED = 20;

    @Inject
    SupervisionQueries queries;

    @Inject
    NotificationService notifications;

    @Inject
    DepartmentDirectory departments;

    @Inject
    AppUserRepository users;

    /** Sends today's digests; returns how many notifications went out. */
    @Transactional
    public int sendDaily() {
        Summary summary = queries.summary();
        List<NewNotification> toSend = new ArrayList<>();
        for (DepartmentLine line : summary.departments()) {
            if (line.department() == null) {
                continue;
            }
            long departmentId = departments.byCode(line.department().code()).orElseThrow().id();
            DepartmentDigest digest = queries.digest(departmentId);
            toSend.add(NewNotification.toDepartment(departmentId, NotificationKind.DIGEST, null,
                    "今日红黄牌：黄牌 " + digest.yellow().size() + " 件，红牌 " + digest.red().size() + " 件",
                    "红牌：" + numbers(digest.red()) + "\n黄牌：" + numbers(digest.yellow())));
        }
        String overview = "黄牌 " + summary.yellow() + " 件，红牌 " + summary.red() + " 件，督办 " + summary.escalated()
                + " 件";
        String body = summary.departments().stream().filter(l -> l.department() != null).limit(LISTED)
                .map(l -> l.department().name() + "：黄 " + l.yellow() + " 红 " + l.red() + " 督 " + l.escalated()
                        + (l.oldestOverdue() == null
                                ? ""
                                : "，最久逾期 " + l.oldestOverdue().workOrderNumber() + "（"
                                        + l.oldestOverdue().overdue().text() + "）"))
                .collect(Collectors.joining("\n"));
        users.list("role = ?1 and active = true", Role.SUPERVISOR).forEach(supervisor -> toSend.add(
                NewNotification.toUser(supervisor.getId(), NotificationKind.DIGEST, null, "全市红黄牌汇总：" + overview,
                        body.isEmpty() ? "暂无红黄牌。" : body)));
        notifications.send(toSend);
        return toSend.size();
    }

    private static String numbers(List<CardView> cards) {
        if (cards.isEmpty()) {
            return "无";
        }
        String listed = cards.stream().limit(LISTED).map(CardView::workOrderNumber).collect(Collectors.joining("、"));
        return cards.size() > LISTED ? listed + " 等 " + cards.size() + " 件" : listed;
    }
}
