package org.hotline12345.dispatch;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.support.Api.as;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The responsibility list through the API, on the first-run rules (seed/responsibility-rules.csv) and its own. */
@QuarkusTest
class ResponsibilityRuleApiTest extends DatabaseTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static ValidatableResponse which(String category, String district, String street) {
        var request = as("agent").queryParam("category", category);
        if (district != null) {
            request.queryParam("district", district);
        }
        if (street != null) {
            request.queryParam("street", street);
        }
        return request.get("/api/dispatch/rules/test").then().statusCode(200);
    }

    private static Map<String, Object> rule(String category, String district, String lead, String level) {
        Map<String, Object> body = new HashMap<>();
        body.put("categoryCode", category);
        body.put("district", district);
        body.put("leadDepartmentCode", lead);
        body.put("level", level);
        body.put("effectiveFrom", "2024-01-01");
        return body;
    }

    @Test
    void theMostSpecificRuleDecides() {
        // a rule on the third-level category beats the district's rule on its parent
        which("010101", "城东区", null).body("leadDepartmentCode", equalTo("HOUSING"))
                .body("assistingDepartmentCodes", contains("SAMR")).body("rule.categoryCode", equalTo("010101"));
        // the district's rule beats the city-wide one on the same category
        which("010102", "城东区", null).body("leadDepartmentCode", equalTo("D-EAST")).body("level",
                equalTo("DISTRICT"));
        which("010102", "城西区", null).body("leadDepartmentCode", equalTo("HOUSING"));
        // a street rule beats the city-wide rule of its category
        which("010403", "城东区", "东门街道").body("leadDepartmentCode", equalTo("S-EAST-DONGMEN"));
        which("010403", "城东区", "和平街道").body("leadDepartmentCode", equalTo("URBAN"));
    }

    @Test
    void withoutARuleTheDistrictGovernmentThenTheReviewQueue() {
        which("160304", "城西区", null).body("responsible", equalTo(true))
                .body("leadDepartmentCode", equalTo("D-WEST")).body("rule", nullValue())
                .body("explanation", containsString("属地"));
        which("160304", null, null).body("responsible", equalTo(false))
                .body("explanation", containsString("复核"));
        as("agent").queryParam("category", "999").get("/api/dispatch/rules/test").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
    }

    @Test
    void aChangeIsANewVersionAndTheOldOneStaysReadable() {
        Map<String, Object> body = rule("160101", null, "PETITION", "CITY");
        int ruleId = as("admin").body(body).post("/api/dispatch/rules").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("ruleId");
        body.put("leadDepartmentCode", "DRC");
        body.put("effectiveFrom", TODAY.toString());
        body.put("note", "改由发展改革委牵头");
        as("admin").body(body).put("/api/dispatch/rules/R" + ruleId).then().statusCode(200)
                .body("version", equalTo(2)).body("leadDepartmentCode", equalTo("DRC"));
        as("agent").get("/api/dispatch/rules/" + ruleId).then().statusCode(200)
                .body("version", contains(2, 1))
                .body("[1].effectiveTo", equalTo(TODAY.toString()))
                .body("[1].leadDepartmentCode", equalTo("PETITION"));
        which("160101", null, null).body("leadDepartmentCode", equalTo("DRC")).body("rule.version", equalTo(2));
        as("agent").queryParam("category", "160101").queryParam("date", TODAY.minusDays(1).toString())
                .get("/api/dispatch/rules/test").then().body("leadDepartmentCode", equalTo("PETITION"));

        // a version keeps the rule's category and area
        body.put("district", "城东区");
        as("admin").body(body).put("/api/dispatch/rules/" + ruleId).then().statusCode(422)
                .body("violations[0].rule", equalTo("sameKey"));

        // ended, the rule decides nothing more; its versions stay
        as("admin").queryParam("on", TODAY.toString()).delete("/api/dispatch/rules/" + ruleId).then()
                .statusCode(200);
        which("160101", null, null).body("responsible", equalTo(false));
        as("agent").get("/api/dispatch/rules/" + ruleId).then().body("size()", equalTo(2));
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndRule() {
        Map<String, Object> unknownCategory = rule("999999", null, "HOUSING", "CITY");
        as("admin").body(unknownCategory).post("/api/dispatch/rules").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("categoryCode"));
        as("admin").body(rule("160203", null, "NOPE", "CITY")).post("/api/dispatch/rules").then().statusCode(422)
                .body("violations[0].field", equalTo("leadDepartmentCode"));
        as("admin").body(rule("160203", "火星区", "HOUSING", "DISTRICT")).post("/api/dispatch/rules").then()
                .statusCode(422).body("violations[0].field", equalTo("district"));
        as("admin").body(rule("160203", null, "HOUSING", "DISTRICT")).post("/api/dispatch/rules").then()
                .statusCode(422).body("violations[0].field", equalTo("level"));
        Map<String, Object> street = rule("160203", null, "HOUSING", "CITY");
        street.put("street", "东门街道");
        as("admin").body(street).post("/api/dispatch/rules").then().statusCode(422)
                .body("violations[0].field", equalTo("street"));
        Map<String, Object> twice = rule("160203", null, "HOUSING", "CITY");
        twice.put("assistingDepartmentCodes", List.of("SAMR", "HOUSING"));
        as("admin").body(twice).post("/api/dispatch/rules").then().statusCode(422)
                .body("violations[0].field", equalTo("assistingDepartmentCodes[1]"));
        Map<String, Object> dates = rule("160203", null, "HOUSING", "CITY");
        dates.put("effectiveTo", "2023-01-01");
        as("admin").body(dates).post("/api/dispatch/rules").then().statusCode(422)
                .body("violations[0].field", equalTo("effectiveTo"));
        as("admin").body(Map.of("categoryCode", "160203")).post("/api/dispatch/rules").then().statusCode(400)
                .body("violations.field", hasItem("leadDepartmentCode"));
        // a second rule for a category and area already decided in the same period
        as("admin").body(rule("0103", null, "HOUSING", "CITY")).post("/api/dispatch/rules").then().statusCode(409)
                .body("detail", containsString("已确定 0103 @ 全市"));
    }

    @Test
    void onlyAdministratorsWriteAndDepartmentsDoNotSeeTheList() {
        as("supervisor").body(rule("160102", null, "HOUSING", "CITY")).post("/api/dispatch/rules").then()
                .statusCode(403);
        as("housing").get("/api/dispatch/rules").then().statusCode(403);
        as("agent").get("/api/dispatch/rules").then().statusCode(200).body("categoryCode", hasItem("010101"));
    }

    @Test
    void aWorkOrderShowsTheRuleVersionThatDispatchedIt() {
        Map<String, Object> registration = Api.registration();
        registration.put("dispatch", Api.dispatchTo("HOUSING"));
        registration.put("categoryCode", "010101");
        String byRule = Api.register(registration);
        as("agent").get("/api/work-orders/" + byRule).then()
                .body("dispatchRule.key", equalTo("010101 @ 全市")).body("dispatchRule.version", equalTo(1));
        registration.put("dispatch", Api.dispatchTo("SAMR"));
        String overridden = Api.register(registration);
        as("agent").get("/api/work-orders/" + overridden).then().body("dispatchRule", nullValue());
    }

    @Test
    void aCsvImportKeepsTheGoodRowsAndNamesTheBadOnes() {
        String csv = """
                category,district,street,lead,assisting,level,effective_from,note
                1602,,,PETITION,,CITY,2024-01-01,表扬感谢
                1602,城东区,,D-EAST,,DISTRICT,2024-01-01,
                1602,城北区,,NOPE,,DISTRICT,2024-01-01,
                1602,城南区,,D-SOUTH,,STATE,2024-01-01,
                160302,,,APPROVAL,,CITY,2024-01-01,便民信息
                """;
        as("admin").contentType("text/csv; charset=UTF-8").body(csv).post("/api/dispatch/rules/import").then()
                .statusCode(200)
                .body("rows", equalTo(5)).body("created", equalTo(3))
                .body("problems.line", contains(4, 5))
                .body("problems.field", contains("leadDepartmentCode", "level"));
        which("160201", "城东区", null).body("leadDepartmentCode", equalTo("D-EAST"));
        which("160201", "城西区", null).body("leadDepartmentCode", equalTo("PETITION"));
        which("160302", null, null).body("leadDepartmentCode", equalTo("APPROVAL"));
        String export = as("agent").accept("text/csv").get("/api/dispatch/rules/export").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(export).contains("1602,城东区,,D-EAST,,DISTRICT,2024-01-01");
        as("admin").contentType("text/csv; charset=UTF-8").body("district\n城东区\n").post("/api/dispatch/rules/import")
                .then()
                .statusCode(400).body("violations[0].field", equalTo("header"));
    }
    @Test
    void theCsvExportNeverHandsASpreadsheetAFormula() {
        String formula = "=cmd|' /C calc'!A0";
        String csv = "category,district,street,lead,assisting,level,effective_from,note\n"
                + "160302,城西区,,D-WEST,,DISTRICT,2024-01-01,\"" + formula + "\"\n";
        as("admin").contentType("text/csv; charset=UTF-8").body(csv).post("/api/dispatch/rules/import").then()
                .statusCode(200).body("created", equalTo(1));
        which("160302", "城西区", null).body("rule.note", equalTo(formula));
        String export = as("agent").accept("text/csv").get("/api/dispatch/rules/export").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(export).contains(",'" + formula).doesNotContain("," + formula);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNotGarbled() {
        byte[] gbk = "category,lead,level\n1602,PETITION,CITY\n备注".getBytes(java.nio.charset.Charset.forName("GBK"));
        as("admin").contentType("text/csv").body(gbk).post("/api/dispatch/rules/import").then().statusCode(400)
                .body("violations[0].field", equalTo("body")).body("violations[0].rule", equalTo("encoding"));
    }
}
