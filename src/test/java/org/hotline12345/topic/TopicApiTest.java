package org.hotline12345.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.support.Api.step;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A topic of April 2023 (a month no other test registers in) gathers the work orders of its categories (with their
 * sub-categories), district and keywords in its period, and leaves out those of another category, another district,
 * without a keyword or after the period; its report counts what the departments did: their replies on time or late, an
 * approved return, the citizens' satisfaction; the Excel holds the same figures; the supervisor closes it.
 */
@QuarkusTest
class TopicApiTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTopicReportCountsItsWorkOrdersAndTheDepartmentsHandlingOnly() throws IOException {
        // A: 物业费, replied on time by 市住建局, closed, satisfied
        String a = registerAt("2023-04-03T10:00", "010101", "城东区", "东门街道", "阳光花园物业费上涨",
                "物业公司未经业主大会同意上调物业费。", "HOUSING");
        step("housing", a, "accept").statusCode(200);
        clock.set(Shanghai.at("2023-04-03T15:00"));
        step("housing", a, "reply", Map.of("content", "经核查，阳光花园物业公司调价未经业主大会表决，已责令暂停执行新标准。")).statusCode(200);
        step("supervisor", a, "review/approve").statusCode(200);
        step("agent", a, "callback", Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED"))
                .statusCode(200);
        // B: 电梯 in a sub-category, returned by 市市场监管局 (approved), re-dispatched to 市住建局, replied late
        String b = registerAt("2023-04-04T10:00", "010102", "城东区", "和平街道", "翠湖苑电梯停运",
                "翠湖苑3号楼电梯停运一周，物业不修。", "SAMR");
        step("market", b, "return", Map.of("reason", "电梯维修属物业管理，非本单位职责")).statusCode(200);
        step("supervisor", b, "return/approve").statusCode(200);
        clock.set(Shanghai.at("2023-04-05T10:00"));
        step("agent", b, "redispatch", Api.dispatchTo("HOUSING")).statusCode(200);
        step("housing", b, "accept").statusCode(200);
        clock.set(Shanghai.at("2023-04-28T10:00"));
        step("housing", b, "reply", Map.of("content", "已督促物业公司修复电梯，3号楼电梯已恢复运行。")).statusCode(200);
        step("supervisor", b, "review/approve").statusCode(200);
        step("agent", b, "callback", Map.of("reached", true, "resolved", true, "satisfaction", "BASICALLY_SATISFIED"))
                .statusCode(200);
        // C: with 城东区人民政府, not replied; D: not dispatched
        String c = registerAt("2023-04-10T09:00", "010101", "城东区", "东门街道", "物业费收据不规范", "物业费只给白条，不开发票。",
                "D-EAST");
        step("east", c, "accept").statusCode(200);
        String d = registerAt("2023-04-17T20:00", "010101", "城东区", "东门街道", "询问物业费标准", "想了解本小区物业费的收费标准。",
                null);
        // not the topic's: another category, another district, no keyword, after the period
        List<String> others = List.of(
                registerAt("2023-04-06T10:00", "020102", "城东区", "东门街道", "饭店油烟", "楼下饭店油烟大，物业费白交了。", "HOUSING"),
                registerAt("2023-04-06T11:00", "010101", "城西区", "西湖街道", "物业费上涨", "物业费又涨了。", "HOUSING"),
                registerAt("2023-04-06T12:00", "010101", "城东区", "东门街道", "绿化被破坏", "小区绿地被改成停车位。", "HOUSING"),
                registerAt("2023-05-01T00:30", "010101", "城东区", "东门街道", "物业费上涨", "物业费又涨了。", "HOUSING"));
        clock.set(Shanghai.at("2023-05-02T09:00"));

        Map<String, Object> topic = new HashMap<>();
        topic.put("title", "物业服务收费问题");
        topic.put("month", "2023-04");
        topic.put("categoryCodes", List.of("0101"));
        topic.put("keywords", List.of("物业费", "电梯"));
        topic.put("district", "城东区");
        topic.put("from", "2023-04-01");
        topic.put("to", "2023-04-30");
        JsonPath created = Api.as("supervisor").body(topic).post("/api/topics").then().statusCode(201).extract()
                .jsonPath();
        long id = created.getLong("topic.id");
        JsonPath report = Api.as("supervisor").get("/api/topics/" + id).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("topic.statusLabel")).isEqualTo("进行中");
        assertThat(report.getString("topic.openedBy")).isEqualTo("supervisor");
        assertThat(report.getString("topic.openedByName")).isEqualTo("陈班长");
        assertThat(report.getList("topic.categoryNames", String.class)).containsExactly("物业管理");
        assertThat(report.getString("topic.area")).isEqualTo("城东区");
        assertThat(report.getList("report.workOrders.number", String.class)).containsExactly(a, b, c, d)
                .doesNotContainAnyElementsOf(others);
        assertThat(report.getMap("report.figures")).containsEntry("total", 4).containsEntry("closed", 2)
                .containsEntry("inProgress", 2).containsEntry("departments", 3).containsEntry("replied", 2)
                .containsEntry("returned", 1).containsEntry("rated", 2).containsEntry("satisfied", 2);
        assertThat(report.getList("report.departments")).containsExactly(
                department("HOUSING", "市住建局", 2, 2, 1, 0, 2, 2), department("D-EAST", "城东区人民政府", 1, 0, 0, 0, 0, 0),
                department("SAMR", "市市场监管局", 1, 0, 0, 1, 0, 0));
        assertThat(report.getList("report.places")).containsExactly(
                Map.of("district", "城东区", "street", "东门街道", "count", 3),
                Map.of("district", "城东区", "street", "和平街道", "count", 1));
        assertThat(report.getList("report.categories")).containsExactly(
                Map.of("code", "010101", "name", "物业服务收费", "count", 3),
                Map.of("code", "010102", "name", "物业服务质量", "count", 1));
        assertThat(report.getList("report.daily")).hasSize(30);
        assertThat(report.getList("report.daily.findAll { it.count > 0 }.label", String.class))
                .containsExactly("04-03", "04-04", "04-10", "04-17");
        assertThat(report.getList("report.weekly.count", Integer.class)).containsExactly(2, 1, 1, 0, 0);
        Map<String, Object> lineB = report.getMap("report.workOrders.find { it.number == '" + b + "' }");
        assertThat(lineB).containsEntry("department", "市住建局").containsEntry("result", "办结")
                .containsEntry("replyDepartment", "市住建局").containsEntry("reply", "已督促物业公司修复电梯，3号楼电梯已恢复运行。")
                .containsEntry("satisfaction", "基本满意").containsEntry("area", "城东区和平街道");
        Map<String, Object> lineC = report.getMap("report.workOrders.find { it.number == '" + c + "' }");
        assertThat(lineC).containsEntry("department", "城东区人民政府").containsEntry("result", "在办")
                .containsEntry("statusLabel", "已签收").containsEntry("reply", null);
        assertThat(report.getMap("report.workOrders.find { it.number == '" + d + "' }"))
                .containsEntry("department", null).containsEntry("result", "在办");

