package org.hotline12345.businessdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.businessdesk.Desk.creditCode;
import static org.hotline12345.businessdesk.Desk.enterpriseRequest;
import static org.hotline12345.businessdesk.Desk.entryOf;
import static org.hotline12345.businessdesk.Desk.reply;
import static org.hotline12345.businessdesk.Desk.verification;
import static org.hotline12345.support.Api.as;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The desk's ledger: taking enterprise requests in, verifying, signing off, referring, and who sees what. */
@QuarkusTest
class DeskLedgerTest extends DatabaseTest {

    private static String entryPath(long id) {
        return "/api/desk/ledger/" + id;
    }

    @Test
    void aRequestNamingAnEnterpriseIsOnTheLedgerWithItsEnterprise() {
        String code = creditCode();
        String first = enterpriseRequest(code, "HOUSING", false);
        String second = enterpriseRequest(code, "SAMR", false);
        as("desk").get("/api/desk/ledger/by-work-order/" + first).then().statusCode(200)
                .body("entry.status", equalTo("OPEN")).body("entry.enterprise.creditCode", equalTo(code))
                .body("entry.leadDepartment.code", equalTo("HOUSING"))
                .body("notes[0].kind", equalTo("OPENED"));
        // one record per enterprise, with its whole history
        as("desk").get("/api/desk/enterprises/" + code).then().statusCode(200)
                .body("requests.workOrderNumber", contains(second, first));
        as("desk").body(Map.of("name", "测试科技有限公司", "contactName", "王经理", "contactPhone", "13900001111",
                "industry", "软件和信息技术服务业", "size", "SMALL")).put("/api/desk/enterprises/" + code).then()
                .statusCode(200).body("size", equalTo("SMALL"));
        as("desk").body(Map.of("name", "x", "size", "HUGE")).put("/api/desk/enterprises/" + code).then()
                .statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void anAgentMarksARequestWithoutAnEnterpriseForTheDesk() {
        String number = Api.register(Api.registration());
        as("desk").get("/api/desk/ledger/by-work-order/" + number).then().statusCode(404);
        as("agent").post("/api/work-orders/" + number + "/enterprise-request").then().statusCode(200)
                .body("history.type", hasItem("MARKED_ENTERPRISE_REQUEST"));
        as("desk").get("/api/desk/ledger/by-work-order/" + number).then().statusCode(200)
                .body("entry.enterprise", nullValue());
        as("agent").post("/api/work-orders/" + number + "/enterprise-request").then().statusCode(409);
        // a department never held it: to its staff the work order does not exist
        as("housing").post("/api/work-orders/" + number + "/enterprise-request").then().statusCode(404);
    }

    @Test
    void aSignOffNeedsTheVerifiedReplyAndASecondDeskMember() {
        String code = creditCode();
        String number = enterpriseRequest(code, "HOUSING", false);
        long id = entryOf(number);
        as("desk").body(Map.of("issueKindCode", "ARREARS")).put(entryPath(id) + "/issue-kind").then()
                .statusCode(200).body("entry.issueKind.environmentName", equalTo("市场环境"));
        as("desk").body(Map.of("owner", "desk")).put(entryPath(id) + "/owner").then().body("entry.owner",
                equalTo("desk"));
        as("desk").body(Map.of("owner", "agent")).put(entryPath(id) + "/owner").then().statusCode(422);

        // nothing to verify before the department replies
        as("desk").body(verification("SATISFIED")).post(entryPath(id) + "/verification").then().statusCode(409);
        reply("housing", number);
        as("desk").body(verification("SATISFIED")).post(entryPath(id) + "/verification").then().statusCode(200)
                .body("entry.status", equalTo("VERIFIED")).body("verification.verifiedBy", equalTo("desk"))
                .body("verification.method", equalTo("PHONE"));
        as("desk2").post(entryPath(id) + "/sign-off/approve").then().statusCode(409)
                .body("currentStatus", equalTo("VERIFIED")).body("requiredStatus", contains("SIGN_OFF_REQUESTED"));
        as("desk").post(entryPath(id) + "/sign-off/request").then().statusCode(200)
                .body("entry.status", equalTo("SIGN_OFF_REQUESTED"));
        // the member who verified and asked cannot approve their own sign-off
        as("desk").post(entryPath(id) + "/sign-off/approve").then().statusCode(403)
                .body("detail", equalTo("销号须由核实人、申请人以外的另一位专席或专席组长审批"));
        as("desk2").body(Map.of("comment", "核实无误")).post(entryPath(id) + "/sign-off/approve").then()
                .statusCode(200).body("entry.status", equalTo("SIGNED_OFF"))
                .body("entry.signedOffBy", equalTo("desk2"));
        as("desk").get("/api/work-orders/" + number).then().body("status", equalTo("CLOSED"))
                .body("callback.satisfaction", equalTo("SATISFIED"));
        as("desk").get(entryPath(id)).then().body("notes.kind",
                hasItem("SIGNED_OFF")).body("notes.find { it.kind == 'SIGNED_OFF' }.author", equalTo("desk2"));
        as("desk2").post(entryPath(id) + "/sign-off/approve").then().statusCode(409);
    }

    @Test
    void theDeskLeadMaySignOffAnyEntry() {
        String number = enterpriseRequest(creditCode(), "HOUSING", false);
        long id = entryOf(number);
        reply("housing", number);
        as("desklead").body(verification("BASICALLY_SATISFIED")).post(entryPath(id) + "/verification").then()
                .statusCode(200);
        as("desklead").post(entryPath(id) + "/sign-off/request").then().statusCode(200);
        as("desklead").post(entryPath(id) + "/sign-off/approve").then().statusCode(200)
                .body("entry.status", equalTo("SIGNED_OFF"));
    }

    @Test
    void aRejectedSignOffReopensTheWorkOrderToTheDepartment() {
        String number = enterpriseRequest(creditCode(), "HOUSING", false);
        long id = entryOf(number);
        reply("housing", number);
        as("desk").body(verification("DISSATISFIED")).post(entryPath(id) + "/verification").then().statusCode(200);
        as("desk").post(entryPath(id) + "/sign-off/request").then().statusCode(200);
        as("desk2").post(entryPath(id) + "/sign-off/approve").then().statusCode(409)
                .body("detail", containsString("不满意"));
        as("desk2").body(Map.of("reason", "企业称款项仍未到账")).post(entryPath(id) + "/sign-off/reject").then()
                .statusCode(200).body("entry.status", equalTo("OPEN")).body("verification", nullValue());
        as("housing").get("/api/work-orders/" + number).then().body("status", equalTo("DISPATCHED"))
                .body("history.type", hasItem("REPLY_REJECTED"))
                .body("leadDepartment.code", equalTo("HOUSING"));
        as("desk").get(entryPath(id)).then().body("notes.kind", hasItem("SIGN_OFF_REJECTED"));
        as("desk2").body(Map.of("reason", "")).post(entryPath(id) + "/sign-off/reject").then().statusCode(400);
        // the department handles it again, and the cycle starts over
        reply("housing", number);
        as("desk").body(verification("SATISFIED")).post(entryPath(id) + "/verification").then()
                .body("entry.status", equalTo("VERIFIED"));
    }

    @Test
    void aReferralIsApprovedByTheDeskLeadOnlyAndStaysOnRecord() {
        String number = enterpriseRequest(creditCode(), "HOUSING", false);
        long id = entryOf(number);
        int referral = as("desk").body(Map.of("reasons", "多次承诺付款未兑现，严重损害营商环境", "evidence", "通话记录三次、企业提交的合同与催款函"))
                .post(entryPath(id) + "/referrals").then().statusCode(201).body("status", equalTo("PROPOSED"))
                .extract().path("id");
        as("desk").post("/api/desk/referrals/" + referral + "/approve").then().statusCode(403);
        as("desklead").body(Map.of("comment", "同意移送")).post("/api/desk/referrals/" + referral + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("desklead"));
        as("desklead").post("/api/desk/referrals/" + referral + "/reject").then().statusCode(409);
        as("desk").get(entryPath(id)).then().body("referrals[0].status", equalTo("APPROVED"))
                .body("notes.kind", hasItem("REFERRAL"));
        as("desk").queryParam("status", "APPROVED").get("/api/desk/referrals").then()
                .body("id", hasItem(referral));
        as("desk").body(Map.of("reasons", "", "evidence", "x")).post(entryPath(id) + "/referrals").then()
                .statusCode(400).body("violations[0].field", equalTo("reasons"));
    }

    @Test
    void departmentsSeeTheirOwnEntriesAndNeverTheReferralDiscussion() {
        String housing = enterpriseRequest(creditCode(), "HOUSING", false);
        String market = enterpriseRequest(creditCode(), "SAMR", false);
        long id = entryOf(housing);
        as("desk").body(Map.of("reasons", "拒不整改", "evidence", "现场记录")).post(entryPath(id) + "/referrals").then()
                .statusCode(201);
        as("housing").get(entryPath(id)).then().statusCode(200).body("referrals", nullValue())
                .body("notes.kind", not(hasItem("REFERRAL")));
        as("market").get(entryPath(id)).then().statusCode(404);
        as("housing").queryParam("size", 200).get("/api/desk/ledger").then().statusCode(200)
                .body("items.workOrderNumber", hasItem(housing))
                .body("items.workOrderNumber", not(hasItem(market)))
                .body("items.leadDepartment.code", everyItem(equalTo("HOUSING")));
        as("housing").get("/api/desk/referrals").then().statusCode(403);
        as("housing").get("/api/desk/ledger/counts").then().statusCode(403);
        as("housing").body(verification("SATISFIED")).post(entryPath(id) + "/verification").then().statusCode(403);
        as("agent").get("/api/desk/ledger").then().statusCode(403);
        as("supervisor").get(entryPath(id)).then().statusCode(200);
        as("supervisor").post(entryPath(id) + "/sign-off/request").then().statusCode(403);
    }

    @Test
    void theLedgerFiltersCountsAndExportsToExcel() throws IOException {
        String code = creditCode();
        String one = enterpriseRequest(code, "HOUSING", false);
        String two = enterpriseRequest(code, "SAMR", false);
        as("desk").body(Map.of("issueKindCode", "ENFORCEMENT_INSPECTION")).put(entryPath(entryOf(one))
                + "/issue-kind").then().statusCode(200);
        as("desk").queryParam("creditCode", code).queryParam("environment", "RULE_OF_LAW").get("/api/desk/ledger")
                .then().body("items.workOrderNumber", contains(one));
        as("desk").queryParam("creditCode", code).get("/api/desk/ledger/counts").then()
                .body("total", equalTo(2))
                .body("byEnvironment.find { it.key == 'RULE_OF_LAW' }.entries", equalTo(1))
                .body("byEnvironment.find { it.key == 'UNCLASSIFIED' }.entries", equalTo(1))
                .body("byDepartment.key", contains("HOUSING", "SAMR"))
                .body("byStatus.find { it.key == 'OPEN' }.entries", equalTo(2));
        byte[] excel = as("desk").accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("creditCode", code).get("/api/desk/ledger/export").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel))) {
            var sheet = workbook.getSheet("台账");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("工单编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(two);
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("法治环境");
        }
        as("desk").queryParam("status", "DONE").get("/api/desk/ledger").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void theClassificationIsEditableAndRetiredKindsStayOnOldEntries() {
        long serial = System.nanoTime() % 1_000_000;
        String code = "TEST_" + serial;
        // the name is what pages show, in Chinese as an administrator would write it
        String name = "测试问题" + serial;
        as("desk").body(Map.of("environmentCode", "MARKET", "code", code, "name", name)).post(
                "/api/desk/classification/issue-kinds").then().statusCode(403);
        as("desklead").body(Map.of("environmentCode", "MARKET", "code", code, "name", name)).post(
                "/api/desk/classification/issue-kinds").then().statusCode(201);
        String number = enterpriseRequest(creditCode(), "HOUSING", false);
        long id = entryOf(number);
        as("desk").body(Map.of("issueKindCode", code)).put(entryPath(id) + "/issue-kind").then().statusCode(200);
        as("admin").body(Map.of("active", false)).put("/api/desk/classification/issue-kinds/" + code).then()
                .statusCode(200).body("active", equalTo(false));
        as("desk").get(entryPath(id)).then().body("entry.issueKind.code", equalTo(code));
        as("desk").body(Map.of("issueKindCode", code)).put(entryPath(id) + "/issue-kind").then().statusCode(422);
        as("desk").get("/api/desk/classification").then().body("name", contains("政务环境", "市场环境", "法治环境",
                "人文社会环境"));
    }
}
