package org.hotline12345.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.as;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An administrator maintains the responsibility list in the browser: asks "which department?", adds a rule, sees the
 * tester follow it, changes it into a second version, imports a file with a bad row, and ends the rule.
 */
@QuarkusTest
class RulePagesBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorMaintainsTheResponsibilityList() throws IOException {
        String name = "确责测试" + System.nanoTime() % 100_000;
        String category = as("admin").body(Map.of("name", name)).post("/api/categories").then().statusCode(201)
                .extract().path("code");
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            // the tester takes the category by its name, as people know it
            browser.go("/admin/rules");
            browser.driver().findElement(By.cssSelector("#tester input[name=category]")).sendKeys(name);
            browser.driver().findElement(By.cssSelector("#tester input[name=district]")).sendKeys("城东区");
            browser.driver().findElement(By.cssSelector("#tester button")).click();
            assertThat(browser.text(By.id("test-lead"))).isEqualTo("城东区人民政府");
            assertThat(browser.text(By.id("test-explanation"))).contains("按属地交城东区人民政府");

            WebDriver page = browser.driver();
            page.findElement(By.cssSelector("#new-rule input[name=categoryCode]")).sendKeys(category);
            new Select(page.findElement(By.cssSelector("#new-rule select[name=leadDepartmentCode]")))
                    .selectByVisibleText("市住建局");
            new Select(page.findElement(By.cssSelector("#new-rule select[name=level]"))).selectByVisibleText("区县级");
            page.findElement(By.cssSelector("#new-rule input[name=note]")).sendKeys("测试规则");
            page.findElement(By.cssSelector("#new-rule button")).click();
            assertThat(browser.text(By.id("form-error"))).isEqualTo("办理层级：区县级办理须填写区县");
            assertThat(page.findElement(By.cssSelector("#new-rule input[name=note]")).getAttribute("value"))
                    .isEqualTo("测试规则");

            new Select(page.findElement(By.cssSelector("#new-rule select[name=level]"))).selectByVisibleText("市级");
            new Select(page.findElement(By.cssSelector("#new-rule select[name=assistingDepartmentCodes]")))
                    .selectByVisibleText("市市场监管局");
            page.findElement(By.cssSelector("#new-rule button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("已新增规则 R");
            String rulePath = page.getCurrentUrl().replaceAll(".*(/admin/rules/R[0-9]+).*", "$1");
            assertThat(browser.text(By.cssSelector("#versions tr[data-version='1']"))).contains("市住建局", "市市场监管局",
                    "现行");

            browser.go("/admin/rules/test?category=" + category + "&district=城东区");
            assertThat(browser.text(By.id("test-lead"))).isEqualTo("市住建局");
            assertThat(browser.text(By.id("test-result"))).contains("协办：市市场监管局");
            assertThat(browser.text(By.id("test-explanation"))).contains("确责清单规则 " + rulePath.substring(13));
            browser.screenshot("admin-rules");

            browser.go(rulePath);
            new Select(page.findElement(By.cssSelector("#change-rule select[name=leadDepartmentCode]")))
                    .selectByVisibleText("市城市管理局");
            new Select(page.findElement(By.cssSelector("#change-rule select[name=assistingDepartmentCodes]")))
                    .deselectAll();
            page.findElement(By.cssSelector("#change-rule button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("已保存为第 2 版");
            assertThat(browser.text(By.cssSelector("#versions tr[data-version='2']"))).contains("市城市管理局", "现行");

            Path csv = Files.createTempFile("rules", ".csv");
            Files.writeString(csv, """
                    category,district,street,lead,assisting,level,effective_from,effective_to,note
                    %s,城西区,,D-WEST,,DISTRICT,,,城西区属地
                    %s,城南区,,NO-SUCH-DEPARTMENT,,DISTRICT,,,
                    """.formatted(category, category), StandardCharsets.UTF_8);
            browser.go("/admin/rules");
            page.findElement(By.cssSelector("#import input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
            page.findElement(By.cssSelector("#import button")).click();
            assertThat(browser.text(By.id("import-report"))).contains("共 2 行：新增规则 1 条", "1 行有误未导入",
                    "NO-SUCH-DEPARTMENT");
            Files.delete(csv);

            browser.go("/admin/rules?category=" + category);
            assertThat(page.findElements(By.cssSelector("#rules tbody tr[data-rule]"))).hasSize(2);

            browser.go(rulePath);
            page.findElement(By.cssSelector("#end-rule button")).click();
            page.switchTo().alert().accept();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("已终止");
            browser.go("/admin/rules/test?category=" + category + "&district=城东区");
            assertThat(browser.text(By.id("test-lead"))).isEqualTo("城东区人民政府");
        }
    }

    @Test
    void theTesterNamesAnUnknownCategoryAndThePagesAreForAdministrators() {
        Pages.as("admin").get("/admin/rules/test?category=nonsense").then().statusCode(400);
        // a name shared by several categories asks which one
        assertThat(Pages.as("admin").get("/admin/rules/test?category=物业").then().statusCode(400).extract()
                .asString()).contains("对应多个分类");
        Pages.as("agent").get("/admin/rules").then().statusCode(403);
    }
}
