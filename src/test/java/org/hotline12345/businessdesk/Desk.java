package org.hotline12345.businessdesk;

import static org.hotline12345.support.Api.as;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.workorder.CreditCode;

/** Enterprise requests for the desk's tests. */
final class Desk {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Desk() {
    }

    /** A valid unified social credit code no other test uses. */
    static String creditCode() {
        StringBuilder first17 = new StringBuilder("91330100");
        for (int i = 0; i < 9; i++) {
            first17.append(RANDOM.nextInt(10));
        }
        return first17.toString() + CreditCode.checkCharacter(first17.toString());
    }

    /** Registers an enterprise request dispatched to {@code lead}; returns the work order's number. */
    static String enterpriseRequest(String creditCode, String lead, boolean simple) {
        Map<String, Object> body = Api.registration();
        body.put("enterprise", Map.of("name", "测试科技有限公司" + creditCode.substring(10), "creditCode", creditCode));
        body.put("title", "企业反映账款拖欠 " + creditCode);
        body.put("simple", simple);
        body.put("dispatch", Api.dispatchTo(lead));
        return Api.register(body);
    }

    static long entryOf(String number) {
        return ((Number) as("desk").get("/api/desk/ledger/by-work-order/" + number).then().statusCode(200)
                .extract().path("entry.id")).longValue();
    }

    /** The lead department accepts and replies, as {@code staff}. */
    static void reply(String staff, String number) {
        Api.step(staff, number, "accept").statusCode(200);
        Api.step(staff, number, "reply", Map.of("content", "已协调相关单位，款项将于本月内支付。")).statusCode(200);
    }

    static Map<String, Object> verification(String view) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", "PHONE");
        body.put("enterpriseView", view);
        body.put("comment", "企业确认已收到回复");
        return body;
    }
}
