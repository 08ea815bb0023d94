package org.hotline12345.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A burst of requests in one street and category against a quiet history is raised once, with its work orders, trend,
 * department and test; a category as busy as on the same weekday of past weeks is not; the supervisor turns the
 * hotspot into a proactive work order, dispatched to the department, and its effect is followed.
 */
@QuarkusTest
class HotspotPassTest extends DatabaseTest {

    /** A Wednesday afternoon in the city, apart from the times other tests register at. */
    private static final Instant NOW = Shanghai.at("2025-03-12T16:00");

    private static final Duration WEEK = Duration.ofDays(7);

    @Inject
    MutableClock clock;

    @Inject
    HotspotJob job;

    @Inject
    HotspotPass pass;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBurstIsRaisedOnceASteadyCategoryIsNotAndTheSupervisorActsOnIt() {
        // steady: five 餐饮油烟 requests in 临江镇 in these hours of each of the past eight Wednesdays, and today
        for (int week = 0; week <= 8; week++) {
            for (int i = 0; i < 5; i++) {
                HotspotFixtures.registerAt(clock,
                        NOW.minus(WEEK.multipliedBy(week)).minus(Duration.ofMinutes(30 + 50 * i)),
                        "020102", "临江县", "临江镇", "油烟扰民 " + week + "-" + i, HotspotFixtures.VARIED[i]);
            }
        }
        // the burst: eight 物业服务收费 requests in 东门街道 this afternoon, one on a past Wednesday
        HotspotFixtures.registerAt(clock, NOW.minus(WEEK.multipliedBy(3)).minus(Duration.ofHours(1)), "010101", "城东区",
                "东门街道", "物业费上涨", "物业公司通知下月起物业费上涨。");
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(HotspotFixtures.registerAt(clock, NOW.minus(Duration.ofMinutes(20 + 25 * i)), "010101", "城东区",
                    "东门街道", "阳光花园物业费突然上涨 " + i, "阳光花园小区物业公司未经业主大会同意把物业费从每平方米1.2元涨到2元，业主不同意。"));
        }
        clock.set(NOW);

        job.run();

        JsonPath hotspots = Api.as("supervisor").get("/api/hotspots?status=OPEN").then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> ours = hotspots.getList("findAll { it.district == '城东区' && it.street == '东门街道'"
                + " && it.categoryCode == '010101' && it.raisedAt.startsWith('2025-03-12') }");
        assertThat(ours).hasSize(1);
        Map<String, Object> hotspot = ours.get(0);
        assertThat(hotspot).containsEntry("kind", "COUNT").containsEntry("observed", 8)
                .containsEntry("departmentCode", "HOUSING").containsEntry("area", "城东区东门街道")
                .containsEntry("window", "近 6 小时");
        // one request in the eight past Wednesdays' same hours: a mean of 1/8, taken as the floor of 0.5
        assertThat(((Number) hotspot.get("expected")).doubleValue()).isEqualTo(0.5);
        assertThat(Double.parseDouble((String) hotspot.get("pValue"))).isLessThan(1e-5);
        assertThat((List<String>) hotspot.get("workOrderNumbers")).containsExactlyInAnyOrderElementsOf(burst);
        List<Integer> trend = (List<Integer>) hotspot.get("trend");
        assertThat(trend).hasSize(14).endsWith(8);
        // the days before: other tests may have registered requests there under a moved clock, never a burst
        assertThat(trend.subList(0, 13)).allSatisfy(day -> assertThat(day).isLessThan(8));
        // the steady category, its district and the city's totals are not raised
        assertThat(hotspots.getList("findAll { it.raisedAt.startsWith('2025-03-12') }.area", String.class))
                .containsExactly("城东区东门街道");

        // the list as Excel: the hotspot with its counts, work orders and trend, the last column today's 8
        List<List<String>> sheet = Excel.rows(Pages.as("supervisor").get("/supervisor/hotspots/export?status=OPEN")
                .then().statusCode(200).extract().asByteArray());
        assertThat(sheet.get(0)).startsWith("发现时间", "区域", "诉求分类", "类型", "件数", "往常").endsWith("当天");
        List<String> row = sheet.stream().filter(r -> r.get(0).startsWith("2025-03-12") && r.get(1).equals("城东区东门街道"))
                .findFirst().orElseThrow();
        assertThat(row.subList(2, 6)).containsExactly("物业服务收费", "数量突增", "8.0", "0.5");
        assertThat(row.get(9)).contains(burst.get(0));
        assertThat(row.get(row.size() - 1)).isEqualTo("8.0");

        // not raised twice while it is open
        assertThat(pass.pass(NOW.plus(Duration.ofMinutes(15))).raised()).isEmpty();

        // the supervisors and the department are told
        long id = ((Number) hotspot.get("id")).longValue();
        // (stamped with the moved clock, they sort after what other tests sent at the real time: read every page)
        assertThat(hotspotNotifications("supervisor")).extracting(n -> (String) n.get("body"))
                .anySatisfy(body -> assertThat(body).contains("/supervisor/hotspots/" + id));
        assertThat(hotspotNotifications("housing")).extracting(n -> n.get("title"))
                .contains("热点：城东区东门街道 · 物业服务收费（数量突增）");
        Api.as("housing").get("/api/hotspots").then().statusCode(200).body("id", hasItem((int) id));
        Api.as("market").get("/api/hotspots/" + id).then().statusCode(404);

