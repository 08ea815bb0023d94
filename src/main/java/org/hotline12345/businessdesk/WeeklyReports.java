package org.hotline12345.businessdesk;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.businessdesk.LedgerService.Entry;
import org.hotline12345.businessdesk.LedgerViews.EntrySummary;
import org.hotline12345.businessdesk.LedgerViews.NotableCase;
import org.hotline12345.businessdesk.LedgerViews.WeeklyFigure;
import org.hotline12345.businessdesk.LedgerViews.WeeklyReport;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.workorder.Satisfaction;

/**
 * 台账周报, Monday to Sunday in the city's time zone. An entry counts as created in the week it was opened and as
 * signed off in the week of its sign-off; it counts as overdue when its deadline fell before the week ended and the
 * department had not replied by the deadline, unless it was signed off before the week began.
 */
@ApplicationScoped
public class WeeklyReports {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");
    private static final int NOTABLE_OVERDUE = 5;

    @Inject
    EntityManager entityManager;

    @Inject
    LedgerService ledger;

    @Inject
    DeskRepositories.Environments environments;

    @Inject
    DepartmentDirectory departments;

    @Inject
    WorkingCalendar calendar;

    /** The week containing {@code day}, as {@code 2026-W48}. */
    public String weekOf(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Transactional
    public WeeklyReport report(String week) {
        LocalDate monday = monday(week);
        Instant start = monday.atStartOfDay(calendar.zone()).toInstant();
        Instant end = monday.plusDays(7).atStartOfDay(calendar.zone()).toInstant();
        List<Entry> relevant = ledger.withOrders(entityManager.createQuery("select e from LedgerEntry e"
                + " where e.createdAt < ?1 and (e.signedOffAt is null or e.signedOffAt >= ?2)", LedgerEntry.class)
                .setParameter(1, end).setParameter(2, start).getResultList());

        Map<String, long[]> byEnvironment = new LinkedHashMap<>();
        Map<String, String> environmentNames = new LinkedHashMap<>();
        environments.inOrder().forEach(env -> {
            byEnvironment.put(env.getCode(), new long[3]);
            environmentNames.put(env.getCode(), env.getName());
        });
        byEnvironment.put("UNCLASSIFIED", new long[3]);
        environmentNames.put("UNCLASSIFIED", "未分类");
        Map<String, long[]> byDepartment = new LinkedHashMap<>();
        long created = 0;
        long signedOff = 0;
        long overdue = 0;
        long openAtEnd = 0;
        List<NotableCase> notable = new ArrayList<>();
        List<Entry> late = new ArrayList<>();
        for (Entry match : relevant) {
            LedgerEntry entry = match.entry();
            boolean isNew = !entry.getCreatedAt().isBefore(start);
            boolean closed = entry.getSignedOffAt() != null && entry.getSignedOffAt().isBefore(end);
            boolean isLate = isOverdue(match, end);
            long[] environment = byEnvironment.get(entry.getIssueKind() == null
                    ? "UNCLASSIFIED"
                    : entry.getIssueKind().getEnvironment().getCode());
            Long lead = match.order().leadDepartmentId();
            long[] department = byDepartment.computeIfAbsent(lead == null
                    ? "NONE"
                    : departments.byId(lead).orElseThrow().code(), d -> new long[3]);
            for (long[] figures : List.of(environment, department)) {
                figures[0] += isNew ? 1 : 0;
                figures[1] += closed ? 1 : 0;
                figures[2] += isLate ? 1 : 0;
            }
            created += isNew ? 1 : 0;
            signedOff += closed ? 1 : 0;
            overdue += isLate ? 1 : 0;
            openAtEnd += closed ? 0 : 1;
            if (isLate) {
                late.add(match);
            }
            if (entry.getEnterpriseView() == Satisfaction.DISSATISFIED && entry.getVerifiedAt() != null
                    && !entry.getVerifiedAt().isBefore(start) && entry.getVerifiedAt().isBefore(end)) {
                notable.add(new NotableCase("企业对答复不满意", ledger.summary(entry, match.order(), end)));
            }
        }
        entityManager.createQuery("select r from Referral r where r.proposedAt >= ?1 and r.proposedAt < ?2"
                + " order by r.proposedAt", Referral.class).setParameter(1, start).setParameter(2, end)
                .getResultList().forEach(referral -> notable.add(new NotableCase("提请移送纪检监察（"
                        + Labels.label(referral.getStatus()) + "）",
                        summary(entityManager.find(LedgerEntry.class, referral.getEntryId()), end))));
        late.stream().sorted(Comparator.comparing(Entry::deadline)).limit(NOTABLE_OVERDUE).forEach(
                match -> notable.add(new NotableCase("超期最久", ledger.summary(match.entry(), match.order(), end))));

        LocalDate sunday = monday.plusDays(6);
        return new WeeklyReport(weekOf(monday), monday, sunday, created, signedOff, overdue, openAtEnd,
                figures(byEnvironment, environmentNames::get),
                figures(byDepartment, code -> code.equals("NONE")
                        ? "未派单"
                        : departments.byCode(code).orElseThrow().name()),
                notable);
    }

    private EntrySummary summary(LedgerEntry entry, Instant end) {
        return ledger.summary(entry, ledger.orderOf(entry), end);
    }

    private static boolean isOverdue(Entry match, Instant end) {
        Instant deadline = match.deadline();
        if (deadline == null || !deadline.isBefore(end)) {
            return false;
        }
        Instant replied = match.order().repliedAt();
        return replied == null || replied.isAfter(deadline);
    }

    private static List<WeeklyFigure> figures(Map<String, long[]> counts, Function<String, String> name) {
        return counts.entrySet().stream()
                .map(e -> new WeeklyFigure(e.getKey(), name.apply(e.getKey()), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .toList();
    }

    private static LocalDate monday(String week) {
        Matcher matcher = WEEK.matcher(week == null ? "" : week.strip());
        if (!matcher.matches()) {
            throw InvalidFieldException.malformed("week", "format", "“" + week + "”不是周，格式如 2026-W48");
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            int number = Integer.parseInt(matcher.group(2));
            LocalDate anyDay = LocalDate.of(year, 6, 1).with(WeekFields.ISO.weekBasedYear(), year)
                    .with(WeekFields.ISO.weekOfWeekBasedYear(), number).with(DayOfWeek.MONDAY);
            if (anyDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != number) {
                throw InvalidFieldException.malformed("week", "range", year + " 年没有第 " + number + " 周");
            }
            return anyDay;
        } catch (DateTimeException e) {
            throw InvalidFieldException.malformed("week", "range", "“" + week + "”不是该年的周");
        }
    }
}
