package org.hotline12345.portal;

import static io.restassured.RestAssured.given;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.hotline12345.sms.SmscResource;
import org.hotline12345.sms.TestSmsc;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * What the portal refuses, on its own pages and in Chinese: a wrong or expired code, codes and submissions beyond the
 * limits, a blocked number, a wrong 提取码 tried too often, another phone's work order and a confidential one; and
 * what it never shows: a staff page.
 */
@QuarkusTest
@WithTestResource(SmscResource.class)
class PortalRefusalTest extends DatabaseTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Pattern NUMBER = Pattern.compile("id=\"receipt-number\">([0-9-]+)<");
    private static final Pattern EXTRACTION = Pattern.compile("id=\"extraction-code\">([A-Z0-9]+)<");

    @Inject
    MutableClock clock;

    private final TestSmsc smsc = SmscResource.smsc();

    @BeforeEach
    void daytime() {
        clock.set(LocalDate.now(CITY).atTime(11, 0).atZone(CITY).toInstant());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWrongCodeAndAnExpiredCodeAreRefused() {
        String phone = "13712340101";
        String code = requestCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(submit(phone, wrong, "噪音扰民 1").statusCode(400).extract().asString()).contains("验证码不正确")
                .contains("噪音扰民 1");
        clock.advance(Duration.ofMinutes(6));
        assertThat(submit(phone, code, "噪音扰民 1").statusCode(400).extract().asString()).contains("验证码已过期");
    }

    @Test
    void codesAndSubmissionsAreLimitedAndARepeatIsRecognised() {
        String phone = "13712340102";
        String code = requestCode(phone);
        assertThat(PortalForms.from("/public/submit").formParam("phone", phone).post("/public/submit/code").then()
                .statusCode(429).extract().asString()).contains("秒后再获取");
        ExtractableResponse<Response> receipt = submit(phone, code, "夜间施工扰民 1").extract();
        assertThat(receipt.asString()).as("the first receipt").contains("receipt-number");
        String first = receiptNumber(receipt);
        // the same text again within minutes: the same number, stored once, no second receipt
        clock.advance(Duration.ofSeconds(61));
        String again = submit(phone, requestCode(phone), "夜间施工扰民 1").statusCode(200).extract().asString();
        assertThat(again).contains("您已提交过这件诉求").contains(first).doesNotContain("extraction-code");
        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            submit(phone, requestCode(phone), "夜间施工扰民 " + i).statusCode(200);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(submit(phone, requestCode(phone), "夜间施工扰民 6").statusCode(429).extract().asString())
                .contains("今天提交的诉求已达 5 件");
    }

    @Test
    void aBlockedNumberGetsNoCode() {
        String phone = "13712340103";
        Api.as("supervisor").body(Map.of("phone", phone, "reason", "恶意骚扰")).post("/api/telephony/blocked-numbers")
                .then().statusCode(200);
        assertThat(PortalForms.from("/public/submit").formParam("phone", phone).post("/public/submit/code").then()
                .statusCode(403).extract().asString()).contains("暂不能使用网上留言");
        assertThat(smsc.to(phone)).isEmpty();
    }

    @Test
    void aWrongExtractionCodeTriedTooOftenPausesTheLookups() {
        String phone = "13712340104";
        ExtractableResponse<Response> receipt = submit(phone, requestCode(phone), "楼道灯不亮").statusCode(200)
                .extract();
        String number = receiptNumber(receipt);
        String extraction = match(EXTRACTION, receipt.asString());
        for (int i = 0; i < 5; i++) {
            assertThat(lookup(number, "WRONG" + i).statusCode(400).extract().asString()).contains("工单编号或提取码不正确");
        }
        assertThat(lookup(number, extraction).statusCode(429).extract().asString()).contains("输错次数过多");
        clock.advance(Duration.ofMinutes(16));
        assertThat(lookup(number, extraction).statusCode(200).extract().asString()).contains("楼道灯不亮").contains("待受理");
    }

    @Test
    void anotherPhoneSeesNeitherSomeoneElsesWorkOrderNorAConfidentialOne() {
        String owner = "13712340105";
        String other = "13712340106";
        Map<String, Object> body = Api.registration();
        @SuppressWarnings("unchecked")
        Map<String, Object> citizen = (Map<String, Object>) body.get("citizen");
        citizen.put("phone", owner);
        citizen.put("confidential", true);
        body.put("title", "举报非法集资（保密）");
        String number = Api.register(body);
        assertThat(byPhone(number, other).statusCode(403).extract().asString()).contains("没有找到该手机号提交的这件诉求")
                .doesNotContain("非法集资");
        clock.advance(Duration.ofSeconds(61));
        assertThat(lookup(number, "ABCDEFGH").statusCode(400).extract().asString()).doesNotContain("非法集资");
        assertThat(byPhone(number, owner).statusCode(200).extract().asString()).contains("举报非法集资（保密）")
                .doesNotContain("张三");

        // the access record holds the citizen's own reading, with its proof, and none of the refused attempts
        JsonPath reads = await("the portal's reading in the access record").atMost(ofSeconds(20))
                .until(() -> Api.as("supervisor").queryParam("workOrder", number).get("/api/access-record/reads").then()
                        .statusCode(200).extract().jsonPath(),
                        found -> found.getList("items.channel", String.class).contains("PORTAL"));
        assertThat(reads.getList("items.channel", String.class)).containsOnly("API", "PORTAL");
        assertThat(reads.getList("items.findAll { it.channel == 'PORTAL' }.username", String.class))
                .containsExactly("citizen");
        assertThat(reads.getList("items.findAll { it.channel == 'PORTAL' }.endpoint", String.class))
                .singleElement().asString().endsWith("短信验证码");
    }

    @Test
    void thePortalOpensNoStaffPage() {
        given().redirects().follow(false).get("/agent/intake").then().statusCode(302);
        given().redirects().follow(false).get("/api/work-orders").then().statusCode(401);
        assertThat(given().get("/public").then().statusCode(200).extract().cookies()).doesNotContainKey(
                Pages.SESSION_COOKIE);
    }

    private String requestCode(String phone) {
        long before = codesTo(phone);
        PortalForms.from("/public/submit").formParam("phone", phone).post("/public/submit/code").then()
                .statusCode(200);
        await("a new code for " + phone).atMost(ofSeconds(20)).until(() -> codesTo(phone) > before);
        return await("the code").atMost(ofSeconds(20)).until(() -> smsc.lastCode(phone), Optional::isPresent)
                .orElseThrow();
    }

    private io.restassured.response.ValidatableResponse submit(String phone, String code, String title) {
        return PortalForms.from("/public/submit").formParam("requestType", "COMPLAINT").formParam("title", title)
                .formParam("content", "每晚十点后仍有施工噪音。").formParam("district", "城东区").formParam("name", "王先生")
                .formParam("phone", phone).formParam("code", code).formParam("privacy", "true")
                .post("/public/submit").then();
    }

    private io.restassured.response.ValidatableResponse lookup(String number, String extractionCode) {
        return PortalForms.from("/public/progress").formParam("number", number)
                .formParam("extractionCode", extractionCode).post("/public/progress").then();
    }

    private io.restassured.response.ValidatableResponse byPhone(String number, String phone) {
        long before = codesTo(phone);
        PortalForms.from("/public/progress").formParam("number", number).formParam("phone", phone)
                .post("/public/progress/code").then().statusCode(200);
        await("a lookup code for " + phone).atMost(ofSeconds(20)).until(() -> codesTo(phone) > before);
        String code = smsc.lastCode(phone).orElseThrow();
        return PortalForms.from("/public/progress").formParam("number", number).formParam("phone", phone)
                .formParam("code", code).post("/public/progress/phone").then();
    }

    /** Code texts only: a receipt arriving meanwhile is not the code asked for. */
    private long codesTo(String phone) {
        return smsc.to(phone).stream().filter(m -> m.text().contains("验证码是")).count();
    }

    private static String receiptNumber(ExtractableResponse<Response> receipt) {
        return match(NUMBER, receipt.asString());
    }

    private static String match(Pattern pattern, String page) {
        Matcher found = pattern.matcher(page);
        assertThat(found.find()).as("%s in the page", pattern).isTrue();
        return found.group(1);
    }
}
