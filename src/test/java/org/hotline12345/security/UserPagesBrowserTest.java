package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * An administrator opens an account for a new member of a department, who signs in with it; the account is then
 * disabled and no longer signs in, and a password reset brings it back.
 */
@QuarkusTest
class UserPagesBrowserTest extends DatabaseTest {

    private static final String FIRST_PASSWORD = "Chushi-2026-mima";
    private static final String RESET_PASSWORD = "Chongzhi-2026-mima";
    private static final String OWN_PASSWORD = "Ziji-shezhi-2026";

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAccountIsOpenedUsedDisabledAndReset() {
        String username = "zhang" + System.nanoTime() % 100_000;
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("admin");
            assertThat(browser.driver().findElements(By.linkText("系统管理"))).hasSize(1);
            browser.driver().findElement(By.cssSelector("a.section[href='/admin/users']")).click();
            browser.waitFor(By.cssSelector("#new-user input[name=username]"));
            browser.screenshot("admin-users");

            WebDriver page = browser.driver();
            page.findElement(By.cssSelector("#new-user input[name=username]")).sendKeys(username);
            page.findElement(By.cssSelector("#new-user input[name=displayName]")).sendKeys("张承办");
            new Select(page.findElement(By.cssSelector("#new-user select[name=role]"))).selectByVisibleText("承办单位");
            page.findElement(By.cssSelector("#new-user input[name=password]")).sendKeys(FIRST_PASSWORD);
            page.findElement(By.cssSelector("#new-user button")).click();
            assertThat(browser.text(By.id("form-error"))).isEqualTo("所属单位：承办单位人员须选择所属单位");
            assertThat(page.findElement(By.cssSelector("#new-user input[name=username]")).getAttribute("value"))
                    .isEqualTo(username);
            assertThat(page.findElement(By.cssSelector("#new-user input[name=password]")).getAttribute("value"))
                    .isEmpty();

            new Select(page.findElement(By.cssSelector("#new-user select[name=departmentCode]")))
                    .selectByVisibleText("市住建局");
            page.findElement(By.cssSelector("#new-user input[name=password]")).sendKeys(FIRST_PASSWORD);
            page.findElement(By.cssSelector("#new-user button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("已新增用户");
            browser.go("/admin/users?q=" + username + "&department=HOUSING");
            assertThat(browser.text(By.cssSelector("#users tr[data-username='" + username + "']")))
                    .contains("张承办", "承办单位", "市住建局", "启用");

            browser.signOut();
            browser.signIn(username, FIRST_PASSWORD);
            assertThat(browser.text(By.id("me"))).isEqualTo("张承办（承办单位）");
            assertThat(page.getCurrentUrl()).endsWith("/department");

            browser.signOut();
            browser.signIn("admin");
            browser.go("/admin/users/" + username);
            page.findElement(By.cssSelector("#edit-user input[name=active]")).click();
            page.findElement(By.cssSelector("#edit-user button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).contains("已停用");
            browser.signOut();
            browser.signIn(username, FIRST_PASSWORD);
            assertThat(browser.text(By.cssSelector(".login-box"))).contains("用户名或密码不正确");

            browser.signIn("admin");
            browser.go("/admin/users/" + username);
            page.findElement(By.cssSelector("#edit-user input[name=active]")).click();
            page.findElement(By.cssSelector("#edit-user button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已保存");
            page.findElement(By.cssSelector("#reset-password input[name=password]")).sendKeys(RESET_PASSWORD);
            page.findElement(By.cssSelector("#reset-password button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("已重置密码");
            browser.signOut();
            browser.signIn(username, RESET_PASSWORD);
            assertThat(browser.text(By.id("me"))).isEqualTo("张承办（承办单位）");

            // the user replaces the password the administrator set with their own
            page.findElement(By.id("me")).click();
            browser.waitFor(By.name("currentPassword")).sendKeys(RESET_PASSWORD);
            page.findElement(By.name("newPassword")).sendKeys(OWN_PASSWORD);
            page.findElement(By.name("repeatPassword")).sendKeys(OWN_PASSWORD + "x");
            page.findElement(By.cssSelector("#change-password button")).click();
            assertThat(browser.text(By.id("form-error"))).isEqualTo("两次输入的新密码不一致");
            page.findElement(By.name("currentPassword")).sendKeys(RESET_PASSWORD);
            page.findElement(By.name("newPassword")).sendKeys(OWN_PASSWORD);
            page.findElement(By.name("repeatPassword")).sendKeys(OWN_PASSWORD);
            page.findElement(By.cssSelector("#change-password button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).isEqualTo("已修改密码");
            browser.signOut();
            browser.signIn(username, OWN_PASSWORD);
            assertThat(browser.text(By.id("me"))).isEqualTo("张承办（承办单位）");
        }
    }

    @Test
    void onlyAdministratorsManageAccounts() {
        Pages.as("supervisor").get("/admin/users").then().statusCode(403);
        Pages.as("supervisor").get("/admin").then().statusCode(403);
        Pages.as("admin").get("/").then().statusCode(303);
        Pages.as("admin").get("/admin/users/export").then().statusCode(200);
        Pages.as("admin").contentType("application/x-www-form-urlencoded").formParam("password", "x".repeat(20))
                .post("/admin/users/agent/password").then().statusCode(400);
    }
}
