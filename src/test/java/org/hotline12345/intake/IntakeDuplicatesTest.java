package org.hotline12345.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.hotline12345.workorder.RequestType;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 待受理 offers the open work order of the same caller when an online request is registered, and 关联 chosen there is
 * recorded on both work orders.
 */
@QuarkusTest
class IntakeDuplicatesTest extends DatabaseTest {

    @Inject
    IntakeService intake;

    @Test
    void anOnlineRequestOfTheSameCallerIsOfferedItsOpenWorkOrderAndLinkedToIt() {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> body = Api.registration();
        body.put("citizen", new HashMap<>(Map.of("name", "赵女士", "phone", phone, "occupation", "OTHER")));
        body.put("title", "北苑街道小区门口积水");
        String existing = Api.register(body);

        String number = intake.reserveNumber();
        IntakeViews.Submission submission = new IntakeViews.Submission(IntakeSource.PORTAL, RequestType.COMPLAINT,
                "小区门口积水还没人管", "上周反映的小区门口积水问题至今没有处理", "城北区", "北苑街道", null, null, null, "赵女士", phone,
                false, "127.0.0.9", List.of());
        QuarkusTransaction.requiringNew()
                .call(() -> intake.submit(number, submission, "ABCD2345", "http://localhost:8080/public/progress"));

        String request = "/agent/intake/" + number;
        String page = Pages.as("agent").get(request).then().statusCode(200).extract().asString();
        assertThat(page).contains("可能重复").contains("data-number=\"" + existing + "\"").contains("同一来电号码")
                .contains("value=\"LINK:" + existing + "\"").contains("value=\"MERGE:" + existing + "\"");

        String done = Pages.form("agent", request).formParam("requestType", "COMPLAINT")
                .formParam("title", "小区门口积水还没人管").formParam("content", "上周反映的小区门口积水问题至今没有处理")
                .formParam("district", "城北区").formParam("street", "北苑街道").formParam("categoryCode", "010101")
                .formParam("duplicateChoice", "LINK:" + existing).redirects().follow(false).post(request + "/register")
                .then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(done, StandardCharsets.UTF_8))
                .contains("已受理网络诉求 " + number).contains("已关联至工单 " + existing);
        as("agent").get("/api/duplicates/" + number).then().statusCode(200)
                .body("relations.relatedTo", contains(existing)).body("repeat", equalTo(true));
        as("agent").get("/api/duplicates/" + existing).then().body("relations.relatedLater", contains(number));
    }
}
