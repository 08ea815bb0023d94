package org.hotline12345.duplicate;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.Labels;
import org.hotline12345.security.Actor;
import org.hotline12345.workorder.RelatedWorkOrders;
import org.hotline12345.workorder.RelatedWorkOrders.MonthCount;
import org.hotline12345.workorder.RelatedWorkOrders.Probe;
import org.hotline12345.workorder.RelatedWorkOrders.Relations;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * 重复件 and 一人多诉 at registration: the earlier work orders about the same matter offered while a request is
 * registered (by phone, online or from a partner), the merge (并单) or link (关联) the agent chooses, and the flags
 * and monthly counts of repeats.
 */
@ApplicationScoped
public class DuplicateService {

    /** What has been typed or received of the request so far. */
    public record Typed(@Size(max = 30) String phone, @Size(max = 200) String title, @Size(max = 10000) String content,
            @Size(max = 50) String district, @Size(max = 50) String street, @Size(max = 20) String categoryCode,
            @Size(max = 100) String enterpriseName, @Size(max = 18) String creditCode,
            @Size(max = 20) String exclude) {
    }

    /**
     * An earlier work order offered as the same matter.
     *
     * @param open not closed yet: the new request would be a 重复件
     * @param similarity the texts' similarity, 0 to 1
     */
    public record Suggestion(String number, String title, WorkOrderStatus status, String statusLabel,
            OffsetDateTime registeredAt, String place, String categoryName, boolean open, List<DuplicateReason> reasons,
            String reasonText, double similarity) {
    }

    /**
     * A work order's repeats as its page shows them.
     *
     * @param multipleRequests 一人多诉: its phone's work orders in the window reach the threshold
     */
    public record Flags(Relations relations, boolean repeat, boolean multipleRequests, int phoneRequests,
            long windowDays) {

        public boolean any() {
            return repeat || multipleRequests || !relations.relatedTo().isEmpty()
                    || !relations.relatedLater().isEmpty();
        }
    }

    @Inject
    RelatedWorkOrders related;

    @Inject
    WorkOrderService workOrders;

    @Inject
    DuplicateConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** The earlier work orders about the same matter, the most likely first; none until something identifies it. */
    public List<Suggestion> suggest(Typed typed) {
        String district = blankToNull(typed.district());
        Probe probe = new Probe(blankToNull(typed.phone()), district, district == null
                ? null
                : blankToNull(
                        typed.street()),
                blankToNull(typed.enterpriseName()), blankToNull(typed.creditCode()),
                blankToNull(typed.exclude()));
        String text = Stream.of(typed.title(), typed.content()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return DuplicateRanking.rank(text, blankToNull(typed.categoryCode()),
                related.candidates(probe, clock.instant().minus(config.window()), config.compared()),
                config.similarity(), config.offered()).stream()
                .map(ranked -> {
                    var candidate = ranked.candidate();
                    List<DuplicateReason> reasons = List.copyOf(ranked.reasons());
                    return new Suggestion(candidate.number(), candidate.title(), candidate.status(),
                            Labels.label(candidate.status()),
                            candidate.registeredAt().atZone(calendar.zone()).toOffsetDateTime(),
                            Stream.of(candidate.district(), candidate.street()).filter(Objects::nonNull)
                                    .collect(Collectors.joining(" ")),
                            candidate.categoryName(), ranked.open(), reasons,
                            reasons.stream().map(Labels::label).collect(Collectors.joining("、")),
                            Math.round(ranked.similarity() * 100) / 100.0);
                })
                .toList();
    }

    /**
     * Merges the newly registered work order into the existing one, or links it; what to tell the agent, who tells the
     * citizen the existing work order's number.
     */
    public String relate(String number, Relation relation, String existing, Actor actor) {
        switch (relation) {
            case MERGE -> workOrders.merge(number,
                    new WorkOrderRequests.Merge(existing, "登记时并单：与工单 " + existing + " 为同一诉求"), actor);
            case LINK -> related.relate(number, existing, actor);
        }
        return "工单 " + number + " 已" + Labels.label(relation) + "至工单 " + existing + "。请告知市民：您反映的问题已有工单 "
                + existing + " 在办理，可凭此编号查询进度";
    }

    /** The work order's relations, 重复件 and 一人多诉. */
    public Flags flags(String number) {
        Relations relations = related.relations(number, config.window());
        return new Flags(relations, relations.repeat(), relations.phoneRequests() >= config.multipleRequests(),
                relations.phoneRequests(), config.window().toDays());
    }

    /** 重复件 and 一人多诉 per month, the months from {@code from} to {@code to}. */
    public List<MonthCount> monthly(YearMonth from, YearMonth to) {
        return related.monthly(from, to, calendar.zone(), config.window(), config.multipleRequests());
    }

    /** The months up to this one, {@code count} of them, for the statistics page. */
    public List<MonthCount> lastMonths(int count) {
        YearMonth now = YearMonth.from(clock.instant().atZone(calendar.zone()));
        return monthly(now.minusMonths(count - 1L), now);
    }
}
