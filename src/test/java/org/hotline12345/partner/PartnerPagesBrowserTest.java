package org.hotline12345.partner;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An administrator registers a partner in the browser, reads its credentials once, rotates them, pauses it, and
 * replays an event its dead callback never took.
 */
@QuarkusTest
class PartnerPagesBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorRegistersRotatesPausesAndReplays() throws Exception {
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            browser.go("/admin");
            browser.driver().findElement(By.partialLinkText("合作方接入")).click();
            WebDriver page = browser.driver();
            page.findElement(By.cssSelector("#register input[name=name]")).sendKeys("市长信箱");
            page.findElement(By.cssSelector("#register input[name=code]")).sendKeys("Mayor Box");
            page.findElement(By.cssSelector("#register input[value=COMPLAINT]")).click();
            page.findElement(By.cssSelector("#register button")).click();
            assertThat(browser.text(By.id("form-error"))).startsWith("编码：");

            page.findElement(By.cssSelector("#register input[name=name]")).sendKeys("市长信箱");
            page.findElement(By.cssSelector("#register input[name=code]")).sendKeys("mayor-box");
            page.findElement(By.cssSelector("#register input[value=COMPLAINT]")).click();
            // a callback nobody listens on: its events die and wait for 重发
            page.findElement(By.cssSelector("#register input[name=callbackUrl]"))
                    .sendKeys("http://127.0.0.1:" + org.hotline12345.support.Ports.free() + "/events");
            page.findElement(By.cssSelector("#register button")).click();
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("已登记合作方：市长信箱");
            String apiKey = browser.text(By.id("api-key"));
            String secret = browser.text(By.id("secret"));
            assertThat(apiKey).startsWith("pk_");
            browser.screenshot("admin-partner-credentials");

            browser.go("/admin/partners/mayor-box");
            assertThat(browser.text(By.id("credentials"))).contains(apiKey.substring(0, 10)).doesNotContain(apiKey);
            page.findElement(By.xpath("//button[text()='轮换密钥']")).click();
            assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("已轮换密钥：市长信箱");
            assertThat(browser.text(By.id("api-key"))).isNotEqualTo(apiKey);
            browser.go("/admin/partners/mayor-box");
            page.findElement(By.xpath("//button[text()='暂停接入']")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已暂停接入");
            assertThat(browser.text(By.id("state"))).startsWith("已暂停");
            page.findElement(By.xpath("//button[text()='恢复接入']")).click();
            // the partner's next request only once the page says it is resumed: the form's post may still be on its way
            browser.awaitText(By.cssSelector(".notice.ok"), "已恢复接入");

            PartnerClient partner = new PartnerClient("mayor-box", apiKey, secret);
            String number = partner.post("/api/partner/v1/work-orders",
                    PartnerExchangeTest.submission("XX-1", "城东区", null, "010101")).then().statusCode(201).extract()
                    .path("number");
            org.hotline12345.support.Pages.form("agent", "/agent/intake/" + number)
                    .formParam("refusalKind", "ADVERTISING").formParam("refusalReason", "重复投诉，已在办理")
                    .post("/agent/intake/" + number + "/refuse").then().statusCode(303);
            await("the 不予受理 event given up").atMost(ofSeconds(20))
                    .until(() -> Pages.as("admin").get("/admin/partners/deliveries?state=DEAD").then().extract()
                            .asString()
                            .contains(number));
            browser.go("/admin/partners/deliveries?state=DEAD");
            assertThat(browser.text(By.id("deliveries"))).contains(number, "市长信箱", "不予受理", "ConnectException");
            browser.screenshot("admin-partner-deliveries");
            page.findElement(By.xpath("//tr[td[text()='" + number + "']]//button[text()='重发']")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已重新排队推送");
            assertThat(browser.text(By.id("deliveries"))).contains(number);
        }
    }

    @Test
    void thePartnerPagesAreForAdministratorsOnly() {
        Pages.as("agent").get("/admin/partners").then().statusCode(403);
        Pages.as("admin").get("/admin/partners/deliveries").then().statusCode(200);
    }
}
