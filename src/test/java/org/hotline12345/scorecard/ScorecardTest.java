package org.hotline12345.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.hotline12345.support.Shanghai;
import org.hotline12345.workorder.ServiceRating;
import org.hotline12345.workorder.WorkOrderService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A month no other test uses (June 2023) built step by step for three departments: each indicator against what
 * happened, the ranking with its red and black lists under a version set for the month, the quarter under the
 * version of its first month, and an upheld appeal taking its work order out of the department's figures.
 */
@QuarkusTest
class ScorecardTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @Inject
    WorkOrderService workOrders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(String cityTime) {
        clock.set(Shanghai.at(cityTime));
    }

    @Test
    void indicatorsRankingAndAnUpheldAppealFollowTheHistory() {
        // 市住建局: on time and satisfied (and supervised); accepted late and reopened by a dissatisfied callback;
        // returned (approved) and re-dispatched to 市市场监管局
        at("2023-06-05T10:00");
        String h1 = registerDispatched("HOUSING");
        String h2 = registerDispatched("HOUSING");
        String h3 = registerDispatched("HOUSING");
        at("2023-06-05T11:00");
        step("housing", h1, "accept").statusCode(200);
        step("supervisor", h1, "supervise", Map.of("comment", "请抓紧办理")).statusCode(200);
        step("housing", h3, "return", Map.of("reason", "不属于本单位职责")).statusCode(200);
        at("2023-06-05T14:00");
        step("supervisor", h3, "return/approve").statusCode(200);
        step("supervisor", h3, "redispatch", Api.dispatchTo("SAMR")).statusCode(200);
        at("2023-06-05T15:00");
        step("market", h3, "accept").statusCode(200);
        at("2023-06-06T10:00");
        step("housing", h1, "reply", Map.of("content", "已约谈物业公司")).statusCode(200);
        step("market", h3, "reply", Map.of("content", "已查处")).statusCode(200);
        String s2 = registerDispatched("SAMR");
        String e1 = registerDispatched("D-EAST");
        at("2023-06-06T11:00");
        step("east", e1, "accept").statusCode(200);
        step("east", e1, "reply", Map.of("content", "已协调解决")).statusCode(200);
        step("supervisor", h1, "review/approve").statusCode(200);
        step("supervisor", h3, "review/approve").statusCode(200);
        step("supervisor", e1, "review/approve").statusCode(200);
        step("agent", h1, "callback", Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED"))
                .statusCode(200);
        step("agent", e1, "callback", Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED"))
                .statusCode(200);
        at("2023-06-07T10:00");
        workOrders.rate(h3, ServiceRating.VERY_SATISFIED, "PORTAL");
        at("2023-06-08T10:00");
        step("housing", h2, "accept").statusCode(200);
        at("2023-06-09T10:00");
        step("housing", h2, "reply", Map.of("content", "已答复")).statusCode(200);
        step("supervisor", h2, "review/approve").statusCode(200);
        step("agent", h2, "callback", Map.of("reached", true, "resolved", false, "satisfaction", "DISSATISFIED"))
                .statusCode(200);

        // this month's version: red and black lists of one; the months before keep theirs
        Map<String, Object> version = Map.of("validFrom", "2023-06", "weights", Map.of("ACCEPTED_ON_TIME", 15,
                "REPLIED_ON_TIME", 20, "RETURNED", 10, "REOPENED", 10, "RESOLVED", 20, "SATISFIED", 20, "SUPERVISED",
                5),
                "groups", Map.of("CITY_DEPARTMENT", "市直部门", "DISTRICT_GOVERNMENT", "区县政府", "PUBLIC_UTILITY", "公共服务企业"),
                "redCount", 1, "blackCount", 1);
        Api.as("supervisor").body(version).post("/api/scorecard-weights").then().statusCode(403);
        Api.as("admin").body(Map.of("validFrom", "2023-05", "weights", Map.of("RESOLVED", 1), "groups", Map.of(),
                "redCount", 1, "blackCount", 1)).post("/api/scorecard-weights").then().statusCode(422)
                .body("violations.field", hasItem(endsWith("validFrom")));
        Api.as("admin").body(version).post("/api/scorecard-weights").then().statusCode(201)
                .body("redCount", equalTo(1));

        at("2023-07-10T10:00");
        JsonPath card = Api.as("supervisor").get("/api/scorecards?period=2023-06").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> housing = row(card, "HOUSING");
        assertThat(housing).containsEntry("volume", 3).containsEntry("excluded", 0);
        assertRate(housing, "ACCEPTED_ON_TIME", 1, 2);
        assertRate(housing, "REPLIED_ON_TIME", 2, 2);
        assertRate(housing, "RETURNED", 1, 3);
        assertRate(housing, "REOPENED", 1, 2);
        assertRate(housing, "RESOLVED", 1, 2);
        assertRate(housing, "SATISFIED", 1, 2);
        assertRate(housing, "SUPERVISED", 1, 3);
        Map<String, Object> samr = row(card, "SAMR");
        assertThat(samr).containsEntry("volume", 2);
        // the re-dispatched one accepted in an hour; s2 never accepted, its clocks ran out
        assertRate(samr, "ACCEPTED_ON_TIME", 1, 2);
        assertRate(samr, "REPLIED_ON_TIME", 1, 2);
        assertRate(samr, "RESOLVED", 0, 0);
        // 非常满意 on the five levels counts as 满意
        assertRate(samr, "SATISFIED", 1, 1);
        // (15×50 + 20×100 + 10×66.7 + 10×50 + 20×50 + 20×50 + 5×66.7) / 100; SAMR without 解决率: 6250 / 80
        assertThat(housing).containsEntry("score", 62.5f).containsEntry("rank", 2).containsEntry("black", true)
                .containsEntry("red", false);
        assertThat(samr).containsEntry("score", 78.13f).containsEntry("rank", 1).containsEntry("red", true);
        assertThat(row(card, "D-EAST")).containsEntry("group", "区县政府").containsEntry("score", 100.0f)
                .containsEntry("rank", 1);
        assertThat(s2).isNotBlank();

        // the quarter is scored with the version of its first month (April: three red, three black)
        JsonPath quarter = Api.as("supervisor").get("/api/scorecards?period=2023-Q2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(quarter.getInt("version.redCount")).isEqualTo(3);
        assertThat(row(quarter, "HOUSING")).containsEntry("score", 62.5f).containsEntry("red", true);

        // drill-down: the work orders behind 按时签收率, whether each counts
        JsonPath drill = Api.as("supervisor")
                .get("/api/scorecards/2023-06/departments/HOUSING?indicator=ACCEPTED_ON_TIME").then().statusCode(200)
                .extract().jsonPath();
        assertThat(drill.getList("cases.detail.number", String.class)).containsExactlyInAnyOrder(h1, h2);
        assertThat(drill.getBoolean("cases.find { it.detail.number == '" + h2 + "' }.counted")).isFalse();
        Api.as("market").get("/api/scorecards/2023-06/departments/HOUSING").then().statusCode(404);
        // department staff see only their own line
        assertThat(Api.as("housing").get("/api/scorecards?period=2023-06").then().statusCode(200).extract()
                .jsonPath().getList("groups.rows.flatten().departmentCode", String.class)).containsExactly("HOUSING");

        // 申诉: only for a work order dispatched to the department; one live appeal at a time
        Map<String, Object> appeal = Map.of("workOrderNumber", h2, "kind", "UNREASONABLE", "reason",
                "诉求人要求物业退还全部历年物业费，超出政策范围", "evidence", "物业收费标准经价格主管部门备案（见工单附件）");
        Api.as("market").body(appeal).post("/api/appeals").then().statusCode(422);
        Api.as("supervisor").body(appeal).post("/api/appeals").then().statusCode(403);
        int id = Api.as("housing").body(appeal).post("/api/appeals").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("kindLabel", equalTo("不合理诉求")).extract().path("id");
        Api.as("housing").body(appeal).post("/api/appeals").then().statusCode(409);
        assertThat(Api.as("supervisor").get("/api/appeals?status=PENDING").then().statusCode(200).extract()
                .jsonPath().getList("id", Integer.class)).contains(id);
        Api.as("housing").body(Map.of("upheld", true, "reason", "自己说了算")).post("/api/appeals/" + id + "/decision")
                .then().statusCode(403);
        Api.as("supervisor").body(Map.of("upheld", true, "reason", " ")).post("/api/appeals/" + id + "/decision")
                .then().statusCode(400);
        Api.as("supervisor").body(Map.of("upheld", true, "reason", "诉求超出政策范围，申诉成立"))
                .post("/api/appeals/" + id + "/decision").then().statusCode(200).body("status", equalTo("UPHELD"));
        Api.as("supervisor").body(Map.of("upheld", false, "reason", "再审")).post("/api/appeals/" + id + "/decision")
                .then().statusCode(409);

        JsonPath after = Api.as("supervisor").get("/api/scorecards?period=2023-06").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> housingAfter = row(after, "HOUSING");
        assertThat(housingAfter).containsEntry("volume", 2).containsEntry("excluded", 1);
        assertRate(housingAfter, "ACCEPTED_ON_TIME", 1, 1);
        assertRate(housingAfter, "REOPENED", 0, 1);
        assertRate(housingAfter, "SATISFIED", 1, 1);
        assertThat(housingAfter).containsEntry("score", 92.5f).containsEntry("rank", 1).containsEntry("red", true);
        assertThat(row(after, "SAMR")).containsEntry("black", true);

        // the monthly 通报 as Excel, with each figure's count and base
        List<List<String>> sheet = Excel.rows(Pages.as("supervisor")
                .get("/supervisor/scorecards/export?period=2023-06").then().statusCode(200).extract().asByteArray());
        assertThat(sheet.get(0)).startsWith("对比组", "名次", "承办单位", "得分", "榜单", "派单量", "申诉核减", "按时签收率");
        assertThat(sheet).filteredOn(line -> line.get(2).equals("市住建局")).singleElement()
                .satisfies(line -> assertThat(line.subList(3, 9)).containsExactly("92.50", "红榜", "2.0", "1.0",
                        "100.0%", "1/1"));
        Pages.as("supervisor").get("/supervisor/scorecards/print?period=2023-06").then().statusCode(200)
                .body(containsString("12345 热线承办单位考核通报（2023年6月）"));
        Pages.as("admin").get("/admin/scorecard-weights").then().statusCode(200).body(containsString("2023-06"));
        Pages.as("supervisor").get("/admin/scorecard-weights").then().statusCode(403);
        // the supervisors heard of the appeal, the department of the decision
        assertThat(inbox("supervisor")).anySatisfy(n -> assertThat(n.get("title")).isEqualTo("考核申诉：市住建局 · 工单 "
                + h2));
        assertThat(inbox("housing")).anySatisfy(n -> assertThat(n.get("title")).isEqualTo("考核申诉申诉成立：工单 " + h2));
    }

    @Test
    void badPeriodsAndIndicatorsAreNamedProblems() {
        Api.as("supervisor").get("/api/scorecards?period=2023-13").then().statusCode(400)
                .body("violations.field", hasItem(endsWith("period")));
        Api.as("supervisor").get("/api/scorecards/2023-06/departments/HOUSING?indicator=SPEED").then()
                .statusCode(400);
        Api.as("agent").get("/api/scorecards?period=2023-06").then().statusCode(403);
    }

    /** The department's line with its group, its figures flattened in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath card, String code) {
        for (Map<String, Object> group : card.<Map<String, Object>> getList("groups")) {
            for (Map<String, Object> row : (List<Map<String, Object>>) group.get("rows")) {
                if (code.equals(row.get("departmentCode"))) {
                    Map<String, Object> figures = (Map<String, Object>) row.get("figures");
                    Map<String, Object> flat = new HashMap<>(row);
                    flat.putAll(figures);
                    flat.put("group", group.get("name"));
                    return flat;
                }
            }
        }
        throw new AssertionError(code + " is not on the scorecard: " + card.prettify());
    }

    @SuppressWarnings("unchecked")
    private static void assertRate(Map<String, Object> row, String indicator, int count, int base) {
        Map<String, Object> rate = ((Map<String, Map<String, Object>>) row.get("rates")).get(indicator);
        assertThat(List.of(rate.get("count"), rate.get("base"))).as(indicator).containsExactly(count, base);
    }

    /** Every page of the user's notifications: those stamped with the moved clock sort after the others. */
    private static List<Map<String, Object>> inbox(String user) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath inbox = Api.as(user).get("/api/notifications?size=200&page=" + page).then().statusCode(200)
                    .extract().jsonPath();
            found.addAll(inbox.getList("items.findAll { it.kind == 'SCORECARD_APPEAL' }"));
            if (inbox.getList("items").size() < 200) {
                return found;
            }
        }
    }
}
