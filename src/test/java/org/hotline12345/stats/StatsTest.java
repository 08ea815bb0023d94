package org.hotline12345.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The three rates and the volumes over a day no other test uses, against what happened that day. */
@QuarkusTest
class StatsTest extends DatabaseTest {

    /** Monday 2024-05-06, 10:00 in Shanghai. */
    private static final Instant DAY = Instant.parse("2024-05-06T02:00:00Z");

    @Inject
    MutableClock clock;

    @Inject
    StatsService stats;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void ratesCountWhatWasOnTimeResolvedAndSatisfiedOfTheirBases() {
        clock.set(DAY);
        String onTime = registerDispatched("HOUSING");
        String late = registerDispatched("HOUSING");
        String due = registerDispatched("SAMR");
        step("housing", onTime, "accept").statusCode(200);
        step("housing", onTime, "reply", Map.of("content", "已处理")).statusCode(200);
        step("supervisor", onTime, "review/approve").statusCode(200);
        step("agent", onTime, "callback", Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED"))
                .statusCode(200);
        clock.set(DAY.plus(Duration.ofDays(3)));
        step("housing", late, "accept").statusCode(200);

        StatsService.Report report = stats.report(LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 6));

        assertThat(report.registered()).isEqualTo(3);
        assertThat(report.rates().accepted()).isEqualTo(Rates.Rate.of(1, 3));
        assertThat(report.rates().resolved()).isEqualTo(Rates.Rate.of(1, 1));
        assertThat(report.rates().satisfied()).isEqualTo(Rates.Rate.of(1, 1));
        assertThat(report.rates().accepted().percent()).isEqualTo("33.3%");
        assertThat(report.departments()).extracting(StatsService.DepartmentRates::department)
                .containsExactly("市住建局", "市市场监管局");
        assertThat(report.departments().get(1).rates().accepted()).isEqualTo(Rates.Rate.of(0, 1));
        assertThat(report.byChannel()).filteredOn(series -> series.name().equals("电话")).singleElement()
                .satisfies(series -> assertThat(series.counts()).containsExactly(3L));
        assertThat(report.byCategory()).singleElement().satisfies(category -> {
            assertThat(category.name()).isEqualTo("城乡建设");
            assertThat(category.count()).isEqualTo(3);
        });
        assertThat(due).isNotBlank();

        List<List<String>> sheet = Excel.rows(Pages.as("supervisor")
                .get("/supervisor/stats/export?from=2024-05-06&to=2024-05-06").then().statusCode(200).extract()
                .asByteArray());
        assertThat(sheet.get(0)).startsWith("承办单位", "工单", "响应率", "按时签收", "应签收");
        assertThat(sheet).filteredOn(row -> row.get(0).equals("市市场监管局")).singleElement()
                .satisfies(row -> assertThat(row.subList(2, 5)).containsExactly("0.0%", "0.0", "1.0"));
    }

    @Test
    void thePageDrawsTheChartsAndRefusesOtherRolesAndBadPeriods() {
        Pages.as("supervisor").get("/supervisor/stats/data?from=2024-05-07&to=2024-05-01").then().statusCode(422);
        Pages.as("supervisor").get("/supervisor/stats/data?from=2024-13-01").then().statusCode(400);
        Pages.as("agent").get("/supervisor/stats").then().statusCode(403);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.driver().findElement(By.linkText("统计分析")).click();
            browser.go("/supervisor/stats?from=2024-05-06&to=2024-05-12");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(driver -> "true".equals(driver.findElement(By.tagName("body"))
                            .getDomAttribute("data-charts-drawn")));
            assertThat(browser.driver().findElements(By.cssSelector("#chart-channel canvas"))).isNotEmpty();
            browser.screenshot("supervisor-stats");
            // the supervisor's other daily pages, kept as artifacts with the rest
            browser.go("/supervisor/overdue");
            assertThat(browser.text(By.tagName("h1"))).startsWith("超期看板");
            browser.screenshot("supervisor-overdue");
            browser.go("/hotline/approvals");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("审批与回访");
            browser.screenshot("hotline-approvals");
        }
    }
}
