package org.hotline12345.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A supervisor asks who saw a citizen, from the navigation bar, and is told in Chinese what a bad filter lacks. */
@QuarkusTest
class AccessRecordBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AccessRecorder recorder;

    @Test
    void aSupervisorFindsWhoSawACitizen() {
        String phone = "137" + (10_000_000 + System.nanoTime() % 89_999_999);
        Map<String, Object> body = Api.registration();
        Map<String, Object> citizen = new HashMap<>();
        citizen.put("name", "李四");
        citizen.put("phone", phone);
        body.put("citizen", citizen);
        body.put("dispatch", Api.dispatchTo("HOUSING"));
        String number = Api.register(body);
        Api.as("housing").get("/api/work-orders/" + number).then().statusCode(200);
        recorder.flush();

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            WebDriver page = browser.driver();
            page.findElement(By.linkText("查阅记录")).click();
            page.findElement(By.name("phone")).sendKeys(phone);
            page.findElement(By.cssSelector("#filters button")).click();
            assertThat(browser.text(By.id("count"))).startsWith("共 2 条");
            assertThat(browser.text(By.cssSelector("#reads tbody tr:nth-child(1)"))).contains("housing", "承办单位",
                    number, "接口", "GET /api/work-orders/" + number);
            assertThat(browser.text(By.cssSelector("#reads tbody tr:nth-child(2)"))).contains("agent", "坐席", number,
                    "POST /api/work-orders");
            browser.screenshot("access-record");

            browser.go("/supervisor/access-record?phone=" + phone + "&from=2026-13-45");
            assertThat(browser.text(By.id("filter-error"))).isEqualTo("开始日期：不是有效的日期，应如 2026-12-07");
            assertThat(page.findElement(By.name("phone")).getAttribute("value")).isEqualTo(phone);
            browser.screenshot("access-record-bad-filter");
        }
    }
}
