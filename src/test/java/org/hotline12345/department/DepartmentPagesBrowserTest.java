package org.hotline12345.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.net.URL;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** An administrator adds a department, is told what is wrong with a bad form, and retires it. */
@QuarkusTest
class DepartmentPagesBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorAddsCorrectsAndRetiresADepartment() {
        String code = "CULTURE-" + System.nanoTime() % 100_000;
        String name = "市文化广电旅游局" + code.substring(8);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin");
            assertThat(browser.driver().findElements(By.cssSelector(".sections a.section")))
                    .extracting(link -> URI.create(link.getAttribute("href")).getPath())
                    .contains("/admin/departments", "/admin/users", "/admin/categories", "/admin/rules",
                            "/admin/calendar", "/knowledge/editor", "/admin/sms");
            browser.screenshot("admin-index");
            browser.driver().findElement(By.cssSelector("a.section[href='/admin/departments']")).click();
            browser.waitFor(By.cssSelector("#new-department input[name=code]"));
            browser.screenshot("admin-departments");

            WebDriver page = browser.driver();
            page.findElement(By.cssSelector("#new-department input[name=code]")).sendKeys(code.toLowerCase());
            page.findElement(By.cssSelector("#new-department input[name=name]")).sendKeys(name);
            page.findElement(By.cssSelector("#new-department button")).click();
            assertThat(browser.text(By.id("form-error"))).contains("单位代码：格式不正确");
            assertThat(page.findElement(By.cssSelector("#new-department input[name=name]")).getAttribute("value"))
                    .isEqualTo(name);

            page.findElement(By.cssSelector("#new-department input[name=code]")).clear();
            page.findElement(By.cssSelector("#new-department input[name=code]")).sendKeys(code);
            page.findElement(By.cssSelector("#new-department button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已新增单位：" + name);

            browser.go("/admin/departments?q=" + code);
            assertThat(browser.text(By.cssSelector("#departments tr[data-code='" + code + "']"))).contains(name,
                    "市直部门", "启用");

            // the parent and the phone the admin home promises: kept, listed, and a unit cannot be its own parent
            browser.go("/admin/departments/" + code);
            new Select(page.findElement(By.cssSelector("#edit-department select[name=parentCode]")))
                    .selectByValue("D-EAST");
            page.findElement(By.cssSelector("#edit-department input[name=phone]")).sendKeys("0571-87650000");
            page.findElement(By.cssSelector("#edit-department button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已保存");
            browser.go("/admin/departments?q=" + code);
            assertThat(browser.text(By.cssSelector("#departments tr[data-code='" + code + "']"))).contains(
                    "城东区人民政府", "0571-87650000");
            browser.screenshot("admin-department-parent");
            browser.go("/admin/departments/D-EAST");
            new Select(page.findElement(By.cssSelector("#edit-department select[name=parentCode]")))
                    .selectByValue(code);
            page.findElement(By.cssSelector("#edit-department button")).click();
            assertThat(browser.text(By.id("form-error"))).isEqualTo("上级单位：上级单位不能是本单位或其下级单位");
            browser.go("/admin/departments?q=S-EAST-DONGMEN");
            assertThat(browser.text(By.cssSelector("#departments tr[data-code='S-EAST-DONGMEN'] .parent")))
                    .isEqualTo("城东区人民政府");

            browser.go("/admin/departments/" + code);
            new Select(page.findElement(By.name("kind"))).selectByVisibleText("公共服务企业");
            page.findElement(By.cssSelector("#edit-department input[name=active]")).click();
            page.findElement(By.cssSelector("#edit-department button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).contains("已停用");
            browser.go("/admin/departments?kind=PUBLIC_UTILITY");
            assertThat(browser.text(By.cssSelector("#departments tr[data-code='" + code + "']"))).contains("公共服务企业",
                    "停用");

            browser.go("/admin/departments/" + code);
            page.findElement(By.cssSelector("#edit-department input[name=name]")).clear();
            page.findElement(By.cssSelector("#edit-department input[name=name]")).sendKeys("市公安局");
            page.findElement(By.cssSelector("#edit-department button")).click();
            assertThat(browser.text(By.id("form-error"))).isEqualTo("已有名为 市公安局 的单位");
        }
    }

    @Test
    void theListExportsToExcelAndIsForAdministratorsOnly() {
        Pages.as("admin").get("/admin/departments/export").then().statusCode(200)
                .header("Content-Disposition", containsString("departments.xlsx"));
        Pages.as("supervisor").get("/admin/departments").then().statusCode(403);
        Pages.as("housing").get("/admin/departments").then().statusCode(403);
    }
}
