package org.hotline12345.topic;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline12345.area.AreaDirectory;
import org.hotline12345.area.DistrictView;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.security.Actor;
import org.hotline12345.topic.TopicReport.Report;
import org.hotline12345.topic.TopicStore.Topic;
import org.hotline12345.workorder.TopicReads;
import org.hotline12345.workorder.TopicReads.Order;

/**
 * 每月一题: a supervisor opens a topic (its categories, keywords, area and period); its report gathers the work orders
 * registered in the period in those categories (with their sub-categories) and that area, holding one of the keywords
 * where there are any; the supervisor closes it with the month's findings.
 */
@ApplicationScoped
public class TopicService {

    /** Most topics listed at once. */
    static final int LISTED = 200;

    /** The longest period a topic covers: a year, as the report lists its work orders one by one. */
    static final int MAX_DAYS = 366;

    /**
     * A topic to open.
     *
     * @param month the month it is for, e.g. 2023-04
     * @param categoryCodes each includes its sub-categories
     * @param keywords any of them in a work order's title or content; none for no keyword condition
     * @param district none for the whole city; {@code street} none for the whole district
     * @param from the first day of the period, {@code to} its last (days of the city)
     */
    public record NewTopic(@NotBlank @Size(max = 200) String title,
            @NotBlank @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])") String month,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 20) String> categoryCodes,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> keywords, @Size(max = 50) String district,
            @Size(max = 50) String street, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    /** The month's findings that close a topic. */
    public record Conclusion(@NotBlank @Size(max = 10000) String conclusion) {
    }

    /** A topic as the pages and the API show it. */
    public record TopicView(long id, String title, String month, List<String> categoryCodes,
            List<String> categoryNames, List<String> keywords, String district, String street, String area,
            LocalDate from, LocalDate to, TopicStatus status, String statusLabel, String conclusion, String openedBy,
            String openedByName, String openedAt, String closedBy, String closedByName, String closedAt) {
    }

    /** A topic and its report. */
    public record Detail(TopicView topic, Report report) {
    }

    @Inject
    TopicStore store;

    @Inject
    TopicReads reads;

    @Inject
    CategoryDirectory categories;

    @Inject
    AreaDirectory areas;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** The topics, the latest month first. */
    public List<TopicView> list() {
        return store.list(LISTED).stream().map(this::view).toList();
    }

    /** Opens a topic after checking that its categories and area exist and its period is one; its id. */
    public long open(NewTopic topic, Actor actor) {
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(topic.categoryCodes().stream().map(String::strip)
                .toList()));
        for (String code : codes) {
            if (categories.byCode(code).isEmpty()) {
                throw InvalidFieldException.unacceptable("categoryCodes", "exists", "诉求分类「" + code + "」不存在");
            }
        }
        String district = blankToNull(topic.district());
        String street = blankToNull(topic.street());
        if (district != null) {
            district = district.strip();
            String chosen = district;
            DistrictView known = areas.all().stream().filter(d -> d.name().equals(chosen)).findFirst()
                    .orElseThrow(() -> InvalidFieldException.unacceptable("district", "exists",
                            "区县「" + chosen + "」不在本市的区划中"));
            if (street != null && !known.streets().contains(street.strip())) {
                throw InvalidFieldException.unacceptable("street", "exists",
                        "街道「" + street.strip() + "」不属于" + district);
            }
        } else if (street != null) {
            throw InvalidFieldException.unacceptable("district", "NotBlank", "选择街道时须同时选择区县");
        }
        if (topic.to().isBefore(topic.from())) {
            throw InvalidFieldException.unacceptable("to", "afterFrom", "截止日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(topic.from(), topic.to()) >= MAX_DAYS) {
            throw InvalidFieldException.unacceptable("to", "period", "统计期间最长 " + MAX_DAYS + " 天");
        }
        return store.open(topic.title().strip(), topic.month(), codes, keywords(topic.keywords()), district,
                street == null ? null : street.strip(), topic.from(), topic.to(), actor.username(), actor.displayName(),
                clock.instant());
    }

    /** The topic and its report, computed from its work orders as they stand now. */
    public Detail detail(long id) {
        Topic topic = find(id);
        ZoneId zone = calendar.zone();
        Set<String> codes = TopicReport.withSubcategories(topic.categoryCodes(), categories.all());
        List<Order> orders = reads.orders(new TopicReads.Scope(topic.from().atStartOfDay(zone).toInstant(),
                topic.to().plusDays(1).atStartOfDay(zone).toInstant(), codes, topic.district(), topic.street()))
                .stream().filter(o -> TopicReport.matches(topic.keywords(), o.title(), o.content())).toList();
        List<Long> ids = orders.stream().map(Order::id).toList();
        return new Detail(view(topic), TopicReport.compile(topic.from(), topic.to(), zone, orders, reads.leads(ids),
                reads.latestReplies(ids)));
    }

    /** Closes an open topic with the month's findings. */
    public void close(long id, Conclusion conclusion, Actor actor) {
        find(id);
        if (!store.close(id, conclusion.conclusion().strip(), actor.username(), actor.displayName(),
                clock.instant())) {
            throw new ConflictException("此专题已结题");
        }
    }

    /** The keywords as typed: stripped, blank ones and repeats left out. */
    static List<String> keywords(List<String> typed) {
        if (typed == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(typed.stream().filter(k -> k != null && !k.isBlank())
                .map(String::strip).toList()));
    }

    private Topic find(long id) {
        return store.find(id).orElseThrow(() -> new ResourceNotFoundException("专题", id));
    }

    private TopicView view(Topic topic) {
        ZoneId zone = calendar.zone();
        List<String> names = topic.categoryCodes().stream()
                .map(code -> categories.byCode(code).map(CategoryView::name).orElse(code)).toList();
        return new TopicView(topic.id(), topic.title(), topic.month(), topic.categoryCodes(), names,
                topic.keywords(), topic.district(), topic.street(), TopicReport.area(topic.district(), topic.street()),
                topic.from(), topic.to(), topic.status(), Labels.label(topic.status()), topic.conclusion(),
                topic.openedBy(), topic.openedByName(), TopicReport.minutes(topic.openedAt(), zone),
                topic.closedBy(), topic.closedByName(), TopicReport.minutes(topic.closedAt(), zone));
    }
}
