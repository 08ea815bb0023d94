package org.hotline12345.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.hotline12345.category.CategoryView;
import org.hotline12345.topic.TopicReport.CategoryCount;
import org.hotline12345.topic.TopicReport.DepartmentLine;
import org.hotline12345.topic.TopicReport.Figures;
import org.hotline12345.topic.TopicReport.Place;
import org.hotline12345.topic.TopicReport.Report;
import org.hotline12345.topic.TopicReport.Span;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.TopicReads.Lead;
import org.hotline12345.workorder.TopicReads.Order;
import org.hotline12345.workorder.TopicReads.Reply;
import org.hotline12345.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

/** The topic report's counting, without the service: totals, trend, places, categories, departments, replies. */
class TopicReportTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static final LocalDate FROM = LocalDate.of(2023, 4, 1);

    private static final LocalDate TO = LocalDate.of(2023, 4, 10);

    @Test
    void aCategoryIncludesEveryCategoryBelowItAndNothingElse() {
        List<CategoryView> all = List.of(category("01", null), category("0101", "01"), category("010101", "0101"),
                category("010102", "0101"), category("0102", "01"), category("010201", "0102"),
                category("02", null), category("0201", "02"));
        assertThat(TopicReport.withSubcategories(List.of("0101"), all))
                .containsExactlyInAnyOrder("0101", "010101", "010102");
        assertThat(TopicReport.withSubcategories(List.of("010201", "02"), all))
                .containsExactlyInAnyOrder("010201", "02", "0201");
        assertThat(TopicReport.withSubcategories(List.of("01"), all)).hasSize(6).doesNotContain("02", "0201");
    }

    @Test
    void anyKeywordInTitleOrContentMatchesAndNoKeywordsMatchAll() {
        assertThat(TopicReport.matches(List.of("物业费", "涨价"), "小区收费", "物业费每平米涨到2元")).isTrue();
        assertThat(TopicReport.matches(List.of("物业费", "涨价"), "停车场涨价", "")).isTrue();
        assertThat(TopicReport.matches(List.of("物业费", "涨价"), "电梯坏了", "三号楼电梯停运")).isFalse();
        assertThat(TopicReport.matches(List.of("Wifi"), "小区WIFI", "")).isTrue();
        assertThat(TopicReport.matches(List.of(), "电梯坏了", "")).isTrue();
    }

    @Test
    void theReportCountsEveryFigureFromTheWorkOrdersTheirLeadsAndReplies() {
        // 1: led by HOUSING, replied on time, closed, satisfied
        // 2: returned by SAMR (approved), then led by HOUSING, replied late, closed, dissatisfied
        // 3: led by HOUSING, replied, awaiting callback
        // 4: led by D-EAST, not replied yet; 5: not dispatched
        List<Order> orders = List.of(
                order(1, "2023-04-01T09:00", "010101", "城东区", "东门街道", WorkOrderStatus.CLOSED, "HOUSING",
                        "2023-04-03T10:00", "2023-04-05T18:00", Satisfaction.SATISFIED),
                order(2, "2023-04-01T23:30", "010101", "城东区", "和平街道", WorkOrderStatus.CLOSED, "HOUSING",
                        "2023-04-09T10:00", "2023-04-08T18:00", Satisfaction.DISSATISFIED),
                order(3, "2023-04-08T10:00", "010102", "城东区", "东门街道", WorkOrderStatus.REVIEWED, "HOUSING",
                        "2023-04-09T10:00", "2023-04-12T18:00", null),
                order(4, "2023-04-09T10:00", "010101", "城东区", "东门街道", WorkOrderStatus.ACCEPTED, "D-EAST", null,
                        "2023-04-14T18:00", null),
                order(5, "2023-04-10T23:59", "010101", null, null, WorkOrderStatus.REGISTERED, null, null, null,
                        null));
        List<Lead> leads = List.of(new Lead(1, "HOUSING", "市住建局", false), new Lead(2, "SAMR", "市市场监管局", true),
                new Lead(2, "HOUSING", "市住建局", false), new Lead(3, "HOUSING", "市住建局", false),
                new Lead(4, "D-EAST", "城东区人民政府", false));
        String long1 = "经核查，阳光花园物业公司调整物业费未经业主大会表决，已责令其暂停执行新标准并退还多收费用。".repeat(2);
        List<Reply> replies = List.of(new Reply(1, "HOUSING", "市住建局", long1, at("2023-04-03T10:00")),
                new Reply(2, "HOUSING", "市住建局", "已约谈物业公司。", at("2023-04-09T10:00")),
                new Reply(3, "HOUSING", "市住建局", "正在协调。", at("2023-04-09T10:00")));

        Report report = TopicReport.compile(FROM, TO, CITY, orders, leads, replies);

        assertThat(report.figures()).isEqualTo(new Figures(5, 2, 3, 3, 3, 1, 2, 1));
        assertThat(report.daily()).hasSize(10).extracting(Span::count)
                .containsExactly(2L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L);
        assertThat(report.daily().get(0).label()).isEqualTo("04-01");
        assertThat(report.weekly()).extracting(Span::label, Span::count)
                .containsExactly(tuple("第 1 周（04-01—04-07）", 2L),
                        tuple("第 2 周（04-08—04-10）", 3L));
        assertThat(report.places()).containsExactly(new Place("城东区", "东门街道", 3), new Place(null, null, 1),
                new Place("城东区", "和平街道", 1));
        assertThat(report.categories()).containsExactly(new CategoryCount("010101", "物业服务收费", 4),
                new CategoryCount("010102", "物业服务质量", 1));
        assertThat(report.departments()).containsExactly(
                new DepartmentLine("HOUSING", "市住建局", 3, 2, 2, 0, 2, 1),
                new DepartmentLine("D-EAST", "城东区人民政府", 1, 0, 0, 0, 0, 0),
                new DepartmentLine("SAMR", "市市场监管局", 1, 0, 0, 1, 0, 0));
        assertThat(report.workOrders()).extracting(TopicReport.OrderLine::number)
                .containsExactly("N1", "N2", "N3", "N4", "N5");
        TopicReport.OrderLine first = report.workOrders().get(0);
        assertThat(first.result()).isEqualTo("办结");
        assertThat(first.statusLabel()).isEqualTo("已办结");
        assertThat(first.reply()).isEqualTo(long1);
        assertThat(first.replyExcerpt()).hasSize(TopicReport.EXCERPT + 1).endsWith("…").startsWith("经核查");
        assertThat(first.satisfaction()).isEqualTo("满意");
        assertThat(first.area()).isEqualTo("城东区东门街道");
        assertThat(first.registeredAt()).isEqualTo("2023-04-01 09:00");
        assertThat(report.workOrders().get(3)).satisfies(line -> {
            assertThat(line.result()).isEqualTo("在办");
            assertThat(line.reply()).isNull();
            assertThat(line.department()).isEqualTo("城东区人民政府");
        });
        assertThat(report.workOrders().get(4).area()).isEqualTo("未填写");
    }

    @Test
    void aPeriodWithoutWorkOrdersHasItsDaysAndWeeksAtZero() {
        Report report = TopicReport.compile(FROM, LocalDate.of(2023, 4, 30), CITY, List.of(), List.of(), List.of());
        assertThat(report.figures()).isEqualTo(new Figures(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(report.daily()).hasSize(30).allSatisfy(span -> assertThat(span.count()).isZero());
        assertThat(report.weekly()).hasSize(5).last().satisfies(span -> {
            assertThat(span.first()).isEqualTo(LocalDate.of(2023, 4, 29));
            assertThat(span.last()).isEqualTo(LocalDate.of(2023, 4, 30));
        });
    }

    private static Order order(long id, String registered, String category, String district, String street,
            WorkOrderStatus status, String lead, String replied, String deadline, Satisfaction satisfaction) {
        return new Order(id, "N" + id, "工单 " + id, "内容", category, category.equals("010101") ? "物业服务收费" : "物业服务质量",
                district, street, at(registered), status, lead, lead == null
                        ? null
                        : switch (lead) {
                            case "HOUSING" -> "市住建局";
                            default -> "城东区人民政府";
                        },
                replied == null ? null : at(replied), deadline == null ? null : at(deadline), satisfaction);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant();
    }

    private static CategoryView category(String code, String parent) {
        return new CategoryView(code.length(), code, code, code.length() / 2, parent, code, true);
    }
}
