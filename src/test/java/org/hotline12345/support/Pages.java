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

    /** The cookie the pages' session lives in. */
    public static final String SESSION_COOKIE = "hotline-session";

    /** Signs {@code username} in through the form and returns a request with the session cookie. */
    public static RequestSpecification as(String username) {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, signIn(username, Api.PASSWORD));
    }

    /** Posts the login form as a browser does, with its CSRF token, and returns the session cookie it sets. */
    public static String signIn(String username, String password) {
        ExtractableResponse<Response> login = given().get("/login").then().statusCode(200).extract();
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", login.cookie("csrf-token")).formParam("csrf-token", token(login.asString()))
                .formParam("j_username", username).formParam("j_password", password)
                .post("/login").then().statusCode(303).extract().cookie(SESSION_COOKIE);
    }

    /** A form post as {@code user}, carrying the CSRF token of the page it was opened from. */
    public static RequestSpecification form(String user, String openedFrom) {
        RequestSpecification session = as(user);
        ExtractableResponse<Response> page = session.get(openedFrom).then().statusCode(200).extract();
        return session.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", page.cookie("csrf-token"))
                .formParam("csrf-token", token(page.asString()));
    }

    /** The CSRF token of a page's forms. */
    public static String token(String page) {
        Matcher token = TOKEN.matcher(page);
        if (!token.find()) {
            throw new AssertionError("the page carries no CSRF token");
        }
        return token.group(1);
    }
}
