package org.hotline12345.agentdesktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.hotline12345.support.Api;
import org.hotline12345.support.AutomaticDispatch;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A new agent's calls at 1366×768, without the phone system and with automatic dispatch on as in production: every
 * control to register and dispatch is on the screen without scrolling; the caller's earlier work orders and the repeat
 * flag appear as the number is typed; the category is found by its pinyin initials; a knowledge answer is read
 * formatted and adopted as plain text for 即问即答, which closes the work order without dispatching it although its
 * category has a responsibility rule; the assistant's proposal is adopted with one key and dispatches to a lead and an
 * assisting department with the district and street chosen from the city's list; a number found from the desktop.
 */
@QuarkusTest
class AgentWorkdayBrowserTest extends DatabaseTest {

    /** What an agent needs for a call, from the number to 登记. */
    private static final List<String> ON_SCREEN = List.of("#phone-number", "#citizen-name", "#request-type", "#title",
            "#content", "#district", "#street", "#address", "#category-search", "#lead-department", "#assisting-add",
            "#direct-answer", "#register-submit", "#caller", "#lookup-q", "#assist > h2");

    @TestHTTPResource("/")
    URL base;

    @Test
    @SuppressWarnings("unchecked")
    void aNewAgentAnswersOneCallerOnTheCallAndDispatchesTheNextWithoutScrolling() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> earlier = Api.registration();
        ((Map<String, Object>) earlier.get("citizen")).put("phone", phone);
        ((Map<String, Object>) earlier.get("citizen")).put("name", "周先生");
        earlier.put("title", "楼道灯不亮 " + phone);
        earlier.put("autoDispatch", false);
        String earlierNumber = Api.register(earlier);

        try (AutomaticDispatch automaticDispatch = AutomaticDispatch.on();
                Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/agent");
            assertAllOnScreen(browser);
            browser.screenshot("desktop-1366-empty");

            // the caller: earlier work orders and the repeat flag as the number is typed
            type(browser, "#phone-number", phone);
            browser.awaitText(By.cssSelector("#caller-history li[data-number='" + earlierNumber + "'] a"),
                    earlierNumber);
            assertThat(browser.text(By.id("caller-repeat"))).startsWith("重复来电（近 72 小时 1 件）");
            browser.driver().findElement(By.id("caller-name")).click();
            assertThat(value(browser, "#citizen-name")).isEqualTo("周先生");

            // the question, a knowledge answer read formatted and adopted as plain text
            type(browser, "#title", "租房提取住房公积金需要什么材料");
            type(browser, "#content", "在本市租房住，想用公积金付房租，问要带哪些材料。");
            WebElement answer = browser.waitFor(By.cssSelector("#assist-articles .article .markdown"));
            assertThat(answer.findElements(By.cssSelector("h2, strong, li"))).isNotEmpty();
            assertThat(answer.getText()).doesNotContain("##", "**");

            // the category by its pinyin initials: 办事流程咨询
            browser.chooseCategory("bslc", "政务服务 / 行政审批 / 办事流程咨询");
            assertThat(value(browser, "#category-code")).isEqualTo("130101");

            browser.waitFor(By.cssSelector("#assist[data-pending='false']"));
            WebElement adopt = browser.driver().findElement(By.xpath(
                    "//div[@id='assist-articles']/div[contains(@class,'article')][.//a[contains(.,'租房')]]//button"));
            adopt.click();
            String adopted = value(browser, "#direct-answer");
            assertThat(adopted).contains("连续足额缴存住房公积金满3个月").doesNotContain("##", "**", "](");
            assertThat(browser.driver().findElement(By.id("lead-department")).isEnabled()).isFalse();
            assertThat(browser.text(By.id("outcome"))).isEqualTo("登记后：当场答复，工单办结，不派单");
            new Select(browser.driver().findElement(By.id("request-type"))).selectByValue("CONSULTATION");
            assertAllOnScreen(browser);
            browser.screenshot("desktop-1366-answer-on-the-call");
            browser.driver().findElement(By.id("register-submit")).click();

            String answered = browser.text(By.id("registered-number"));
            assertThat(browser.text(By.cssSelector(".notice.ok:not(#registered)"))).isEqualTo("已当场答复，工单已办结");
            as("supervisor").get("/api/work-orders/" + answered).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("closure", equalTo("ANSWERED_DIRECTLY"))
                    .body("leadDepartment", equalTo(null)).body("history.type", not(hasItem("DISPATCHED")));
            assertThat(as("supervisor").get("/api/work-orders/" + answered).then().extract().<String> path(
                    "directAnswer").replace("\r\n", "\n")).isEqualTo(adopted.replace("\r\n", "\n"));

            // the same caller again: both work orders now, the assistant's proposal one key away
            type(browser, "#phone-number", phone);
            browser.awaitText(By.cssSelector("#caller-history li[data-number='" + answered + "'] a"), answered);
            assertThat(browser.text(By.id("caller-repeat"))).startsWith("重复来电（近 72 小时 2 件）");
            type(browser, "#citizen-name", "周先生");
            new Select(browser.driver().findElement(By.id("request-type"))).selectByValue("COMPLAINT");
            type(browser, "#title", "小区物业乱收费");
            type(browser, "#content", "物业公司未经业主大会同意上调物业服务费，请核查。");
            new Select(browser.driver().findElement(By.id("district"))).selectByVisibleText("城西区");
            assertThat((List<Object>) script(browser,
                    "return [...document.getElementById('street').options].filter(o => !o.hidden).map(o => o.text)"))
                    .containsExactly("请选择", "西关街道", "西湖街道", "长安街道");
            new Select(browser.driver().findElement(By.id("street"))).selectByVisibleText("西关街道");
            type(browser, "#address", "幸福路 18 号");
            // a fresh system has no category model: the assistant guesses from the categories' names
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                    .textMatches(By.cssSelector("#assist-categories .chip"), Pattern.compile("^物业服务收费 ")));
            browser.waitFor(By.id("assist-adopt"));
            browser.driver().findElement(By.id("title")).sendKeys(Keys.chord(Keys.ALT, "1"));
            assertThat(value(browser, "#category-code")).isEqualTo("010101");
            assertThat(value(browser, "#lead-department")).isEqualTo("HOUSING");
            browser.awaitText(By.cssSelector("#assisting-chosen .chip"), "市市场监管局 ×");
            assertThat(browser.text(By.id("outcome"))).isEqualTo("登记后：派单给 市住建局，协办 市市场监管局");
            assertAllOnScreen(browser);
            browser.screenshot("desktop-1366-dispatch");
            browser.driver().findElement(By.id("register-submit")).click();

