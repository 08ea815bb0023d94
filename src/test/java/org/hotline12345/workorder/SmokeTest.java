package org.hotline12345.workorder;

import static org.hamcrest.Matchers.equalTo;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmokeTest extends DatabaseTest {

    @Test
    void registersAndDispatches() {
        String number = Api.registerDispatched("HOUSING");
        Api.as("housing").get("/api/work-orders/" + number).then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("DISPATCHED"));
    }
}
