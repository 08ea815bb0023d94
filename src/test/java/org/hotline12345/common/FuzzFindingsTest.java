package org.hotline12345.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The server errors the fuzzing of issue 17 found, each now a 4xx or a page saying what was wrong. */
@QuarkusTest
class FuzzFindingsTest extends DatabaseTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void aPageFormForAnIdThatIsNoIdReturnsToItsPage() {
        for (String id : new String[]{"%3Cx%3E", "a%20b", "%25"}) {
            Pages.form("housing", "/department").urlEncodingEnabled(false)
                    .post("/department/work-orders/" + id + "/accept").then().statusCode(303)
                    .header("Location", containsString("/department/work-orders/"))
                    .header("Location", containsString("error="));
        }
    }

    @Test
    void aRuleFileThatIsNotUtf8IsRefusedOnThePage() {
        var session = Pages.as("admin");
        ExtractableResponse<Response> page = session.get("/admin/rules").then().statusCode(200).extract();
        Matcher token = TOKEN.matcher(page.asString());
        token.find();
        session.cookie("csrf-token", page.cookie("csrf-token")).multiPart("csrf-token", token.group(1))
                .multiPart("file", "规则.csv", "category,lead,level\n1602,信访局,CITY\n".getBytes(Charset.forName("GBK")),
                        "text/csv")
                .post("/admin/rules/import").then().statusCode(400)
                .body(containsString("文件不是 UTF-8 编码"));
    }

    @Test
    void anAnonymousPageRequestStillGoesToTheLogin() {
        given().redirects().follow(false).urlEncodingEnabled(false).get("/department/work-orders/%3Cx%3E").then()
                .statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void anAddressTheLoginFormCannotKeepInItsCookieIsFirstMadeOneItCan() {
        // the login form keeps the address in a cookie, which cannot hold a comma or a semicolon (it was a 500)
        given().redirects().follow(false).urlEncodingEnabled(false).get("/hotline/search?status=CLOSED,REPLIED")
                .then().statusCode(302).header("Location", endsWith("/hotline/search?status=CLOSED%2CREPLIED"));
        given().redirects().follow(false).urlEncodingEnabled(false).get("/hotline/search?status=CLOSED%2CREPLIED")
                .then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).urlEncodingEnabled(false).get("/admin/categories/a;b=c").then()
                .statusCode(302).header("Location", endsWith("/admin/categories/a%3Bb=c"));
    }
}
