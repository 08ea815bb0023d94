package org.hotline12345.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to the pages as a user who signed in through the login form, carrying its session cookie. */
public final class Pages {

    private Pages() {
    }

    /** Signs {@code username} in through the form and returns a request with the session cookie. */
    public static RequestSpecification as(String username) {
        String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");
        return given().redirects().follow(false).cookie("quarkus-credential", session);
    }
}
