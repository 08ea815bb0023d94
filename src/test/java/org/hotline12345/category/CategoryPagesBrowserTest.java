package org.hotline12345.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** An administrator grows the taxonomy, renames a node and retires it, in the browser. */
@QuarkusTest
class CategoryPagesBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorAddsRenamesAndRetiresCategories() {
        String top = "文化旅游" + System.nanoTime() % 100_000;
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            browser.go("/admin/categories");
            assertThat(browser.driver().findElements(By.cssSelector("#tree details"))).hasSizeGreaterThan(5);
            browser.screenshot("admin-categories");

            WebDriver page = browser.driver();
            page.findElement(By.cssSelector("#new-category input[name=name]")).sendKeys(top);
            page.findElement(By.cssSelector("#new-category button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已新增一级分类：" + top);
            String topPath = page.getCurrentUrl().replaceAll(".*(/admin/categories/[0-9]+).*", "$1");

            page.findElement(By.cssSelector("#add-child input[name=name]")).sendKeys("景区管理");
            page.findElement(By.cssSelector("#add-child button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("已新增下级分类：景区管理");
            page.findElement(By.cssSelector("#add-child input[name=name]")).sendKeys("景区管理");
            page.findElement(By.cssSelector("#add-child button")).click();
            assertThat(browser.text(By.id("form-error"))).startsWith("同一上级下已有名为 景区管理 的分类");
            assertThat(page.findElement(By.cssSelector("#add-child input[name=name]")).getAttribute("value"))
                    .isEqualTo("景区管理");

            browser.go(page.findElement(By.cssSelector("#children a")).getDomAttribute("href"));
            page.findElement(By.cssSelector("#rename input[name=name]")).clear();
            page.findElement(By.cssSelector("#rename input[name=name]")).sendKeys("景区服务与管理");
            page.findElement(By.cssSelector("#rename button")).click();
            assertThat(browser.text(By.cssSelector("h1"))).startsWith("景区服务与管理");
            String childCode = page.getCurrentUrl().replaceAll(".*/admin/categories/([0-9]+).*", "$1");

            browser.go(topPath);
            page.findElement(By.cssSelector("#status button")).click();
            page.switchTo().alert().accept();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("已停用");
            browser.go("/admin/categories/" + childCode);
            assertThat(browser.text(By.id("retired"))).isEqualTo("停用");
            page.findElement(By.cssSelector("#status button")).click();
            assertThat(browser.text(By.id("form-error"))).startsWith("请先恢复上级分类 " + top);

            browser.go("/admin/categories?q=景区服务与管理");
            assertThat(browser.text(By.cssSelector("#matches tr[data-code='" + childCode + "']")))
                    .contains(top + " / 景区服务与管理", "停用");
        }
    }

    @Test
    void theTaxonomyPagesAreForAdministratorsOnly() {
        Pages.as("agent").get("/admin/categories").then().statusCode(403);
        Pages.as("admin").get("/admin/categories/export").then().statusCode(200);
    }
}
