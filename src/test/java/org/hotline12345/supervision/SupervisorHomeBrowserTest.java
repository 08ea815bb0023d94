package org.hotline12345.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A supervisor lands on what waits for them, each count the same as the work-order list it links to, with the
 * longest-overdue work orders; the wallboard shows the work orders' figures with telephony off.
 */
@QuarkusTest
class SupervisorHomeBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSupervisorLandsOnWhatWaitsAndTheWallboardCountsWorkOrdersWithoutTelephony() {
        String replied = registerDispatched("HOUSING");
        step("housing", replied, "accept").statusCode(200);
        step("housing", replied, "reply", Map.of("content", "已办理")).statusCode(200);
        String returned = registerDispatched("HOUSING");
        step("housing", returned, "return", Map.of("reason", "非本单位职责")).statusCode(200);
        // registered long ago, so that it is the most overdue whatever other tests left overdue in the database (those
        // that move the clock go back to 2023 at the earliest)
        clock.set(Instant.parse("2022-01-04T02:00:00Z"));
        String late = registerDispatched("D-EAST");
        clock.reset();
        clock.set(clock.instant().plus(Duration.ofDays(12)));
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/supervisor");
            assertThat(count(browser, "count-replies")).isEqualTo(total("status=REPLIED")).isPositive();
            assertThat(count(browser, "count-returns")).isEqualTo(total("status=RETURN_REQUESTED")).isPositive();
            assertThat(count(browser, "count-dispatch")).isEqualTo(total("status=REGISTERED"));
            assertThat(count(browser, "count-redispatch")).isEqualTo(total("status=RETURNED"));
            assertThat(count(browser, "count-callbacks")).isEqualTo(total("status=REVIEWED"));
            assertThat(count(browser, "count-overdue")).isEqualTo(total("overdue=true")).isPositive();
            assertThat(browser.text(By.id("oldest"))).contains(late);
            browser.screenshot("supervisor-home");
            browser.driver().findElement(By.cssSelector("#waiting a[href='/hotline/approvals#returns']")).click();
            assertThat(browser.text(By.id("returns"))).contains(returned);

            browser.go("/supervisor/wallboard");
            assertThat(browser.text(By.id("board-status"))).startsWith("未接入电话系统");
            assertThat(count(browser, "figure-review")).isEqualTo(total("status=REPLIED"));
            assertThat(count(browser, "figure-overdue")).isEqualTo(total("overdue=true"));
            assertThat(count(browser, "figure-held")).isPositive();
            browser.screenshot("wallboard-without-telephony");
        }
    }

    private static long count(Browser browser, String id) {
        return Long.parseLong(browser.text(By.id(id)));
    }

    private static long total(String filter) {
        return ((Number) as("supervisor").get("/api/work-orders?size=1&" + filter).then().statusCode(200).extract()
                .path("total")).longValue();
    }
}
