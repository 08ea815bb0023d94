package org.hotline12345.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.dispatchTo;
import static org.hotline12345.support.Api.register;
import static org.hotline12345.support.Api.registration;

import java.net.URL;
import java.util.Map;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The hotline finds any work order by text and filters, pages through the rest and takes the list away as Excel. */
@QuarkusTest
class WorkOrderSearchPageTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSupervisorFindsWorkOrdersByTextAndFilters() {
        String marker = "路灯不亮" + System.nanoTime() % 100_000;
        Map<String, Object> lamp = registration();
        lamp.put("title", marker + "，夜间出行不便");
        lamp.put("dispatch", dispatchTo("URBAN"));
        String dispatched = register(lamp);
        Map<String, Object> waiting = registration();
        waiting.put("title", marker + "，第二次反映");
        waiting.put("requestType", "HELP");
        String registered = register(waiting);

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.driver().findElement(By.linkText("工单查询")).click();
            browser.driver().findElement(By.name("q")).sendKeys(marker);
            browser.driver().findElement(By.cssSelector("form[role=search] button")).click();
            browser.awaitText(By.cssSelector("h1 small"), "共 2 件");
            assertThat(browser.driver().findElements(By.cssSelector("#results tr[data-number]")))
                    .extracting(row -> row.getDomAttribute("data-number")).containsExactly(registered, dispatched);
            browser.screenshot("hotline-search");

            new Select(browser.driver().findElement(By.name("department"))).selectByVisibleText("市城市管理局");
            browser.driver().findElement(By.cssSelector("form[role=search] button")).click();
            browser.awaitText(By.cssSelector("h1 small"), "共 1 件");
            assertThat(browser.text(By.cssSelector("#results tr[data-number='" + dispatched + "']")))
                    .contains("投诉", "已派单", "市城市管理局");
            assertThat(browser.driver().findElements(By.cssSelector("#results tr[data-number]"))).hasSize(1);

            browser.go("/hotline/search?q=" + marker + "&requestType=HELP");
            assertThat(browser.driver().findElements(By.cssSelector("#results tr[data-number]")))
                    .extracting(row -> row.getDomAttribute("data-number")).containsExactly(registered);
            browser.go("/hotline/search?q=" + marker + "&status=CLOSED");
            assertThat(browser.text(By.id("none"))).isEqualTo("没有符合条件的工单。");
        }

        byte[] excel = Pages.as("agent").queryParam("q", marker).queryParam("department", "URBAN")
                .get("/hotline/search/export").then().statusCode(200).extract().asByteArray();
        assertThat(Excel.rows(excel)).extracting(row -> row.get(0)).containsExactly("工单编号", dispatched);
        Pages.as("supervisor").get("/hotline/search?status=NOT_A_STATUS").then().statusCode(400);
        Pages.as("housing").get("/hotline/search").then().statusCode(403);
    }
}
