package org.hotline12345.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.dispatchTo;
import static org.hotline12345.support.Api.step;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 确责清单复核: in August 2023, requests about 保障性住房 in 城南区 went to the department the list names; two were
 * returned, the returns approved, and re-dispatched to another department; the administrator finds that category and
 * district with its counts and examples, reads one of them, and is told in Chinese when the period is backwards.
 */
@QuarkusTest
class RuleReviewBrowserTest extends DatabaseTest {

    private static final Instant AUGUST = Shanghai.at("2023-08-07T10:00");
    private static final String HOUSING = "010203";

    @TestHTTPResource("/")
    URL base;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAdministratorFindsWhereReturnsAndReDispatchesDisagreeWithTheList() {
        String listDepartment = listDepartment(HOUSING, "城南区");
        String elsewhere = listDepartment.equals("SAMR") ? "HOUSING" : "SAMR";
        List<String> returned = List.of(registerAt(0, "城南区", listDepartment), registerAt(1, "城南区", listDepartment));
        registerAt(2, "城南区", listDepartment);
        for (String number : returned) {
            step(department(listDepartment), number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
            step("supervisor", number, "return/approve").statusCode(200);
            step("agent", number, "redispatch", dispatchTo(elsewhere)).statusCode(200);
        }
        clock.reset();

        Map<String, Object> finding = as("admin").queryParam("from", "2023-08-01").queryParam("to", "2023-08-31")
                .get("/api/dispatch/rules/review").then().statusCode(200).extract()
                .path("findings.find { it.categoryCode == '" + HOUSING + "' && it.district == '城南区' }");
        assertThat(finding).containsEntry("listDepartmentCode", listDepartment).containsEntry("dispatched", 3)
                .containsEntry("returnsApproved", 2).containsEntry("endedElsewhere", 2);
        assertThat((List<String>) finding.get("examples")).containsAll(returned);

        as("agent").get("/api/dispatch/rules/review").then().statusCode(403);
        as("admin").queryParam("from", "2023-08-31").queryParam("to", "2023-08-01").get("/api/dispatch/rules/review")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        as("admin").queryParam("from", "2023-01-01").queryParam("to", "2023-08-01").get("/api/dispatch/rules/review")
                .then().statusCode(400).body("violations.message", hasItem("一次最多复核 92 天"));

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            browser.go("/admin/rules");
            browser.driver().findElement(By.id("review-link")).click();
            assertThat(browser.text(By.cssSelector("h1"))).startsWith("确责清单复核");
            browser.pick(By.name("from"), "2023-08-01");
            browser.pick(By.name("to"), "2023-08-31");
            browser.driver().findElement(By.cssSelector("form.filters button")).click();
            WebElement row = browser.waitFor(By.cssSelector("#findings tr[data-category='" + HOUSING
                    + "'][data-district='城南区']"));
            assertThat(browser.text(By.id("review-summary"))).startsWith("2023-08-01 至 2023-08-31 共派出 3 件；");
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.get(0)).contains("保障性住房");
            assertThat(cells.subList(3, 6)).containsExactly("3", "2", "2");
            assertThat(cells.get(6)).isEqualTo(elsewhere.equals("SAMR") ? "市市场监管局" : "市住建局");
            assertThat(cells.get(9)).contains(returned.get(0)).contains(returned.get(1));
            browser.screenshot("rule-review");

            row.findElement(By.linkText(returned.get(0))).click();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/hotline/work-orders/" + returned.get(0));
            assertThat(browser.text(By.cssSelector("h1"))).contains(returned.get(0));

            browser.go("/admin/rules/review?from=2023-08-31&to=2023-08-01");
            assertThat(browser.text(By.id("form-error"))).isEqualTo("截止日期：不能早于起始日期");
        }
    }

    private String registerAt(int hour, String district, String lead) {
        clock.set(AUGUST.plus(Duration.ofHours(hour)));
        Map<String, Object> body = Api.registration();
        body.put("categoryCode", HOUSING);
        body.put("location", new HashMap<>(Map.of("district", district, "street", "南湖街道")));
        body.put("title", "公租房申请进度 " + hour);
        body.put("content", "申请公租房半年了没有进度，请核查。");
        body.put("dispatch", dispatchTo(lead));
        return Api.register(body);
    }

    private static String listDepartment(String category, String district) {
        return as("admin").queryParam("category", category).queryParam("district", district)
                .get("/api/dispatch/rules/test").then().statusCode(200).extract().path("leadDepartmentCode");
    }

    /** The demo user of a department (housing for 市住建局, and so on), as the seed names them. */
    private static String department(String code) {
        return switch (code) {
            case "HOUSING" -> "housing";
            case "HOUSINGWORKS" -> "water";
            default -> throw new IllegalStateException("no demo user for " + code);
        };
    }

}
