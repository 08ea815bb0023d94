package org.hotline12345.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registration;
import static org.hotline12345.support.Api.step;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The work-order pages in the browser, each role in its state: the hotline dispatches what nobody dispatched,
 * re-dispatches after an approved return, urges, supervises, merges a duplicate found by search, closes without a
 * callback and prints; a department acts by its part; the clocks show their cards and lateness; and nobody is offered
 * a step the API would refuse.
 */
@QuarkusTest
class WorkOrderPagesBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWorkOrderNobodyDispatchedIsDispatchedReturnedReDispatchedUrgedAndSupervisedThroughThePages() {
        String number = Api.register(registration());
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            browser.go("/hotline/work-orders/" + number);
            assertThat(browser.text(By.id("status"))).isEqualTo("已受理");
            assertThat(browser.text(By.id("channel"))).isEqualTo("电话");
            assertThat(browser.text(By.id("place"))).isEqualTo("城东区 东门街道 幸福路 18 号");
            assertThat(browser.text(By.id("registered"))).endsWith("· 王坐席");
            assertThat(browser.text(By.id("clocks"))).contains("派单后开始计时");
            new Select(browser.driver().findElement(By.cssSelector("#dispatch select[name=leadDepartmentCode]")))
                    .selectByValue("HOUSING");
            new Select(browser.driver().findElement(By.cssSelector("#dispatch select[name=assistingDepartmentCodes]")))
                    .selectByValue("D-EAST");
            browser.driver().findElement(By.cssSelector("#dispatch button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已派单");
            browser.awaitText(By.id("status"), "已派单");
            browser.awaitText(By.id("departments"), "市住建局（主办）、城东区人民政府（协办）");
            assertThat(browser.text(By.id("history"))).contains("派单 → 市住建局（协办：城东区人民政府）")
                    .contains("王坐席（坐席）");
            assertThat(browser.text(By.id("clocks"))).contains("签收").contains("办理回复").contains("1个工作日")
                    .contains("剩余");
            assertThat(browser.driver().findElements(By.id("dispatch"))).isEmpty();
            browser.screenshot("hotline-work-order-dispatched");
            browser.signOut();

            // the assisting department gives its input and is not offered the lead's steps
            browser.signIn("east");
            browser.go("/department/work-orders/" + number);
            assertThat(browser.text(By.id("part"))).isEqualTo("协办");
            assertThat(browser.driver().findElements(By.id("accept"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("return"))).isEmpty();
            browser.driver().findElement(By.cssSelector("#assist-input textarea")).sendKeys("东门街道已现场核实");
            browser.driver().findElement(By.cssSelector("#assist-input button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已提交协办意见");
            browser.awaitText(By.cssSelector(".assist-input"), "东门街道已现场核实");
            browser.signOut();

            browser.signIn("housing");
            browser.go("/department/work-orders/" + number);
            assertThat(browser.text(By.id("part"))).isEqualTo("主办");
            assertThat(browser.driver().findElements(By.id("assist-input"))).isEmpty();
            browser.driver().findElement(By.cssSelector("#return textarea")).sendKeys("属区县属地管理事项");
            browser.driver().findElement(By.cssSelector("#return button")).click();
            browser.awaitText(By.id("status"), "退单待审");
            browser.awaitText(By.id("no-steps"), "退单待热线审核。");
            browser.signOut();

            // the agent cannot decide the return; the supervisor approves it and is offered 改派 at once
            browser.signIn("agent");
            browser.go("/hotline/work-orders/" + number);
            assertThat(browser.driver().findElements(By.id("return-decision"))).isEmpty();
            browser.signOut();
            browser.signIn("supervisor");
            browser.go("/hotline/work-orders/" + number);
            assertThat(browser.text(By.id("return-reason"))).isEqualTo("属区县属地管理事项");
            browser.driver().findElement(By.cssSelector("#return-decision button[value=approve]")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已同意退单，请改派");
            browser.awaitText(By.cssSelector("#dispatch h2"), "改派");
            new Select(browser.driver().findElement(By.cssSelector("#dispatch select[name=leadDepartmentCode]")))
                    .selectByValue("HOUSING");
            browser.driver().findElement(By.cssSelector("#dispatch button")).click();
            // the department that returned it cannot have it back: the page says so in Chinese
            assertThat(browser.text(By.cssSelector(".notice.fail"))).contains("市住建局 刚退回此工单");
            new Select(browser.driver().findElement(By.cssSelector("#dispatch select[name=leadDepartmentCode]")))
                    .selectByValue("SAMR");
            browser.driver().findElement(By.cssSelector("#dispatch button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已改派");
            browser.awaitText(By.id("status"), "已派单");
            assertThat(browser.text(By.id("history"))).contains("同意退单").contains("改派 → 市市场监管局");

            browser.driver().findElement(By.cssSelector("#urge textarea")).sendKeys("请今日内签收");
            browser.driver().findElement(By.cssSelector("#urge button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已催办，承办单位已收到提醒");
            browser.driver().findElement(By.cssSelector("#supervise textarea")).sendKeys("列入本周督办");
            browser.driver().findElement(By.cssSelector("#supervise button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已列为督办件");
            assertThat(browser.text(By.id("history"))).contains("催办").contains("请今日内签收").contains("督办")
                    .contains("陈班长（班长）");
            browser.screenshot("hotline-work-order-redispatched");
        }
    }

    @Test
    void aDuplicateFoundBySearchIsMergedAndAReviewedOneClosedWithoutCallback() {
        String marker = "井盖缺失" + System.nanoTime();
        Map<String, Object> first = registration();
        first.put("title", marker + " 主单");
        String primary = Api.register(first);
        Map<String, Object> second = registration();
        second.put("title", marker + " 重复来电");
        String duplicate = Api.register(second);
        String reviewed = Api.registerDispatched("HOUSING");
        step("housing", reviewed, "accept").statusCode(200);
        step("housing", reviewed, "reply", Map.of("content", "已修复")).statusCode(200);
        step("supervisor", reviewed, "review/approve").statusCode(200);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            browser.go("/hotline/work-orders/" + duplicate);
            browser.driver().findElement(By.cssSelector("#merge-search input[name=mergeQuery]")).sendKeys(marker);
            browser.driver().findElement(By.cssSelector("#merge-search button")).click();
            WebElement candidate = browser.driver().findElement(
                    By.cssSelector("#merge-candidates input[value='" + primary + "']"));
            assertThat(browser.text(By.id("merge-candidates"))).contains(primary).doesNotContain(duplicate);
            browser.screenshot("hotline-merge-search");
            candidate.click();
            browser.driver().findElement(By.cssSelector("#merge form[data-action=MERGE] button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已并入主单");
            browser.awaitText(By.id("status"), "已办结");
            browser.awaitText(By.id("closure"), "（并单）");
            assertThat(browser.text(By.id("history"))).contains("并入他单 " + primary);
            browser.awaitText(By.id("no-steps"), "工单已办结。");
            browser.go("/hotline/work-orders/" + primary);
            assertThat(browser.text(By.id("history"))).contains("并入重复件 " + duplicate);

            // only a supervisor closes without a callback; the agent calls back instead
            browser.go("/hotline/work-orders/" + reviewed);
            assertThat(browser.driver().findElements(By.id("close"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("callback-form"))).hasSize(1);
            browser.signOut();
            browser.signIn("supervisor");
            browser.go("/hotline/work-orders/" + reviewed);
            browser.driver().findElement(By.cssSelector("#close button")).click();
            // the reason is required; the form says so before anything is sent
            browser.awaitText(By.id("status"), "待回访");
            browser.driver().findElement(By.cssSelector("#close textarea")).sendKeys("三次回访均未接通");
            browser.driver().findElement(By.cssSelector("#close button")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已办结（未回访）");
            browser.awaitText(By.id("status"), "已办结");
            browser.awaitText(By.id("closure"), "（未回访办结）");
            browser.signOut();

            // an administrator reads the work order and is offered no step of the hotline's
            browser.signIn("admin");
            browser.go("/hotline/work-orders/" + primary);
            assertThat(browser.driver().findElements(By.cssSelector("#steps [data-action]"))).isEmpty();
            assertThat(browser.text(By.id("no-steps"))).isEqualTo("当前状态下没有需要您办理的步骤。");
        }
    }

    @Test
    void anOverdueUrgentWorkOrderShowsItsRedCardAndLatenessAndPrints() {
        Map<String, Object> body = registration();
        body.put("urgency", "URGENT");
        body.put("dispatch", Api.dispatchTo("D-EAST"));
        String number = Api.register(body);
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.go("/hotline/work-orders/" + number);
            WebElement accept = browser.driver().findElement(By.cssSelector("#clocks tbody tr"));
            assertThat(accept.getText()).contains("签收").contains("30分钟").contains("超期1小时30分钟").contains("红牌");
            assertThat(accept.getDomAttribute("class")).isEqualTo("card-RED");
            assertThat(browser.driver().findElements(By.id("urge"))).hasSize(1);
            browser.screenshot("hotline-work-order-red-card");

            browser.driver().findElement(By.id("print")).click();
            browser.driver().switchTo().window(browser.driver().getWindowHandles().stream()
                    .filter(handle -> !handle.equals(browser.driver().getWindowHandle())).findFirst().orElseThrow());
            assertThat(browser.text(By.id("number"))).isEqualTo(number);
            assertThat(browser.text(By.id("sheet"))).contains("物业公司未经业主大会同意上调物业费").contains("城东区人民政府（主办）")
                    .contains("紧急");
            assertThat(browser.text(By.id("history"))).contains("派单 → 城东区人民政府").contains("王坐席");
            assertThat(browser.driver().findElements(By.cssSelector("header.top"))).isEmpty();
            browser.screenshot("work-order-print");
        }
    }
}
