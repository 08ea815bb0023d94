package org.hotline12345.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

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
        RequestSpecification session = session("admin", "/admin/rules");
        session.multiPart("csrf-token", token).multiPart("file", "规则.csv",
                "category,lead,level\n1602,信访局,CITY\n".getBytes(Charset.forName("GBK")), "text/csv")
                .post("/admin/rules/import").then().statusCode(400)
                .body(containsString("文件不是 UTF-8 编码"));
    }

    private String token;

    /** A page session carrying the CSRF cookie of {@code page}, whose token the caller may put in its form. */
    private RequestSpecification session(String user, String page) {
        RequestSpecification session = Pages.as(user);
        ExtractableResponse<Response> opened = session.get(page).then().statusCode(200).extract();
        Matcher found = TOKEN.matcher(opened.asString());
        assertThat(found.find()).as("%s carries a CSRF token", page).isTrue();
        token = found.group(1);
        return session.cookie("csrf-token", opened.cookie("csrf-token"));
    }

    @Test
    void aBodyThatCannotBeReadAsItsContentTypeIsA400() {
        // a multipart body cut off before its closing boundary (it was a 500)
        RequestSpecification admin = session("admin", "/admin/rules");
        admin.config(RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                .contentType("multipart/form-data; boundary=cut").body("--cut\r\nContent-Disposition: form-data;"
                        + " name=\"csrf-token\"\r\n\r\n" + token
                        + "\r\n--cut\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"a.csv\"\r\n\r\nabc")
                .post("/admin/rules/import").then().statusCode(400);
        // a form whose text has a % that starts no escape (it was a 500)
        Pages.as("housing").contentType("application/x-www-form-urlencoded").body("%PDF-1.4&content=x")
                .post("/department/work-orders/20261207-000001/reply").then().statusCode(400);
        Api.as("agent").contentType("application/x-www-form-urlencoded").body("%zz=1")
                .post("/api/work-orders/20261207-000001/accept").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void aPathEndingInAPercentSignIsAProblemNotAServerError() throws IOException {
        // no HTTP client builds such an address, so it goes as a browser's typo would: as it is, on a socket
        String credentials = Base64.getEncoder()
                .encodeToString(("agent:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /api/knowledge/articles/a/versions/% HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Vert.x's HTTP codec refuses a path it cannot decode before any handler of the service runs, with an
            // empty 400 and a closed connection: a refusal, never a server error (docs/security.md, Errors)
            assertThat(answer).matches("(?s)HTTP/1\\.1 400 .*");
        }
    }

    @Test
    void anEmptyBodyOfAnyTypeIsNoBody() {
        // an empty text/plain body was answered with a bare 400, past every mapper
        Api.as("editor").contentType("text/plain").body(new byte[0]).post("/api/work-orders/R/return/approve")
                .then().statusCode(404).contentType(startsWith(Problem.MEDIA_TYPE));
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
