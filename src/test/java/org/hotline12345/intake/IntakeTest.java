package org.hotline12345.intake;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.hotline12345.sms.SmscResource;
import org.hotline12345.sms.TestSmsc;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.hotline12345.workorder.RequestType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 不予受理 from the agents' list: the citizen is texted the reason, the request leaves 待受理 and cannot be decided
 * twice; the supervisors see the receipt against the 3-minute rule.
 */
@QuarkusTest
@WithTestResource(SmscResource.class)
class IntakeTest extends DatabaseTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Inject
    IntakeService intake;

    @Inject
    MutableClock clock;

    private final TestSmsc smsc = SmscResource.smsc();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAgentRefusesAnAdvertisementAndTheCitizenIsTextedWhy() {
        clock.set(LocalDate.now(CITY).atTime(9, 30).atZone(CITY).toInstant());
        String phone = "13712340201";
        String number = submit(phone, "低价代办各类证件，加微信");
        await("the receipt text").atMost(ofSeconds(20))
                .until(() -> smsc.to(phone).stream().anyMatch(m -> m.text().contains(number)));
        assertThat(Pages.as("agent").get("/agent/intake").then().statusCode(200).extract().asString()).contains(number);

        String request = "/agent/intake/" + number;
        assertThat(Pages.form("agent", request).formParam("refusalKind", "ADVERTISING").post(request + "/refuse").then()
                .statusCode(400).extract().asString()).contains("请填写告知市民的原因");
        Pages.form("agent", request).formParam("refusalKind", "ADVERTISING")
                .formParam("refusalReason", "内容为商业广告，不属于政务服务诉求").post(request + "/refuse").then().statusCode(303);
        await("the refusal text").atMost(ofSeconds(20)).until(() -> smsc.to(phone).stream()
                .anyMatch(m -> m.text().contains("不予受理") && m.text().contains("内容为商业广告")));
        assertThat(intake.find(number).orElseThrow().state()).isEqualTo(IntakeState.REFUSED);
        assertThat(Pages.as("agent").get("/agent/intake").then().statusCode(200).extract().asString())
                .doesNotContain(number);
        assertThat(Pages.form("agent", request).formParam("refusalKind", "ABUSE").formParam("refusalReason", "再次")
                .post(request + "/refuse").then().statusCode(409).extract().asString()).contains("已经处理过了");

        String figures = Pages.as("supervisor").get("/supervisor/intake").then().statusCode(200).extract().asString();
        assertThat(figures).contains("回执 180 秒内").contains("id=\"in-time\">100.0%");
    }

    private String submit(String phone, String title) {
        String number = intake.reserveNumber();
        IntakeViews.Submission submission = new IntakeViews.Submission(IntakeSource.PORTAL, RequestType.CONSULTATION,
                title, "添加微信即可办理，价格优惠。", "城东区", null, null, null, null, "推广员", phone, false, "127.0.0.9", List.of());
        return QuarkusTransaction.requiringNew()
                .call(() -> intake.submit(number, submission, "ABCD2345", "http://localhost:8080/public/progress"))
                .number();
    }
}
