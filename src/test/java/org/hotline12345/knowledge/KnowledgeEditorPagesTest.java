package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.knowledge.Articles.article;
import static org.hotline12345.knowledge.Articles.marker;

import java.util.HashMap;
import java.util.Map;

import org.hotline12345.common.PageForms;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The editor pages' forms over HTTP: refused input and saves over a newer version come back with what the editor
 * typed, the list filters and pages, and only editors and administrators get in, with the CSRF token.
 */
@QuarkusTest
class KnowledgeEditorPagesTest extends DatabaseTest {

    private static Map<String, String> fields(String marker) {
        Map<String, String> fields = new HashMap<>();
        fields.put("title", "城乡居民养老保险缴费档次怎么选 " + marker);
        fields.put("questions", "养老保险交多少\n缴费档次能改吗");
        fields.put("answer", "城乡居民养老保险每年缴费一次，缴费档次由参保人自愿选择，多缴多得、长缴多得；" + marker);
        fields.put("categoryCode", "130401");
        fields.put("departmentCode", "APPROVAL");
        fields.put("sourceName", "城乡居民基本养老保险实施办法");
        fields.put("sourceNumber", "");
        fields.put("effectiveFrom", "2024-01-01");
        fields.put("expiresOn", "");
        fields.put("tags", "养老，社保");
        fields.put("status", "PUBLISHED");
        fields.put("note", "");
        return fields;
    }

    private static String editorList(String query) {
        return Pages.as("editor").get("/knowledge/editor?" + query).then().statusCode(200).extract().asString();
    }

    private static int rows(String html) {
        return html.split("<tr data-slug=", -1).length - 1;
    }

    @Test
    void aRefusedFormComesBackFilledInWithTheReasonsInChinese() {
        String marker = marker();
        Map<String, String> typed = fields(marker);
        typed.put("title", "   ");
        String page = Pages.form("editor", "/knowledge/editor/new").formParams(typed).post("/knowledge/editor/new")
                .then()
                .statusCode(422).extract().asString();
        assertThat(page).contains("未保存：标题：请填写")
                .contains(">" + typed.get("answer") + "</textarea>")
                .contains(">养老保险交多少\n缴费档次能改吗</textarea>")
                .contains("value=\"城乡居民基本养老保险实施办法\"")
                .contains("value=\"130401\" selected")
                .contains("value=\"养老，社保\"");

        // what only the service checks comes back the same way
        typed = fields(marker);
        typed.put("expiresOn", "2023-12-31");
        page = Pages.form("editor", "/knowledge/editor/new").formParams(typed).post("/knowledge/editor/new").then()
                .statusCode(422).extract().asString();
        assertThat(page).contains("未保存：失效日期：须晚于生效日期").contains("value=\"" + typed.get("title") + "\"")
                .contains(">" + typed.get("answer") + "</textarea>");

        typed = fields(marker);
        typed.put("effectiveFrom", "明天");
        typed.put("slug", "Not A Slug");
        page = Pages.form("editor", "/knowledge/editor/new").formParams(typed).post("/knowledge/editor/new").then()
                .statusCode(422).extract().asString();
        assertThat(page).contains("未保存：链接名：只能用小写字母、数字和单个连字符")
                .contains("生效日期：“明天”不是日期，应如 2026-11-24").contains("value=\"明天\"");

        typed = fields(marker);
        typed.put("slug", KnowledgeApiTest.create(article(marker(), "链接名已被占用")));
        page = Pages.form("editor", "/knowledge/editor/new").formParams(typed).post("/knowledge/editor/new").then()
                .statusCode(409).extract().asString();
        assertThat(page).contains("未保存：链接名：已被另一条目使用，请换一个").contains(">" + typed.get("answer") + "</textarea>");

        assertThat(editorList("q=" + marker)).contains("没有符合条件的条目");
    }

    @Test
    void anAnswerAsLongAsTheRulesAllowSavesThroughTheFormAndALongerOneComesBack() {
        String marker = marker();
        Map<String, String> typed = fields(marker);
        String paragraph = "市民办理住房公积金提取业务时，可通过线上渠道或到线下窗口申请，审核通过后资金转入本人银行账户。";
        String answer = (marker + paragraph.repeat(20000 / paragraph.length() + 1)).substring(0, 20000);
        typed.put("answer", answer);
        String location = Pages.form("editor", "/knowledge/editor/new").formParams(typed).post("/knowledge/editor/new")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).contains(PageForms.encode("已保存（第 1 版）"));
        String slug = location.replaceAll(".*/articles/([^?]+)\\?.*", "$1");
        Api.as("editor").get("/api/knowledge/articles/" + slug).then().body("answer", equalTo(answer));

