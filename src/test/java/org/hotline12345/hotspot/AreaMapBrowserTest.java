package org.hotline12345.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * 区域分布: the requests of November 2023 (three in 城西区西关街道, one in 城南区南湖街道) on the city's map by district and by
 * street, drawn from the shipped boundaries with every area of the city in them, the same figures as a table, the
 * API and Excel; a backwards period is refused in Chinese.
 */
@QuarkusTest
class AreaMapBrowserTest extends DatabaseTest {

    private static final Instant NOVEMBER = Shanghai.at("2023-11-15T10:00");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSupervisorSeesTheMonthsRequestsOnTheMapByDistrictAndByStreet() throws Exception {
        for (int i = 0; i < 3; i++) {
            HotspotFixtures.registerAt(clock, NOVEMBER.plus(Duration.ofHours(i)), "010101", "城西区", "西关街道",
                    "物业费 " + i, "物业费上涨。");
        }
        HotspotFixtures.registerAt(clock, NOVEMBER, "010501", "城南区", "南湖街道", "停水", "小区停水。");
        clock.reset();

        JsonPath districts = Api.as("supervisor").queryParam("from", "2023-11-01").queryParam("to", "2023-11-30")
                .get("/api/hotspots/areas").then().statusCode(200).body("level", equalTo("DISTRICT"))
                .body("requests", equalTo(4)).body("undrawn", equalTo(List.of())).extract().jsonPath();
        assertThat(districts.getList("areas.district")).hasSize(7).contains("城西区", "城南区", "临江县");
        assertThat(districts.getInt("areas.find { it.district == '城西区' }.requests")).isEqualTo(3);
        assertThat(districts.getInt("areas.find { it.district == '城东区' }.requests")).isZero();
        Api.as("supervisor").queryParam("from", "2023-11-01").queryParam("to", "2023-11-30")
                .queryParam("level", "STREET").get("/api/hotspots/areas").then().statusCode(200)
                .body("areas.size()", equalTo(20))
                .body("areas.find { it.street == '南湖街道' }.requests", equalTo(1));
        Api.as("supervisor").queryParam("level", "PROVINCE").get("/api/hotspots/areas").then().statusCode(400)
                .body("violations.field", hasItem("level"));
        Api.as("agent").get("/api/hotspots/areas").then().statusCode(403);

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.go("/supervisor/hotspots");
            browser.driver().findElement(By.id("map-link")).click();
            browser.pick(By.name("from"), "2023-11-01");
            browser.pick(By.name("to"), "2023-11-30");
            browser.driver().findElement(By.cssSelector("#map-filters button")).click();
            browser.awaitText(By.id("map-summary"), "2023-11-01 至 2023-11-30 共 4 件诉求。");
            assertThat(drawn(browser, 7)).contains(Map.of("name", "城西区", "value", 3),
                    Map.of("name", "城南区", "value", 1), Map.of("name", "城东区", "value", 0));
            assertThat(browser.text(By.cssSelector("#areas tr[data-area='城西区']"))).isEqualTo("城西区 3 0");
            browser.screenshot("area-map-districts");

            new Select(browser.driver().findElement(By.name("level"))).selectByVisibleText("街道（乡镇）");
            browser.driver().findElement(By.cssSelector("#map-filters button")).click();
            assertThat(drawn(browser, 20)).contains(Map.of("name", "城西区西关街道", "value", 3),
                    Map.of("name", "城南区南湖街道", "value", 1));
            assertThat(browser.text(By.cssSelector("#areas tr[data-area='西关街道']"))).isEqualTo("城西区 西关街道 3 0");
            assertThat(browser.driver().findElements(By.id("undrawn"))).isEmpty();
            browser.screenshot("area-map-streets");

            browser.go("/supervisor/map?from=2023-11-30&to=2023-11-01");
            assertThat(browser.text(By.id("form-error"))).isEqualTo("截止日期：不能早于起始日期");
        }

        byte[] workbook = Pages.as("supervisor")
                .get("/supervisor/map/export?from=2023-11-01&to=2023-11-30&level=STREET")
                .then().statusCode(200).extract().asByteArray();
        assertThat(Excel.rows(workbook)).contains(List.of("城西区", "西关街道", "3.0", "0.0"));
    }

    /** The regions the map drew and the values they carry, once ECharts has drawn {@code regions} of them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> drawn(Browser browser, int regions) throws Exception {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> String.valueOf(regions)
                .equals(driver.findElement(By.id("map")).getDomAttribute("data-regions")));
        assertThat(browser.driver().findElements(By.cssSelector("#map canvas"))).isNotEmpty();
        return JSON.readValue(browser.driver().findElement(By.id("map")).getDomAttribute("data-drawn"), List.class);
    }

}