            String dispatched = browser.text(By.id("registered-number"));
            as("supervisor").get("/api/work-orders/" + dispatched).then().statusCode(200)
                    .body("status", equalTo("DISPATCHED")).body("leadDepartment.code", equalTo("HOUSING"))
                    .body("assignments.department.code", hasItem("SAMR"))
                    .body("location.district", equalTo("城西区")).body("location.street", equalTo("西关街道"));

            // a number looked up from the desktop opens the work order; a phone number lists the caller's
            type(browser, "#lookup-q", answered + "\n");
            browser.awaitText(By.id("number"), answered);
            browser.go("/agent");
            type(browser, "#lookup-q", phone + "\n");
            browser.waitFor(By.id("results"));
            assertThat(browser.driver().findElements(By.cssSelector("#results tr[data-number]")))
                    .extracting(row -> row.getDomAttribute("data-number"))
                    .containsExactly(dispatched, answered, earlierNumber);
            browser.go("/agent");
            type(browser, "#lookup-q", "20000101-999999\n");
            assertThat(browser.text(By.id("form-error"))).isEqualTo("没有编号为 20000101-999999 的工单");

            browser.driver().manage().window().setSize(new Dimension(1920, 1080));
            browser.go("/agent");
            assertAllOnScreen(browser);
            Number formWidth = (Number) script(browser,
                    "return document.getElementById('register').getBoundingClientRect().width");
            assertThat(formWidth.intValue()).as("the form takes the wide screen's room").isGreaterThan(900);
            browser.screenshot("desktop-1920");
        }
    }

    private static void assertAllOnScreen(Browser browser) {
        for (String selector : ON_SCREEN) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) script(browser, """
                    const r = document.querySelector(arguments[0]).getBoundingClientRect();
                    return {top: r.top, bottom: r.bottom, right: r.right, height: r.height,
                            innerHeight: innerHeight, innerWidth: innerWidth, scrolled: scrollY};""", selector);
            assertThat(box.get("height").doubleValue()).as(selector + " shown").isPositive();
            assertThat(box.get("bottom").doubleValue()).as(selector + " above the fold " + box)
                    .isLessThanOrEqualTo(box.get("innerHeight").doubleValue());
            assertThat(box.get("right").doubleValue()).as(selector + " within the width " + box)
                    .isLessThanOrEqualTo(box.get("innerWidth").doubleValue());
            assertThat(box.get("scrolled").doubleValue()).as("the page has not scrolled").isZero();
        }
    }

    private static Object script(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private static void type(Browser browser, String selector, String text) {
        WebElement input = browser.driver().findElement(By.cssSelector(selector));
        input.clear();
        input.sendKeys(text);
    }

    private static String value(Browser browser, String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getDomProperty("value");
    }
}
