package org.hotline12345.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every role's pages in the browser, with bad input and refused steps, read as a user reads them: the title, the
 * visible text, the placeholders, and what the pages answer to bad input must be Chinese. An English word fails the
 * test unless it is a proper noun or a code people use as it is (Excel, PDF, department codes, a work order's number).
 */
@QuarkusTest
class PagesSpeakChineseBrowserTest extends DatabaseTest {

    /** Words that are names, formats, units or keys, not messages: the same in Chinese text. */
    private static final Set<String> PROPER = Set.of("Excel", "PDF", "CSV", "PNG", "JPEG", "JPG", "DOCX", "XLSX",
            "Word", "App", "GB", "T", "ISO", "Markdown", "JSON", "API", "MB", "KB", "Alt",
            // what a user types: pinyin initials (the category search's example) and a link's scheme (the editor's)
            "wyfw", "https");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*");
    /**
     * Codes people see as they are: rule ids, weeks, credit codes, codes like CITY-CULTURE or UTF-8, slugs of knowledge
     * articles, file names, a key's letter (Alt+K).
     */
    private static final Pattern CODE = Pattern.compile(
            "R\\d+|W\\d+|[0-9A-Z]{18}|[0-9A-Z]+(-[0-9A-Z]+)+|[a-z0-9]+(-[a-z0-9]+)+|[\\w-]+\\.[a-z0-9]{2,4}|[A-Z]");
    /** The holiday file's format, which administrators type on the calendar page: its keywords and its file. */
    private static final Set<String> CALENDAR_FORMAT = Set.of("off", "work", "year", "calendar");

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Test
    void everyRolesPagesAndTheirAnswersToBadInputAreInChinese() throws IOException, SQLException {
        Set<String> codes = new HashSet<>(as("admin").get("/api/departments").then().extract().path("code"));
        Set<String> usernames = new HashSet<>(as("admin").get("/api/users").then().extract().path("username"));
        // what departments typed as their reply phrases (another test may have typed "abc") is theirs, not the site's
        codes.addAll(phraseWords());
        String dispatched = registerDispatched("HOUSING", "D-EAST");
        String accepted = registerDispatched("HOUSING");
        step("housing", accepted, "accept").statusCode(200);
        String replied = registerDispatched("HOUSING");
        step("housing", replied, "accept").statusCode(200);
        step("housing", replied, "reply", Map.of("content", "已办理")).statusCode(200);
        String elsewhere = registerDispatched("SAMR");
        String registered = Api.register(Api.registration());

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("agent", List.of("/agent", "/hotline/search", "/hotline/approvals", "/hotline/work-orders/"
                + registered, "/hotline/work-orders/" + dispatched, "/hotline/work-orders/" + dispatched + "/print",
                "/knowledge", "/account"));
        pages.put("supervisor", List.of("/supervisor", "/supervisor/wallboard", "/supervisor/overdue",
                "/supervisor/stats", "/hotline/approvals", "/hotline/work-orders/" + replied, "/desk",
                "/desk/accountability", "/desk/reports/weekly", "/supervisor/hotspots", "/supervisor/map",
                "/supervisor/topics",
                "/supervisor/scorecards", "/supervisor/scorecards/print", "/supervisor/appeals"));
        pages.put("housing", List.of("/department", "/department/work-orders/" + dispatched,
                "/department/work-orders/" + accepted, "/department/work-orders/" + replied + "/print",
                "/department/hotspots", "/department/scorecard"));
        pages.put("east", List.of("/department/work-orders/" + dispatched));
        pages.put("desk", List.of("/desk", "/agent", "/hotline/work-orders/" + dispatched));
        pages.put("admin", List.of("/admin", "/admin/departments", "/admin/departments/HOUSING", "/admin/users",
                "/admin/categories", "/admin/rules", "/admin/calendar", "/knowledge/editor", "/hotline/search",
                "/admin/scorecard-weights"));
        pages.put("editor", List.of("/knowledge/editor", "/knowledge/editor/new", "/knowledge"));

        List<String> english = new ArrayList<>();
        Path text = Files.createTempFile("note", ".txt");
        Files.writeString(text, "plain text, not a document");
        try (Browser browser = Browser.open(base.toString())) {
            for (Map.Entry<String, List<String>> role : pages.entrySet()) {
                browser.signIn(role.getKey());
                for (String page : role.getValue()) {
                    browser.go(page);
                    Set<String> allowed = page.startsWith("/admin/users") || page.equals("/account")
                            ? usernames
                            : page.equals("/admin/calendar") ? CALENDAR_FORMAT : Set.of();
                    english.addAll(englishOn(browser, role.getKey() + " " + page, codes, allowed));
                }
                // the print view has no navigation to sign out from
                browser.go("/account");
                browser.signOut();
            }

            // refusals and bad input, each as the page shows it
            browser.signIn("market");
            browser.go("/department/work-orders/" + dispatched);
            assertThat(browser.text(By.cssSelector("#error h1"))).isEqualTo("没有找到");
            english.addAll(englishOn(browser, "market: another department's work order", codes, Set.of()));
            browser.go("/hotline/approvals");
            assertThat(browser.text(By.cssSelector("#error h1"))).isEqualTo("无权办理");
            english.addAll(englishOn(browser, "market: the hotline's page", codes, Set.of()));
            browser.screenshot("error-page-forbidden");
            // refused before the form token was made, the page offers the way home rather than 退出
            browser.driver().findElement(By.linkText("返回首页")).click();
            browser.signOut();

            browser.signIn("agent");
            browser.go("/hotline/search?category=" + "物业管理");
            assertThat(browser.text(By.cssSelector("#error h1"))).isEqualTo("请求有误");
            english.addAll(englishOn(browser, "agent: a category name in the search filter", codes, Set.of()));
            browser.screenshot("error-page-bad-filter");
            browser.go("/hotline/work-orders/20990101-999999");
            english.addAll(englishOn(browser, "agent: an unknown work order", codes, Set.of()));
            // the registration form refused by the service, past the browser's own checks
            browser.go("/agent");
            browser.driver().findElement(By.name("name")).sendKeys("周先生");
            browser.driver().findElement(By.id("phone-number")).sendKeys("12345");
            browser.driver().findElement(By.id("title")).sendKeys("测试");
            browser.driver().findElement(By.name("content")).sendKeys("测试");
            // the page itself asks for a category before it sends the form
            browser.chooseCategory("bslc", "政务服务 / 行政审批 / 办事流程咨询");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelectorAll('#registration [required]').forEach(e => e.removeAttribute('required'));"
                            + "document.querySelector('#registration').noValidate = true;");
            browser.driver().findElement(By.cssSelector("#registration button[type=submit]")).click();
            assertThat(browser.text(By.cssSelector(".notice.fail"))).contains("联系电话");
            english.addAll(englishOn(browser, "agent: a refused registration", codes, Set.of()));
            // a file that is not one of the accepted kinds
            browser.go("/hotline/work-orders/" + dispatched);
            browser.driver().findElement(By.cssSelector("#attachments input[type=file]")).sendKeys(text.toString());
            browser.driver().findElement(By.cssSelector("#attachments button")).click();
            assertThat(browser.text(By.cssSelector(".notice.fail"))).contains("不是 PDF");
            english.addAll(englishOn(browser, "agent: a refused upload", codes, Set.of()));
            browser.go("/hotline/work-orders/" + elsewhere);
            english.addAll(englishOn(browser, "agent: a work order of another department", codes, Set.of()));
            browser.signOut();

            browser.signIn("housing");
            browser.go("/department/work-orders/" + accepted);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'));");
            browser.driver().findElement(By.cssSelector("#reply-form button[type=submit]")).click();
            assertThat(browser.text(By.cssSelector(".notice.fail"))).isEqualTo("内容：请填写此项");
            english.addAll(englishOn(browser, "housing: an empty reply", codes, Set.of()));
            browser.go("/department/work-orders/" + accepted);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelectorAll('[required], [max], [min]').forEach(e => {"
                            + " e.removeAttribute('required'); e.removeAttribute('max'); e.removeAttribute('min'); });");
            browser.driver().findElement(By.cssSelector("#extension input[name=days]")).sendKeys("99");
            browser.driver().findElement(By.cssSelector("#extension textarea")).sendKeys("需要更多时间");
            browser.driver().findElement(By.cssSelector("#extension button")).click();
            assertThat(browser.text(By.cssSelector(".notice.fail"))).startsWith("延长工作日：");
            english.addAll(englishOn(browser, "housing: too many days asked", codes, Set.of()));
            browser.signOut();
        } finally {
            Files.deleteIfExists(text);
        }
        assertThat(english).isEmpty();
    }

    private Set<String> phraseWords() throws SQLException {
        Set<String> words = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select text from reply_phrase");
                ResultSet phrases = statement.executeQuery()) {
            while (phrases.next()) {
                WORD.matcher(phrases.getString(1)).results().map(MatchResult::group).forEach(words::add);
            }
        }
        return words;
    }

    /** The English words the user sees on the page now, with where they were seen. */
    private static List<String> englishOn(Browser browser, String where, Set<String> codes, Set<String> allowed) {
        String visible = browser.driver().getTitle() + "\n" + ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.body.innerText + '\\n' + Array.from(document.querySelectorAll('[placeholder]'))"
                        + ".filter(e => e.offsetParent !== null).map(e => e.placeholder).join('\\n');");
        List<String> found = new ArrayList<>();
        Matcher words = WORD.matcher(visible);
        while (words.find()) {
            String word = words.group();
            if (!PROPER.contains(word) && !codes.contains(word) && !allowed.contains(word)
                    && !CODE.matcher(word).matches()) {
                found.add(where + ": " + word + " in “" + context(visible, words.start()) + "”");
            }
        }
        return found;
    }

    private static String context(String text, int at) {
        return text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 40)).replace('\n', ' ');
    }
}
