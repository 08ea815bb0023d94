package org.hotline12345.businessdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.businessdesk.Desk.creditCode;
import static org.hotline12345.businessdesk.Desk.enterpriseRequest;
import static org.hotline12345.businessdesk.Desk.entryOf;
import static org.hotline12345.businessdesk.Desk.reply;
import static org.hotline12345.businessdesk.Desk.verification;
import static org.hotline12345.support.Api.as;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The weekly report and the accountability list against a known week: 2025-W10 (Monday 3 to Sunday 9 March 2025,
 * all working days Monday to Friday), which no other test touches.
 */
@QuarkusTest
class WeeklyReportTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKnownWeekGivesItsFigures() throws IOException {
        clock.set(Shanghai.at("2025-03-03T09:00"));
        // A: arrears, replied Tuesday, signed off Wednesday
        String a = enterpriseRequest(creditCode(), "HOUSING", false);
        // B: a simple request (1 working day) the department never answers: overdue from Tuesday 09:00
        String b = enterpriseRequest(creditCode(), "SAMR", true);
        // C: unclassified, replied Thursday within its five working days
        String c = enterpriseRequest(creditCode(), "HOUSING", false);
        as("desk").body(Map.of("issueKindCode", "ARREARS")).put("/api/desk/ledger/" + entryOf(a) + "/issue-kind")
                .then().statusCode(200);
        long bEntry = entryOf(b);
        as("desk").body(Map.of("issueKindCode", "APPROVAL_EFFICIENCY")).put("/api/desk/ledger/" + bEntry
                + "/issue-kind").then().statusCode(200);

        clock.set(Shanghai.at("2025-03-04T10:00"));
        reply("housing", a);
        clock.set(Shanghai.at("2025-03-05T10:00"));
        long aEntry = entryOf(a);
        as("desk").body(verification("SATISFIED")).post("/api/desk/ledger/" + aEntry + "/verification").then()
                .statusCode(200);
        as("desk").post("/api/desk/ledger/" + aEntry + "/sign-off/request").then().statusCode(200);
        as("desk2").post("/api/desk/ledger/" + aEntry + "/sign-off/approve").then().statusCode(200);
        clock.set(Shanghai.at("2025-03-06T15:00"));
        reply("housing", c);
        clock.set(Shanghai.at("2025-03-07T11:00"));
        as("desk").body(Map.of("reasons", "逾期不办", "evidence", "催办记录")).post("/api/desk/ledger/" + bEntry
                + "/referrals").then().statusCode(201);

        clock.set(Shanghai.at("2025-03-10T09:00"));
        JsonPath report = as("desk").queryParam("week", "2025-W10").get("/api/desk/reports/weekly").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getString("from")).isEqualTo("2025-03-03");
        assertThat(report.getString("to")).isEqualTo("2025-03-09");
        assertThat(List.of(report.getInt("created"), report.getInt("signedOff"), report.getInt("overdue"),
                report.getInt("openAtEnd"))).containsExactly(3, 1, 1, 2);
        assertThat(figures(report, "byEnvironment", "MARKET")).containsExactly(1, 1, 0);
        assertThat(figures(report, "byEnvironment", "GOVERNMENT")).containsExactly(1, 0, 1);
        assertThat(figures(report, "byEnvironment", "UNCLASSIFIED")).containsExactly(1, 0, 0);
        assertThat(figures(report, "byEnvironment", "SOCIAL")).containsExactly(0, 0, 0);
        assertThat(figures(report, "byDepartment", "HOUSING")).containsExactly(2, 1, 0);
        assertThat(figures(report, "byDepartment", "SAMR")).containsExactly(1, 0, 1);
        assertThat(report.getList("notable.reason", String.class)).containsExactlyInAnyOrder("提请移送纪检监察（待组长决定）",
                "超期最久");
        assertThat(report.getList("notable.entry.workOrderNumber", String.class)).containsOnly(b);

        // the same figures in the Excel file and on the page
        byte[] excel = as("desk").accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("week", "2025-W10").get("/api/desk/reports/weekly.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel))) {
            var overview = workbook.getSheet("概况").getRow(1);
            assertThat(overview.getCell(0).getStringCellValue()).isEqualTo("2025-W10");
            assertThat(List.of(overview.getCell(3).getNumericCellValue(), overview.getCell(4).getNumericCellValue(),
                    overview.getCell(5).getNumericCellValue())).containsExactly(3.0, 1.0, 1.0);
            assertThat(workbook.getSheet("重点案件").getLastRowNum()).isEqualTo(2);
        }
        Pages.as("desk").queryParam("week", "2025-W10").get("/desk/reports/weekly").then()
                .statusCode(200).body(containsString("id=\"created\">3<"))
                .body(containsString("id=\"overdue\">1<")).body(containsString("市场环境"));
        Pages.as("housing").get("/desk/reports/weekly").then().statusCode(403);
        as("desk").queryParam("week", "2025-W54").get("/api/desk/reports/weekly").then().statusCode(400)
                .body("violations[0].field", equalTo("week"));

        // B is the market regulator's missed deadline, five working days late by the following Tuesday 09:00
        clock.set(Shanghai.at("2025-03-11T09:00"));
        as("desk").get("/api/desk/accountability").then().statusCode(200)
                .body("find { it.department.code == 'SAMR' }.overdueWorkOrders", hasItem(b))
                .body("find { it.department.code == 'SAMR' }.longestOverdue", equalTo("5个工作日"));
    }

    private static List<Integer> figures(JsonPath report, String list, String key) {
        Map<String, Integer> figure = report.getMap(list + ".find { it.key == '" + key + "' }");
        return List.of(figure.get("created"), figure.get("signedOff"), figure.get("overdue"));
    }
}
