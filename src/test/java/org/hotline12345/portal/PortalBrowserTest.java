package org.hotline12345.portal;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.hotline12345.sms.SmscResource;
import org.hotline12345.sms.TestSmsc;
import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole path of an online request in Chromium, the citizen on a phone's screen (375×812) and the hotline at a
 * desktop's (1366×768): the citizen proves the phone with the code the test SMSC received, submits and gets the
 * receipt text, an agent registers and dispatches it from 待受理, the department replies and the hotline approves, the
 * citizen reads the reply and rates it 不满意, the rating reaches 差评核实 and, upheld, reopens the work order.
 */
@QuarkusTest
@WithTestResource(SmscResource.class)
class PortalBrowserTest extends DatabaseTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Dimension PHONE = new Dimension(375, 812);

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    private final TestSmsc smsc = SmscResource.smsc();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCitizenSubmitsFollowsAndRatesAndTheBadRatingReopensTheWorkOrder() {
        // in the daytime, so that the quiet hours do not hold the progress texts back
        clock.set(LocalDate.now(CITY).atTime(10, 0).atZone(CITY).toInstant());
        String phone = "13712340001";
        String title = "小区路灯损坏多日无人修理";
        String number;
        String extractionCode;
        try (Browser citizen = Browser.open(base.toString())) {
            citizen.driver().manage().window().setSize(PHONE);
            citizen.go("/public");
            citizen.screenshot("portal-home-375");
            citizen.driver().findElement(By.id("tile-submit")).click();
            new Select(citizen.waitFor(By.name("requestType"))).selectByValue("HELP");
            citizen.driver().findElement(By.name("title")).sendKeys(title);
            citizen.driver().findElement(By.name("content")).sendKeys("幸福小区3号楼前的路灯坏了一周，晚上出行不便，<b>请尽快修理</b>。");
            new Select(citizen.driver().findElement(By.name("district"))).selectByValue("城东区");
            new Select(citizen.driver().findElement(By.name("street"))).selectByValue("东门街道");
            citizen.driver().findElement(By.name("address")).sendKeys("幸福路 18 号");
            citizen.driver().findElement(By.name("name")).sendKeys("李女士");
            citizen.driver().findElement(By.name("phone")).sendKeys(phone);
            citizen.driver().findElement(By.id("get-code")).click();
            assertThat(citizen.text(By.id("code-sent"))).contains("137****0001");
            String code = await("the code at the SMSC").atMost(ofSeconds(20))
                    .until(() -> smsc.lastCode(phone), Optional::isPresent)
                    .orElseThrow();
            citizen.driver().findElement(By.name("code")).sendKeys(code);
            citizen.driver().findElement(By.name("privacy")).click();
            citizen.screenshot("portal-submit-375");
            citizen.driver().findElement(By.id("submit")).click();
            number = citizen.text(By.id("receipt-number"));
            extractionCode = citizen.text(By.id("extraction-code"));
            citizen.screenshot("portal-receipt-375");
        }
        String numberSent = number;
        String codeSent = extractionCode;
        await("the receipt text at the SMSC").atMost(ofSeconds(20)).until(() -> smsc.to(phone).stream()
                .anyMatch(m -> m.text().contains(numberSent) && m.text().contains(codeSent)));

        try (Browser agent = Browser.open(base.toString())) {
            agent.signIn("agent");
            agent.driver().findElement(By.linkText("待受理")).click();
            agent.driver().findElement(By.cssSelector("#intake a[href$='" + number + "']")).click();
            assertThat(agent.text(By.id("submitted-content"))).contains("<b>请尽快修理</b>");
            new Select(agent.driver().findElement(By.name("categoryCode"))).selectByValue("010101");
            new Select(agent.driver().findElement(By.name("leadDepartmentCode"))).selectByValue("HOUSING");
            agent.screenshot("agent-intake-request");
            agent.driver().findElement(By.cssSelector("#register-form button[type=submit]")).click();
            assertThat(agent.text(By.id("done"))).contains(number).contains("已派单");
        }
        await("the dispatch text").atMost(ofSeconds(20)).until(() -> smsc.to(phone).stream()
                .anyMatch(m -> m.text().contains(numberSent) && m.text().contains("市住建局")));

        String reply = "已安排维修人员于今日更换3号楼前路灯，恢复照明。";
        Api.step("housing", number, "accept").statusCode(200);
        Api.step("housing", number, "reply", Map.of("content", reply)).statusCode(200);
        Api.step("supervisor", number, "review/approve").statusCode(200);
        String link = await("the rating invitation").atMost(ofSeconds(20))
                .until(() -> smsc.lastLink(phone).filter(l -> l.contains("/public/rate")), Optional::isPresent)
                .orElseThrow();

        try (Browser citizen = Browser.open(base.toString())) {
            citizen.driver().manage().window().setSize(PHONE);
            citizen.go("/public/progress");
            WebElement byCode = citizen.waitFor(By.id("by-extraction-code"));
            byCode.findElement(By.name("number")).sendKeys(number);
            byCode.findElement(By.name("extractionCode")).sendKeys(extractionCode.toLowerCase());
            byCode.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(citizen.text(By.id("answer"))).isEqualTo(reply);
            assertThat(citizen.text(By.id("stage"))).isEqualTo("已答复");
            assertThat(citizen.text(By.id("timeline"))).contains("已提交", "已受理", "已转办", "办理中", "已答复");
            String shown = citizen.driver().findElement(By.tagName("main")).getText();
            assertThat(shown).doesNotContain("housing", "supervisor", "agent", "市住建局");
            citizen.driver().findElement(By.cssSelector("#rate-form input[value=DISSATISFIED]")).click();
            citizen.driver().findElement(By.cssSelector("#rate-form textarea")).sendKeys("路灯换了两天又不亮了");
            citizen.screenshot("portal-progress-375");
            citizen.driver().findElement(By.cssSelector("#rate-form button")).click();
            assertThat(citizen.text(By.id("notice"))).isEqualTo("感谢您的评价！");
            assertThat(citizen.text(By.id("rated"))).contains("不满意").contains("路灯换了两天又不亮了");
            citizen.screenshot("portal-rated-375");
            // the invitation's link opens the same work order, rated once only
            citizen.driver().get(link.replace("http://localhost:8080/", base.toString()));
            assertThat(citizen.text(By.id("rated"))).contains("不满意");
            assertThat(citizen.driver().findElements(By.id("rate-form"))).isEmpty();
        }

        try (Browser supervisor = Browser.open(base.toString())) {
            supervisor.signIn("supervisor");
            supervisor.driver().findElement(By.linkText("好差评")).click();
            WebElement row = supervisor.waitFor(By.cssSelector("#pending-reviews tr[data-number='" + number + "']"));
            new Select(row.findElement(By.name("decision"))).selectByValue("REOPEN");
            row.findElement(By.name("reason")).sendKeys("回访核实路灯仍不亮，差评属实");
            supervisor.screenshot("hotline-ratings");
            row.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(supervisor.text(By.id("done"))).contains(number).contains("属实，重办");
            assertThat(supervisor.text(By.id("reviewed"))).contains(number).contains("回访核实路灯仍不亮");

            // the citizen's page at a desktop's size: back with the department
            supervisor.go("/public/progress");
            WebElement byCode = supervisor.waitFor(By.id("by-extraction-code"));
            byCode.findElement(By.name("number")).sendKeys(number);
            byCode.findElement(By.name("extractionCode")).sendKeys(extractionCode);
            byCode.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(supervisor.text(By.id("stage"))).isEqualTo("已转办");
            assertThat(supervisor.text(By.id("timeline"))).contains("已评价").contains("重新办理");
            supervisor.screenshot("portal-progress-1366");
        }
        Api.as("agent").get("/api/work-orders/" + number).then().statusCode(200)
                .body("status", equalTo("DISPATCHED")).body("channel", equalTo("WEB"))
                .body("history.type", hasItems("SERVICE_RATED", "REOPENED_AFTER_RATING"));
    }
}
