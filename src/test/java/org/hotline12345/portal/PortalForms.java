package org.hotline12345.portal;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A citizen's form post on the portal: no sign-in, the CSRF token of the page the form was opened from. */
final class PortalForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private PortalForms() {
    }

    static RequestSpecification from(String page) {
        ExtractableResponse<Response> opened = given().get(page).then().statusCode(200).extract();
        Matcher token = TOKEN.matcher(opened.asString());
        if (!token.find()) {
            throw new AssertionError(page + " carries no CSRF token");
        }
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", opened.cookie("csrf-token")).formParam("csrf-token", token.group(1));
    }
}