        typed.put("answer", answer + "。");
        String page = Pages.form("editor", "/knowledge/editor/new").formParams(typed).post("/knowledge/editor/new")
                .then()
                .statusCode(422).extract().asString();
        assertThat(page).contains("未保存：答案：不能超过 20000 个字").contains(">" + answer + "。</textarea>");
    }

    @Test
    void savingOverANewerVersionSaysWhoSavedItAndKeepsWhatTheEditorTyped() {
        String marker = marker();
        Map<String, Object> body = article(marker, "公积金贷款额度计算");
        String slug = KnowledgeApiTest.create(body);
        String editorPage = "/knowledge/editor/articles/" + slug;
        RequestSpecification editor = Pages.form("editor", editorPage);
        // meanwhile an administrator saves version 2
        body.put("version", 1);
        body.put("answer", "管理员改过的答案 " + marker);
        Api.as("admin").body(body).put("/api/knowledge/articles/" + slug).then().statusCode(200)
                .body("version", equalTo(2));

        Map<String, String> typed = fields(marker);
        typed.put("version", "1");
        typed.put("answer", "编辑在第一版上写的很长的新答案：贷款额度按缴存余额的十五倍计算，且不超过个人最高限额。" + marker);
        String page = editor.formParams(typed).post(editorPage).then().statusCode(409).extract().asString();
        assertThat(page).contains("未保存：你编辑期间，此条目已被修改。")
                .contains("你是在第 1 版上修改的，系统管理员 已于").contains("保存了第 2 版")
                .contains(">" + typed.get("answer") + "</textarea>")
                .contains("name=\"version\" value=\"1\"")
                .contains("/knowledge/editor/articles/" + slug + "/versions/2");
        Api.as("editor").get("/api/knowledge/articles/" + slug).then().body("version", equalTo(2))
                .body("answer", equalTo("管理员改过的答案 " + marker));

        typed.put("version", "2");
        Pages.form("editor", editorPage).formParams(typed).post(editorPage).then().statusCode(303)
                .header("Location", containsString(editorPage + "?done="))
                .header("Location", containsString(PageForms.encode("已保存（第 3 版）")));
        Pages.as("editor").get(editorPage + "/versions/2").then().statusCode(200)
                .body(containsString("管理员改过的答案 " + marker)).body(containsString("系统管理员（管理员）"));
    }

    @Test
    void theListFiltersByTextAndStatusPagesAndCountsFeedback() {
        String marker = marker();
        String draft = null;
        for (int i = 0; i < 21; i++) {
            Map<String, Object> body = article(marker, "列表分页测试条目 " + i);
            if (i == 0) {
                body.put("status", "DRAFT");
            }
            String slug = KnowledgeApiTest.create(body);
            draft = i == 0 ? slug : draft;
            if (i == 20) {
                Api.as("agent").body(Map.of("helpful", true)).post("/api/knowledge/articles/" + slug + "/feedback")
                        .then().statusCode(200);
                Api.as("supervisor").body(Map.of("helpful", false, "comment", "材料清单不全"))
                        .post("/api/knowledge/articles/" + slug + "/feedback").then().statusCode(200);
            }
        }
        String first = editorList("q=" + marker.toUpperCase());
        assertThat(first).contains("第 1 页，共 21 条").contains("下一页").doesNotContain("上一页")
                .contains("<td class=\"n\">1 / 1</td>");
        assertThat(rows(first)).isEqualTo(20);
        String second = editorList("q=" + marker + "&page=1");
        assertThat(rows(second)).isEqualTo(1);
        assertThat(second).contains("data-slug=\"" + draft + "\"").contains("上一页");

        String drafts = editorList("q=" + marker + "&status=DRAFT");
        assertThat(rows(drafts)).isEqualTo(1);
        assertThat(drafts).contains("data-slug=\"" + draft + "\"").contains("草稿");
        // what the editor types is matched literally, not as a pattern
        assertThat(editorList("q=_" + marker.substring(1))).contains("没有符合条件的条目");
    }

    @Test
    void onlyEditorsAndAdministratorsGetInAndEveryFormNeedsItsCsrfToken() {
        String slug = KnowledgeApiTest.create(article(marker(), "权限测试条目"));
        for (String user : new String[]{"agent", "housing"}) {
            Pages.as(user).get("/knowledge/editor").then().statusCode(403);
            Pages.as(user).get("/knowledge/editor/new").then().statusCode(403);
            Pages.as(user).get("/knowledge/editor/articles/" + slug).then().statusCode(403);
            Pages.as(user).get("/knowledge/editor/articles/" + slug + "/versions/1").then().statusCode(403);
        }
        Pages.form("agent", "/knowledge").post("/knowledge/editor/articles/" + slug + "/archive").then()
                .statusCode(403);
        Pages.as("admin").get("/knowledge/editor").then().statusCode(200).body(containsString("新建条目"));
        Pages.as("editor").get("/knowledge/editor/articles/" + slug).then().statusCode(200)
                .body(containsString("name=\"csrf-token\""));

        Pages.as("editor").contentType("application/x-www-form-urlencoded")
                .post("/knowledge/editor/articles/" + slug + "/archive").then().statusCode(400);
        Api.as("editor").get("/api/knowledge/articles/" + slug).then().body("status", equalTo("PUBLISHED"));
        Pages.form("editor", "/knowledge/editor/articles/" + slug)
                .post("/knowledge/editor/articles/" + slug + "/archive")
                .then().statusCode(303).header("Location", containsString("/knowledge/editor/articles/" + slug));
        Api.as("editor").get("/api/knowledge/articles/" + slug).then().body("status", equalTo("ARCHIVED"));
    }
}