        // a dismissal needs its reason; an agent decides nothing
        Api.as("supervisor").body(Map.of("reason", " ")).post("/api/hotspots/" + id + "/dismissal").then()
                .statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.endsWith("reason")));
        Api.as("agent").body(Map.of("reason", "重复")).post("/api/hotspots/" + id + "/dismissal").then()
                .statusCode(403);

        // 主动治理: a work order of channel PROACTIVE, dispatched to the department
        clock.set(NOW.plus(Duration.ofHours(1)));
        String number = Api.as("supervisor")
                .body(Map.of("title", "主动治理：阳光花园物业费上涨", "content", "请住建部门核查阳光花园物业费调整是否合规。",
                        "leadDepartmentCode", "HOUSING"))
                .post("/api/hotspots/" + id + "/proactive-work-order").then().statusCode(201)
                .body("hotspot.status", equalTo("ACTED")).extract().path("workOrderNumber");
        Api.as("supervisor").get("/api/work-orders/" + number).then().statusCode(200)
                .body("channel", equalTo("PROACTIVE")).body("status", equalTo("DISPATCHED"))
                .body("category.code", equalTo("010101")).body("leadDepartment.code", equalTo("HOUSING"));
        Api.as("supervisor").body(Map.of("reason", "已处理")).post("/api/hotspots/" + id + "/dismissal").then()
                .statusCode(409);

        // the effect: the same category and street in the day before and after
        HotspotFixtures.registerAt(clock, NOW.plus(Duration.ofHours(20)), "010101", "城东区", "东门街道", "物业费",
                "物业费的问题还没有解决。");
        clock.set(NOW.plus(Duration.ofHours(25)));
        Api.as("supervisor").get("/api/hotspots/" + id).then().statusCode(200).body("effect.before", equalTo(8))
                .body("effect.after", equalTo(1)).body("effect.days", equalTo(1.0f))
                .body("workOrders.number", org.hamcrest.Matchers.hasItems(burst.toArray()));
    }

    /** The user's HOTSPOT notifications, from every page of the inbox. */
    private static List<Map<String, Object>> hotspotNotifications(String user) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath inbox = Api.as(user).get("/api/notifications?size=200&page=" + page).then().statusCode(200)
                    .extract().jsonPath();
            found.addAll(inbox.getList("items.findAll { it.kind == 'HOTSPOT' }"));
            if (inbox.getList("items").size() < 200) {
                return found;
            }
        }
    }

    @Test
    void similarTextsAcrossCategoriesAndDistrictsAreOneGroupWhereNoCountStandsOut() {
        Instant now = Shanghai.at("2025-05-14T16:00");
        String[][] places = {{"城东区", "和平街道"}, {"城南区", "南湖街道"}, {"城北区", "北苑街道"}, {"临江县", "临江镇"},
                {"城西区", "长安街道"}};
        // five requests a Wednesday in these hours, about different things, so the city's total is as usual
        for (int week = 1; week <= 8; week++) {
            for (int i = 0; i < 5; i++) {
                HotspotFixtures.registerAt(clock, now.minus(WEEK.multipliedBy(week)).minus(Duration.ofHours(1 + i)),
                        "020102", places[i][0], places[i][1], "油烟 " + week + "-" + i, HotspotFixtures.VARIED[i]);
            }
        }
        String[] categories = {"010101", "020102", "010101", "020102", "010101"};
        String[] roads = {"人民路", "解放路", "中山路", "建设路", "和平路"};
        List<String> group = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            group.add(HotspotFixtures.registerAt(clock, now.minus(Duration.ofHours(1 + i)), categories[i],
                    places[i][0], places[i][1], "共享单车乱停放堵塞人行道",
                    roads[i] + "路口的共享单车乱停乱放，把人行道全堵住了，行人只能走机动车道，很危险，请尽快清理。"));
        }
        clock.set(now);

        assertThat(pass.pass(now).raised()).hasSize(1);

        List<Map<String, Object>> raised = Api.as("supervisor").get("/api/hotspots").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.raisedAt.startsWith('2025-05-14') }");
        assertThat(raised).singleElement().satisfies(hotspot -> {
            assertThat(hotspot).containsEntry("kind", "TEXTS").containsEntry("kindLabel", "相似诉求聚集")
                    .containsEntry("area", "全市").containsEntry("categoryCode", "010101")
                    .containsEntry("departmentCode", "HOUSING").containsEntry("observed", 5)
                    .containsEntry("summary", "共享单车乱停放堵塞人行道").containsEntry("expected", null)
                    .containsEntry("window", "近 1 天");
            assertThat((List<String>) hotspot.get("workOrderNumbers")).containsExactlyInAnyOrderElementsOf(group);
        });
    }
}
