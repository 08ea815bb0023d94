package org.hotline12345.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.notification.NewNotification;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.notification.NotificationService;

import io.quarkus.scheduler.Scheduled;

/**
 * Reminds each owner department of its published articles that are due for review or expire within
 * {@code hotline.knowledge.review-notice} days, once per date: the knowledge base stays current (GB/T 44191-2024).
 * A clustered job, so one instance sends.
 */
@ApplicationScoped
public class KnowledgeReviewReminders {

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationService notifications;

    @Inject
    KnowledgeConfig config;

    @Inject
    CalendarConfig calendar;

    @Inject
    Clock clock;

    @Scheduled(identity = "knowledge-review-reminders", cron = "${hotline.knowledge.review-reminder-cron}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        remind();
    }

    /** Sends the reminders due today; returns how many. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int remind() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        LocalDate horizon = today.plusDays(config.reviewNotice());
        List<Object[]> due = entityManager.createNativeQuery("""
                select id, department_id, title, review_on, expires_on,
                       least(review_on, coalesce(expires_on, review_on)) as due_on
                from knowledge_article
                where status = 'PUBLISHED' and least(review_on, coalesce(expires_on, review_on)) <= ?1
                  and (review_notified_on is null
                       or review_notified_on <> least(review_on, coalesce(expires_on, review_on)))
                order by id for update skip locked""").setParameter(1, horizon).getResultList();
        List<NewNotification> reminders = new ArrayList<>();
        for (Object[] row : due) {
            LocalDate reviewOn = (LocalDate) row[3];
            LocalDate expiresOn = (LocalDate) row[4];
            boolean expires = expiresOn != null && !expiresOn.isAfter(reviewOn);
            String when = expires ? "将于 " + expiresOn + " 失效" : "应于 " + reviewOn + " 前复审";
            reminders.add(NewNotification.toDepartment(((Number) row[1]).longValue(), NotificationKind.KNOWLEDGE,
                    null, "知识条目" + when + "：" + row[2],
                    "请核对条目是否仍然适用：在“单位知识”中提交修订（可更新复审日期或失效日期），由知识库编辑审核发布。"));
            entityManager.createNativeQuery("update knowledge_article set review_notified_on = ?1 where id = ?2")
                    .setParameter(1, row[5]).setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        }
        if (!reminders.isEmpty()) {
            notifications.send(reminders);
        }
        return reminders.size();
    }
}
