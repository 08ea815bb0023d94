package org.hotline12345.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A supervisor finds a hotspot from the home page, sees its count against what was expected, its trend and its work
 * orders, and turns it into a proactive work order (主动治理), which the responsible department then has in its inbox
 * and on its own hotspot page.
 */
@QuarkusTest
class HotspotBrowserTest extends DatabaseTest {

    /** A Wednesday morning in the city, apart from the times other tests register at. */
    private static final Instant NOW = Shanghai.at("2025-04-16T11:00");

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @Inject
    HotspotPass pass;

    @Inject
    HotspotStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSupervisorTurnsAHotspotIntoAProactiveWorkOrderThatTheDepartmentReceives() {
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(HotspotFixtures.registerAt(clock, NOW.minus(Duration.ofMinutes(15 + 30 * i)), "010102", "城西区",
                    "西湖街道", "翠湖苑电梯又坏了 " + i, "翠湖苑小区3号楼电梯停运，物业一直不修，老人上下楼困难。"));
        }
        long id = pass.pass(NOW).raised().stream()
                .filter(raised -> store.find(raised).orElseThrow().street().equals("西湖街道")).findFirst()
                .orElseThrow();
        clock.set(NOW.plus(Duration.ofMinutes(30)));

        String number;
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.go("/supervisor");
            assertThat(Integer.parseInt(browser.text(By.id("count-hotspots")))).isPositive();
            browser.driver().findElement(By.id("hotspots-link")).click();
            By row = By.cssSelector("#hotspots tr[data-id='" + id + "']");
            assertThat(browser.text(row)).contains("城西区西湖街道").contains("物业服务质量").contains("数量突增")
                    .contains("6 / 0.5").contains("近 6 小时").contains("市住建局").contains("待处理");
            assertThat(browser.driver().findElements(By.cssSelector("#hotspots tr[data-id='" + id
                    + "'] svg.sparkline polyline"))).hasSize(1);
            assertThat(browser.text(By.id("rule"))).contains("与前 8 周同一星期几").contains("不少于 5 件")
                    .contains("低于 0.001");
            browser.screenshot("hotspot-list");
            browser.driver().findElement(By.cssSelector("#hotspots tr[data-id='" + id + "'] a")).click();

            assertThat(browser.text(By.id("counts"))).contains("近 6 小时 6 件，往常同期平均 0.5 件").contains("泊松上尾概率");
            assertThat(browser.text(By.id("department"))).isEqualTo("市住建局");
            assertThat(browser.text(By.id("work-orders"))).contains(burst.get(0)).contains(burst.get(5))
                    .contains("翠湖苑电梯又坏了");
            assertThat(browser.driver().findElement(By.id("proactive-title")).getDomProperty("value"))
                    .isEqualTo("主动治理：城西区西湖街道 · 物业服务质量");
            assertThat(new Select(browser.driver().findElement(By.id("proactive-department")))
                    .getFirstSelectedOption().getText()).isEqualTo("市住建局");
            browser.screenshot("hotspot-page");
            browser.driver().findElement(By.id("proactive-submit")).click();

            assertThat(browser.text(By.id("done"))).startsWith("已转为主动治理工单 ");
            number = browser.text(By.id("proactive-link"));
            assertThat(browser.text(By.id("status"))).contains("已主动治理").contains(number);
            assertThat(browser.text(By.id("effect"))).isEqualTo("刚转为主动治理，尚无可比较的时段");
            // a day later (the session has run out by the service's clock): the day before it against the day after
            clock.set(NOW.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(1)));
            browser.signIn("supervisor");
            browser.go("/supervisor/hotspots/" + id);
            assertThat(browser.text(By.id("effect")))
                    .isEqualTo("主动治理前后各 1.0 天，城西区西湖街道「物业服务质量」诉求：之前 6 件，之后 0 件，减少 6 件");
            browser.screenshot("hotspot-acted");

            browser.go("/hotline/work-orders/" + number);
            assertThat(browser.driver().getPageSource()).contains("主动治理").contains("市住建局");

            browser.signOut();
            clock.set(NOW.plus(Duration.ofMinutes(30)));
            browser.signIn("housing");
            browser.go("/department");
            assertThat(browser.text(By.id("inbox"))).contains(number).contains("主动治理：城西区西湖街道");
            browser.go("/department/hotspots");
            assertThat(browser.text(By.cssSelector("#hotspots tr[data-id='" + id + "']"))).contains("城西区西湖街道")
                    .contains("已主动治理").contains(number);
            browser.screenshot("hotspot-department");
        }
    }
}