        // the Excel: one sheet per table, the same figures
        byte[] workbook = Api.as("supervisor").accept("*/*").get("/api/topics/" + id + ".xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook excel = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> sheets = new ArrayList<>();
            excel.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("概要", "按周趋势", "按日趋势", "承办单位", "区域", "诉求分类", "工单");
            assertThat(rows(excel.getSheet("概要"))).contains(List.of("工单总数", "4.0"), List.of("已办结", "2.0"),
                    List.of("退单（已批准）", "1.0"), List.of("满意及基本满意", "2.0"), List.of("区域", "城东区"));
            assertThat(rows(excel.getSheet("承办单位"))).containsExactly(
                    List.of("承办单位", "主办工单", "已办结", "按时答复", "退单", "回访有满意度", "满意及基本满意"),
                    List.of("市住建局", "2.0", "2.0", "1.0", "0.0", "2.0", "2.0"),
                    List.of("城东区人民政府", "1.0", "0.0", "0.0", "0.0", "0.0", "0.0"),
                    List.of("市市场监管局", "1.0", "0.0", "0.0", "1.0", "0.0", "0.0"));
            assertThat(rows(excel.getSheet("区域"))).contains(List.of("城东区", "东门街道", "3.0"));
            assertThat(rows(excel.getSheet("按周趋势")).get(1)).containsExactly("第 1 周（04-01—04-07）", "2023-04-01",
                    "2023-04-07", "2.0");
            assertThat(rows(excel.getSheet("工单"))).hasSize(5).extracting(row -> row.get(0)).contains(a, b, c, d);
        }

