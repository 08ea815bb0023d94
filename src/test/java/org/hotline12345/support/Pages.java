package org.hotline12345.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests to the pages as a user who signed in through the login form, carrying its session cookie. */
public final class Pages {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Pages() {
    }

    /** Signs {@code username} in through the form and returns a request with the session cookie. */
    public static RequestSpecification as(String username) {
        String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");
        return given().redirects().follow(false).cookie("quarkus-credential", session);
    }

    /** A form post as {@code user}, carrying the CSRF token of the page it was opened from. */
    public static RequestSpecification form(String user, String openedFrom) {
        RequestSpecification session = as(user);
        ExtractableResponse<Response> page = session.get(openedFrom).then().statusCode(200).extract();
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) {
            throw new AssertionError(openedFrom + " carries no CSRF token");
        }
        return session.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", page.cookie("csrf-token"))
                .formParam("csrf-token", token.group(1));
    }
}
