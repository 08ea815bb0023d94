package org.hotline12345.businessdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.businessdesk.Desk.creditCode;
import static org.hotline12345.businessdesk.Desk.enterpriseRequest;
import static org.hotline12345.businessdesk.Desk.reply;

import java.net.URL;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The desk's weekly cycle in a real browser: find the request, verify it, ask for sign-off, sign it off. */
@QuarkusTest
class DeskPagesBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDeskMemberVerifiesAndASecondSignsOffInTheBrowser() {
        String number = enterpriseRequest(creditCode(), "HOUSING", false);
        reply("housing", number);
        try (Browser browser = Browser.open(base.toString())) {
            browser.go("/desk");
            browser.waitFor(By.name("j_username"));
            browser.signIn("desk");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/desk");
            browser.waitFor(By.id("ledger"));
            browser.screenshot("desk-ledger");

            browser.driver().findElement(By.linkText(number)).click();
            assertThat(browser.text(By.id("number"))).isEqualTo(number);
            browser.awaitText(By.id("status"), "办理中");
            // the entry shows what the enterprise asked and how to reach it
            browser.awaitText(By.id("complaint"), "物业公司未经业主大会同意上调物业费，请相关部门核查。");
            browser.awaitText(By.id("enterprise-phone"), "13812345678");
            // replied: the stage's step is to verify; sign-off comes later
            browser.awaitText(By.id("stage-hint"), "承办单位已回复：请向企业核实答复。");
            assertThat(browser.driver().findElements(By.id("request-sign-off"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("approve-sign-off"))).isEmpty();
            browser.driver().findElement(By.cssSelector("#progress textarea")).sendKeys("已电话联系企业财务负责人");
            browser.driver().findElement(By.cssSelector("#progress button")).click();
            assertThat(browser.text(By.id("trail"))).contains("进展：已电话联系企业财务负责人");
            browser.driver().findElement(By.cssSelector("#referral textarea[name=reasons]")).sendKeys("多次拖延付款");
            browser.driver().findElement(By.cssSelector("#referral textarea[name=evidence]")).sendKeys("三次催办记录");
            browser.driver().findElement(By.cssSelector("#referral button")).click();
            browser.awaitText(By.cssSelector(".referral-status"), "待组长决定");
            new Select(browser.driver().findElement(By.cssSelector("#verify select[name=enterpriseView]")))
                    .selectByVisibleText("满意");
            browser.driver().findElement(By.cssSelector("#verify textarea[name=comment]")).sendKeys("企业确认款项已到账");
            browser.driver().findElement(By.cssSelector("#verify button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已核实");
            browser.awaitText(By.id("view"), "满意");
            assertThat(browser.driver().findElements(By.id("verify"))).hasSize(1);
            browser.driver().findElement(By.id("request-sign-off")).click();
            browser.awaitText(By.id("status"), "待销号");
            // the member who asked cannot approve it, so the page does not offer it, and says who does
            assertThat(browser.driver().findElements(By.id("approve-sign-off"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("verify"))).isEmpty();
            browser.awaitText(By.id("stage-hint"), "待销号：请另一位专席或组长审批。");
            browser.screenshot("desk-entry");
            // the desk reads the work order itself
            browser.driver().findElement(By.linkText(number)).click();
            browser.awaitText(By.id("status"), "已回复");
            browser.driver().navigate().back();
            browser.signOut();

            browser.signIn("desk2");
            browser.go("/desk?q=" + number.substring(number.length() - 6));
            browser.driver().findElement(By.linkText(number)).click();
            // only the lead decides referrals
            assertThat(browser.driver().findElements(By.cssSelector(".decide-referral"))).isEmpty();
            browser.driver().findElement(By.id("approve-sign-off")).click();
            browser.awaitText(By.id("status"), "已销号");
            browser.awaitText(By.id("work-order-status"), "已办结");
            assertThat(browser.text(By.id("signed-off"))).startsWith("钱专席");
            assertThat(browser.text(By.id("trail"))).contains("销号");
            assertThat(browser.driver().findElements(By.id("approve-sign-off"))).isEmpty();
            browser.screenshot("desk-signed-off");
            browser.signOut();

            browser.signIn("desklead");
            browser.go("/desk?q=" + number);
            browser.driver().findElement(By.linkText(number)).click();
            browser.driver().findElement(By.cssSelector(".decide-referral input[name=comment]")).sendKeys("同意移送");
            browser.driver().findElement(By.cssSelector(".decide-referral button")).click();
            browser.awaitText(By.cssSelector(".referral-status"), "已批准移送");

            browser.go("/desk/reports/weekly");
            browser.waitFor(By.id("created"));
            browser.screenshot("desk-weekly-report");
            browser.signOut();

            // a department has no desk pages
            browser.signIn("housing");
            browser.go("/desk");
            assertThat(browser.driver().findElements(By.id("ledger"))).isEmpty();
        }
    }
}