        // the list; the supervisor closes it with the month's findings, once
        Api.as("supervisor").get("/api/topics").then().statusCode(200).body("id", hasItem((int) id));
        Api.as("supervisor").body(Map.of("conclusion", " ")).post("/api/topics/" + id + "/conclusion").then()
                .statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.endsWith("conclusion")));
        Api.as("supervisor").body(Map.of("conclusion", "本月物业收费投诉集中在城东区东门街道。"))
                .post("/api/topics/" + id + "/conclusion").then().statusCode(200)
                .body("topic.status", equalTo("CLOSED")).body("topic.conclusion", equalTo("本月物业收费投诉集中在城东区东门街道。"))
                .body("report.figures.total", equalTo(4));
        Api.as("supervisor").body(Map.of("conclusion", "再次结题")).post("/api/topics/" + id + "/conclusion").then()
                .statusCode(409);
        Api.as("agent").get("/api/topics/" + id).then().statusCode(403);
        Api.as("supervisor").get("/api/topics/999999999").then().statusCode(404);
    }

    @Test
    void aTopicThatIsNotOneIsRefusedNamingItsField() {
        Map<String, Object> topic = new HashMap<>();
        topic.put("title", " ");
        topic.put("month", "2023-13");
        topic.put("categoryCodes", List.of());
        topic.put("from", "2023-04-01");
        topic.put("to", "2023-04-30");
        Api.as("supervisor").body(topic).post("/api/topics").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("violations.field", org.hamcrest.Matchers.hasItems(
                        org.hamcrest.Matchers.endsWith("title"), org.hamcrest.Matchers.endsWith("month"),
                        org.hamcrest.Matchers.endsWith("categoryCodes")));
        topic.put("title", "物业");
        topic.put("month", "2023-04");
        topic.put("categoryCodes", List.of("999999"));
        refused(topic, "categoryCodes", "诉求分类「999999」不存在");
        topic.put("categoryCodes", List.of("0101"));
        topic.put("street", "东门街道");
        refused(topic, "district", "选择街道时须同时选择区县");
        topic.put("district", "城西区");
        refused(topic, "street", "街道「东门街道」不属于城西区");
        topic.remove("street");
        topic.put("district", "火星区");
        refused(topic, "district", "区县「火星区」不在本市的区划中");
        topic.remove("district");
        topic.put("to", "2023-03-31");
        refused(topic, "to", "截止日期不能早于开始日期");
        topic.put("to", "2024-04-30");
        refused(topic, "to", "统计期间最长 366 天");
    }

    /** Refused as unacceptable (422): well formed, but naming what does not exist or is not a period. */
    private static void refused(Map<String, Object> topic, String field, String message) {
        Api.as("supervisor").body(topic).post("/api/topics").then().statusCode(422)
                .body("violations.find { it.field.endsWith('" + field + "') }.message", equalTo(message));
    }

    private static Map<String, Object> department(String code, String name, int workOrders, int closed, int onTime,
            int returned, int rated, int satisfied) {
        return Map.of("code", code, "name", name, "workOrders", workOrders, "closed", closed, "onTime", onTime,
                "returned", returned, "rated", rated, "satisfied", satisfied);
    }

    private String registerAt(String at, String category, String district, String street, String title,
            String content, String lead) {
        return TopicFixtures.registerAt(clock, at, category, district, street, title, content, lead);
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.toString()));
            rows.add(cells);
        }
        return rows;
    }
}
