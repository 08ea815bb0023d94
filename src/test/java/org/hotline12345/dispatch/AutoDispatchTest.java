package org.hotline12345.dispatch;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.AutomaticDispatch;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A city's archive in, models trained from it, suggestions out, and work orders dispatched by themselves when the
 * service is sure; in order, since each step builds on the one before.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AutoDispatchTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    private AutomaticDispatch automaticDispatch;

    @BeforeEach
    void turnAutomaticDispatchOn() {
        automaticDispatch = AutomaticDispatch.on();
    }

    @AfterEach
    void setAutomaticDispatchBack() {
        automaticDispatch.close();
    }

    private static final String[] PLACES = {"小区", "楼栋", "家里", "单元楼", "村里"};
    private static final String[] TIMES = {"三天", "一整天", "两天", "从早上开始", "昨晚起"};
    private static final String[] SHOPS = {"超市", "便利店", "商场", "菜市场", "网店"};

    /** A small archive: outages of water and of power, and expired food, with their departments. */
    static List<Map<String, Object>> archive() {
        String[][] water = {{"没有自来水", "水龙头不出水", "供水中断", "水压很低", "生活用水困难"}};
        String[][] power = {{"电器无法使用", "冰箱断电", "供电线路故障", "电压不稳", "照明全无"}};
        String[] food = {"面包已过保质期", "牛奶变质", "饼干发霉", "熟食有异味", "零食过期半年"};
        List<Map<String, Object>> records = new ArrayList<>();
        int n = 0;
        for (String place : PLACES) {
            for (String time : TIMES) {
                for (int d = 0; d < 2; d++) {
                    String w = water[0][(n + d) % 5];
                    String p = power[0][(n + d) % 5];
                    records.add(record("W" + n + d, place + time + "停水", place + time + "停水，" + w, "010501",
                            "WATERWORKS", List.of()));
                    records.add(record("P" + n + d, place + time + "停电", place + time + "停电，" + p, "010502",
                            "POWER", List.of("WATERWORKS")));
                }
                n++;
            }
        }
        for (String shop : SHOPS) {
            for (String problem : food) {
                records.add(record("F" + shop + problem, shop + "销售过期食品", shop + "销售过期食品，" + problem, "080101",
                        "SAMR", List.of()));
            }
        }
        return records;
    }

    private static Map<String, Object> record(String id, String title, String content, String category,
            String department, List<String> returnedBy) {
        Map<String, Object> record = new HashMap<>();
        record.put("externalId", "archive-" + id);
        record.put("title", title);
        record.put("content", content);
        record.put("categoryCode", category);
        record.put("departmentCode", department);
        record.put("returnedBy", returnedBy);
        return record;
    }

    private static Map<String, Object> registration(String category, String district, String title,
            String content) {
        Map<String, Object> body = Api.registration();
        body.put("categoryCode", category);
        body.put("title", title);
        body.put("content", content);
        Map<String, Object> location = new HashMap<>();
        location.put("district", district);
        body.put("location", location);
        return body;
    }

    @Test
    @Order(1)
    void anArchiveIsImportedKeepingTheGoodRecords() {
        List<Map<String, Object>> records = new ArrayList<>(archive());
        int good = records.size();
        records.add(record("bad-category", "标题", "内容", "999999", "SAMR", List.of()));
        records.add(record("bad-return", "标题", "内容", "080101", "SAMR", List.of("NOPE")));
        Map<String, Object> untitled = record("untitled", "", "内容", "080101", "SAMR", List.of());
        records.add(untitled);
        records.add(record("nothing-to-teach", "标题", "内容", null, null, List.of()));
        as("admin").body(records).post("/api/dispatch/history").then().statusCode(200)
                .body("received", equalTo(good + 4)).body("imported", equalTo(good))
                .body("problems.field", contains("categoryCode", "returnedBy[0]", "title", "categoryCode"))
                .body("problems.index", contains(good, good + 1, good + 2, good + 3));
        // importing again replaces, it does not duplicate
        as("admin").body(archive()).post("/api/dispatch/history").then().body("archiveSize", equalTo(good));
        as("agent").body(archive()).post("/api/dispatch/history").then().statusCode(403);
    }

    @Test
    @Order(2)
    void modelsAreTrainedFromTheArchiveAndReportHowTheyDid() throws InterruptedException {
        as("agent").post("/api/dispatch/models/retrain").then().statusCode(403);
        as("admin").post("/api/dispatch/models/retrain").then().statusCode(202);
        JsonPath status = awaitModels(1);
        assertThat(status.getList("models.kind")).containsExactlyInAnyOrder("CATEGORY", "DEPARTMENT");
        assertThat(status.getInt("models.find { it.kind == 'CATEGORY' }.trainedOn")).isGreaterThanOrEqualTo(125);
        // a floor, not the model's quality: the suite's other tests close work orders with test texts (answered on
        // the call, registered closed) that the model learns from and is evaluated on too; ClassifierEvaluation
        // measures it on clean data
        assertThat(status.getDouble("models.find { it.kind == 'CATEGORY' }.evaluation.macroF1")).isGreaterThan(0.6);
        assertThat(status.getInt("models.find { it.kind == 'DEPARTMENT' }.evaluation.heldOut")).isPositive();
    }

    @Test
    @Order(3)
    void suggestionsCombineTheModelsWithTheResponsibilityList() {
        as("agent").body(Map.of("title", "家里停水", "content", "家里从早上开始停水，水龙头不出水", "district", "城西区"))
                .post("/api/dispatch/suggest").then().statusCode(200)
                .body("categories[0].code", equalTo("010501"))
                .body("departments[0].code", equalTo("WATERWORKS"))
                .body("proposal.leadDepartmentCode", equalTo("WATERWORKS"))
                .body("proposal.explanation", containsString("确责清单规则"))
                .body("proposal.explanation", containsString("承办单位模型"))
                .body("responsible", equalTo(true));
        // the agent's category decides which rule applies
        as("agent").body(Map.of("title", "物业乱收费", "content", "物业费上涨", "categoryCode", "010101"))
                .post("/api/dispatch/suggest").then().body("proposal.leadDepartmentCode", equalTo("HOUSING"))
                .body("proposal.assistingDepartmentCodes", contains("SAMR"));
        as("agent").body(Map.of("title", "", "content", "")).post("/api/dispatch/suggest").then().statusCode(400);
        as("housing").body(Map.of("title", "停水")).post("/api/dispatch/suggest").then().statusCode(403);
    }

    @Test
    @Order(4)
    void aWorkOrderTheServiceIsSureOfIsDispatchedByItselfWithTheReasonRecorded() {
        String number = Api.register(registration("010501", "城西区", "小区停水", "小区两天停水，没有自来水"));
        JsonPath detail = as("agent").get("/api/work-orders/" + number).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("leadDepartment.code", equalTo("WATERWORKS"))
                .body("dispatchRule.key", equalTo("010501 @ 全市"))
                .extract().jsonPath();
        Map<String, Object> dispatched = detail.getMap("history.find { it.type == 'DISPATCHED' }");
        assertThat(dispatched.get("actorUsername")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) dispatched.get("details");
        assertThat(details).containsEntry("automatic", true).containsKey("rule").containsKey("explanation");
        assertThat(((Number) details.get("confidence")).doubleValue()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    @Order(5)
    void belowTheThresholdTheSuggestionIsRecordedAndTheAgentDecides() {
        // no rule for this category: the district government is the fallback, which is never sure enough
        String number = Api.register(registration("160303", "城西区", "家里停电", "家里昨晚起停电，冰箱断电"));
        as("agent").get("/api/work-orders/" + number).then()
                .body("status", equalTo("REGISTERED"))
                .body("needsDispatchReview", equalTo(false))
                .body("history.type", hasItem("DISPATCH_SUGGESTED"))
                .body("history.find { it.type == 'DISPATCH_SUGGESTED' }.details.suggestedLead", equalTo("D-WEST"))
                .body("history.find { it.type == 'DISPATCH_SUGGESTED' }.details.automatic", equalTo(false));
    }

    @Test
    @Order(6)
    void withNobodyResponsibleTheWorkOrderWaitsInTheReviewQueue() {
        String number = Api.register(registration("160303", null, "外地事项咨询", "询问外省某地停电情况"));
        as("agent").get("/api/work-orders/" + number).then().body("status", equalTo("REGISTERED"))
                .body("needsDispatchReview", equalTo(true));
        as("supervisor").queryParam("dispatchReview", "true").get("/api/work-orders").then()
                .body("items.number", hasItem(number));
        Api.step("agent", number, "dispatch", Api.dispatchTo("POWER")).statusCode(200);
        as("supervisor").queryParam("dispatchReview", "true").get("/api/work-orders").then()
                .body("items.number", not(hasItem(number)));
        as("agent").get("/api/work-orders/" + number).then().body("needsDispatchReview", equalTo(false))
                .body("dispatchRule", nullValue());
    }

    @Test
    @Order(7)
    void anAgentCanKeepAWorkOrderToAnswerItOnTheCall() {
        Map<String, Object> body = registration("010501", "城西区", "停水咨询", "小区停水，问何时恢复");
        body.put("autoDispatch", false);
        String number = Api.register(body);
        as("agent").get("/api/work-orders/" + number).then().body("status", equalTo("REGISTERED"))
                .body("history.type", not(hasItem("DISPATCH_SUGGESTED")));
    }

    @Test
    @Order(8)
    void retrainingSwapsInTheNewModelsWhileSuggestionsGoOn() throws InterruptedException {
        as("admin").post("/api/dispatch/models/retrain").then().statusCode(202);
        // suggestions keep working while the new models are trained
        for (int i = 0; i < 5; i++) {
            as("agent").body(Map.of("title", "便利店销售过期食品", "content", "牛奶变质")).post("/api/dispatch/suggest")
                    .then().statusCode(200).body("categories[0].code", equalTo("080101"));
        }
        JsonPath status = awaitModels(2);
        assertThat(status.getList("models.version", Integer.class)).containsOnly(2);
        as("agent").body(Map.of("title", "超市卖过期面包", "content", "面包已过保质期")).post("/api/dispatch/suggest")
                .then().body("departments[0].code", equalTo("SAMR"));
        as("admin").get("/api/dispatch/models").then().body("lastRun.CATEGORY.version", greaterThanOrEqualTo(2));
    }

    @Test
    @Order(9)
    void anAnswerGivenOnTheCallIsNeverDispatchedEvenWhereTheServiceIsSure() {
        // 010501 in 城西区 is dispatched automatically (see above); answered on the call it closes instead
        Map<String, Object> body = registration("010501", "城西区", "停水何时恢复", "小区停水，问何时恢复供水");
        body.put("directAnswer", Map.of("answer", "供水管网抢修中，预计今晚八点前恢复。"));
        String number = Api.register(body);
        as("agent").get("/api/work-orders/" + number).then().body("status", equalTo("CLOSED"))
                .body("closure", equalTo("ANSWERED_DIRECTLY"))
                .body("directAnswer", equalTo("供水管网抢修中，预计今晚八点前恢复。"))
                .body("history.type", contains("REGISTERED", "ANSWERED_DIRECTLY"));
        // an answer and a department together are a contradiction, said in Chinese
        body.put("dispatch", Api.dispatchTo("WATERWORKS"));
        as("agent").body(body).post("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("dispatch"))
                .body("violations[0].message", containsString("即问即答"));
        // a work order dispatched by itself is no longer answered on the call: the refusal says why, in Chinese
        String dispatched = Api.register(registration("010501", "城西区", "小区停水", "小区两天停水，没有自来水"));
        Api.step("agent", dispatched, "answer", Map.of("answer", "已答复")).statusCode(409)
                .body("detail", equalTo("工单 " + dispatched + " 当前为“已派单”，“即问即答”只能在“已受理”时办理"));

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            browser.driver().findElement(By.name("name")).sendKeys("吴女士");
            browser.driver().findElement(By.id("phone-number")).sendKeys("13700003333");
            browser.driver().findElement(By.id("title")).sendKeys("停水何时恢复");
            browser.driver().findElement(By.name("content")).sendKeys("小区停水，问何时恢复供水");
            browser.chooseCategory("停水及水质", "城乡建设 / 水电气暖 / 停水及水质");
            new Select(browser.driver().findElement(By.id("district"))).selectByVisibleText("城西区");
            browser.driver().findElement(By.id("direct-answer")).sendKeys("供水管网抢修中，预计今晚八点前恢复。");
            browser.driver().findElement(By.cssSelector("#registration button[type=submit]")).click();
            String registered = browser.text(By.id("registered-number"));
            assertThat(browser.text(By.cssSelector(".notice.ok:not(#registered)"))).isEqualTo("已当场答复，工单已办结");
            browser.go("/hotline/work-orders/" + registered);
            assertThat(browser.text(By.id("status"))).isEqualTo("已办结");
            assertThat(browser.text(By.id("closure"))).isEqualTo("（即问即答）");
            assertThat(browser.text(By.id("history"))).doesNotContain("派单");
            browser.screenshot("answered-on-the-call-with-auto-dispatch-on");
        }
    }

    private static JsonPath awaitModels(int version) {
        return await("both models of version " + version + " trained").atMost(ofSeconds(90))
                .until(() -> as("agent").get("/api/dispatch/models").then().statusCode(200).extract().jsonPath(),
                        status -> !status.getBoolean("training") && status.getList("models").size() >= 2
                                && status.getList("models.version", Integer.class).stream()
                                        .allMatch(v -> v >= version));
    }
}
