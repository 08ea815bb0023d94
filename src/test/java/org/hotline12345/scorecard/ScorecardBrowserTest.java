package org.hotline12345.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In September 2023 (a month no other test uses) 市住建局 accepted one work order late; from its scorecard it opens
 * the work orders behind 按时签收率 and appeals that one; the supervisor upholds the appeal and the scorecard changes.
 */
@QuarkusTest
class ScorecardBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDepartmentAppealsAndTheUpheldAppealChangesTheScorecard() {
        clock.set(Shanghai.at("2023-09-04T10:00"));
        String onTime = registerDispatched("HOUSING");
        String late = registerDispatched("HOUSING");
        String other = registerDispatched("SAMR");
        clock.set(Shanghai.at("2023-09-04T11:00"));
        step("housing", onTime, "accept").statusCode(200);
        step("market", other, "accept").statusCode(200);
        clock.set(Shanghai.at("2023-09-07T11:00"));
        step("housing", late, "accept").statusCode(200);
        clock.set(Shanghai.at("2023-10-09T10:00"));

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("housing");
            browser.driver().findElement(By.linkText("本单位考核")).click();
            browser.go("/department/scorecard?period=2023-09");
            By own = By.cssSelector("#own tr[data-department='HOUSING']");
            assertThat(browser.text(own)).contains("市直部门");
            assertThat(browser.text(By.cssSelector("#own a[data-cell='ACCEPTED_ON_TIME']"))).isEqualTo("50.0%");
            browser.driver().findElement(By.cssSelector("#own a[data-cell='ACCEPTED_ON_TIME']")).click();
            assertThat(browser.text(By.tagName("h1"))).startsWith("市住建局 · 按时签收率");
            assertThat(browser.text(By.cssSelector("#cases tr[data-number='" + late + "'] .counted"))).isEqualTo("否");
            assertThat(browser.text(By.cssSelector("#cases tr[data-number='" + onTime + "'] .counted")))
                    .isEqualTo("是");
            browser.screenshot("scorecard-department-drill");
            browser.driver().findElement(By.cssSelector("#cases tr[data-number='" + late + "'] .appeal-link")).click();

            assertThat(browser.driver().findElement(By.id("appeal-number")).getDomProperty("value")).isEqualTo(late);
            new Select(browser.driver().findElement(By.id("appeal-kind"))).selectByVisibleText("不合理诉求");
            browser.driver().findElement(By.id("appeal-reason")).sendKeys("诉求人要求当日拆除全部违建，超出法定程序");
            browser.driver().findElement(By.id("appeal-evidence")).sendKeys("《城乡规划法》第六十四条规定的处置程序");
            browser.screenshot("scorecard-department");
            browser.driver().findElement(By.id("appeal-submit")).click();
            assertThat(browser.text(By.id("done"))).isEqualTo("已提交申诉，等待审核");
            assertThat(browser.text(By.cssSelector("#appeals tr[data-number='" + late + "'] .status")))
                    .isEqualTo("待审核");
            browser.signOut();

            browser.signIn("supervisor");
            browser.go("/supervisor");
            browser.driver().findElement(By.id("scorecards-link")).click();
            browser.go("/supervisor/scorecards?period=2023-09");
            By housing = By.cssSelector("#ranking tr[data-department='HOUSING']");
            assertThat(browser.text(By.cssSelector("#ranking tr[data-department='HOUSING']"
                    + " a[data-cell='ACCEPTED_ON_TIME']"))).isEqualTo("50.0%");
            String before = browser.text(By.cssSelector("#ranking tr[data-department='HOUSING'] .score"));
            awaitChart(browser);
            browser.driver().findElement(By.id("appeals-link")).click();
            By pending = By.cssSelector("#pending tr[data-number='" + late + "']");
            assertThat(browser.text(pending)).contains("市住建局").contains("不合理诉求").contains("超出法定程序")
                    .contains("第六十四条");
            browser.screenshot("scorecard-appeals");
            new Select(browser.driver().findElement(By.cssSelector("#pending tr[data-number='" + late
                    + "'] select[name='decision']"))).selectByVisibleText("申诉成立");
            browser.driver().findElement(By.cssSelector("#pending tr[data-number='" + late
                    + "'] textarea[name='reason']")).sendKeys("诉求超出法定程序，申诉成立");
            browser.driver().findElement(By.cssSelector("#pending tr[data-number='" + late + "'] button")).click();
            assertThat(browser.text(By.id("done"))).endsWith("已审核");

            browser.go("/supervisor/scorecards?period=2023-09");
            assertThat(browser.text(By.cssSelector("#ranking tr[data-department='HOUSING']"
                    + " a[data-cell='ACCEPTED_ON_TIME']"))).isEqualTo("100.0%");
            assertThat(browser.text(By.cssSelector("#ranking tr[data-department='HOUSING'] .excluded")))
                    .isEqualTo("1");
            assertThat(browser.text(By.cssSelector("#ranking tr[data-department='HOUSING'] .score")))
                    .isNotEqualTo(before);
            assertThat(browser.text(housing)).contains("市住建局");
            awaitChart(browser);
            browser.screenshot("scorecard-supervisor");

            browser.go("/supervisor/scorecards/print?period=2023-09");
            assertThat(browser.text(By.id("title"))).isEqualTo("12345 热线承办单位考核通报（2023年9月）");
            browser.screenshot("scorecard-print");
        }
    }

    private static void awaitChart(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> "true"
                .equals(driver.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn")));
        assertThat(browser.driver().findElements(By.cssSelector("#chart-scores canvas"))).isNotEmpty();
    }
}
