package org.hotline12345.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An agent types a request like one still open at the same place: the desktop offers it as a likely duplicate, the
 * agent links the new request to it (关联), is told what to tell the citizen, and both work orders' pages show the
 * link; the supervisors' monthly page counts the repeat.
 */
@QuarkusTest
class DuplicateBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theAgentSeesTheOpenWorkOrderOfferedLinksTheNewRequestAndTheWorkOrderShowsTheLink() {
        String unique = Long.toString(ThreadLocalRandom.current().nextInt(1000, 10000));
        Map<String, Object> body = Api.registration();
        body.put("title", "滨江路" + unique + "号火锅店油烟扰民");
        body.put("content", "临江镇滨江路" + unique + "号火锅店排烟管道直通居民楼，每天中午晚上油烟熏得没法开窗");
        body.put("categoryCode", "020102");
        body.put("location", new HashMap<>(Map.of("district", "临江县", "street", "临江镇")));
        String existing = Api.register(body);

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            browser.go("/agent");
            browser.driver().findElement(By.id("phone-number"))
                    .sendKeys("137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
            browser.driver().findElement(By.id("citizen-name")).sendKeys("王先生");
            browser.driver().findElement(By.id("title")).sendKeys("火锅店油烟太大" + unique);
            browser.driver().findElement(By.id("content"))
                    .sendKeys("滨江路" + unique + "号火锅店的油烟每天熏到我家，窗户都不敢开，排烟管道直通居民楼");
            new Select(browser.driver().findElement(By.id("district"))).selectByVisibleText("临江县");
            new Select(browser.driver().findElement(By.id("street"))).selectByVisibleText("临江镇");
            browser.chooseCategory("餐饮油烟", "环境保护 / 大气污染 / 餐饮油烟");

            By offered = By.cssSelector("#duplicate-list li[data-number='" + existing + "']");
            assertThat(browser.text(offered)).contains(existing).contains("同一地点同类诉求，内容相似")
                    .contains("滨江路" + unique + "号火锅店油烟扰民");
            browser.screenshot("duplicate-offered");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> "false".equals(d.findElement(By.id("duplicates")).getDomAttribute("data-pending")));
            browser.driver().findElement(By.cssSelector("#duplicate-list li[data-number='" + existing
                    + "'] button.link-duplicate")).click();
            assertThat(browser.text(By.id("relation-text"))).contains("登记后关联至工单 " + existing)
                    .contains("请告知市民");
            browser.driver().findElement(By.id("register-submit")).click();

            String number = browser.text(By.id("registered-number"));
            assertThat(browser.text(By.id("done"))).contains("已关联至工单 " + existing)
                    .contains("您反映的问题已有工单 " + existing + " 在办理");
            browser.screenshot("duplicate-linked");

            browser.go("/hotline/work-orders/" + number);
            assertThat(browser.text(By.id("repeats"))).contains("重复件").contains("关联 " + existing);
            assertThat(browser.text(By.id("history"))).contains("关联工单 " + existing + "（重复件：原工单未办结）");
            browser.screenshot("duplicate-work-order");
            browser.go("/hotline/work-orders/" + existing);
            assertThat(browser.text(By.id("repeats"))).contains("被关联 " + number);
            assertThat(browser.driver().findElements(By.id("repeat-flag"))).isEmpty();

            browser.signOut();
            browser.signIn("supervisor");
            browser.go("/supervisor/duplicates");
            String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
            assertThat(Integer.parseInt(browser.text(By.cssSelector("tr[data-month='" + month + "'] .repeats"))))
                    .isPositive();
            browser.screenshot("duplicate-monthly");
        }
    }
}
