package org.hotline12345.partner;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.hotline12345.support.Api;

import io.restassured.response.Response;

/** A partner system calling the hotline: each request signed with its secret as docs/partners.md says. */
final class PartnerClient {

    final String code;
    final String apiKey;
    final String secret;

    PartnerClient(String code, String apiKey, String secret) {
        this.code = code;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /** Registers a partner as the administrator and returns it with its credentials. */
    static PartnerClient register(String code, String kind, String callbackUrl, boolean trusted,
            String... requestTypes) {
        Map<String, Object> partner = new java.util.HashMap<>(Map.of("code", code, "name", "测试合作方 " + code,
                "kind", kind, "requestTypes", java.util.List.of(requestTypes), "trusted", trusted));
        if (callbackUrl != null) {
            partner.put("callbackUrl", callbackUrl);
        }
        io.restassured.path.json.JsonPath created = Api.as("admin").body(partner).post("/api/admin/partners").then()
                .statusCode(201).extract().jsonPath();
        return new PartnerClient(code, created.getString("apiKey"), created.getString("secret"));
    }

    Response post(String path, String body) {
        return post(path, body, Instant.now().getEpochSecond(), secret);
    }

    Response post(String path, String body, long timestamp, String signingSecret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = PartnerReceiver.hmac(signingSecret,
                "POST\n" + path + "\n" + timestamp + "\n" + PartnerReceiver.sha256(bytes));
        return given().header("X-Api-Key", apiKey).header("X-Timestamp", String.valueOf(timestamp))
                .header("X-Signature", signature).contentType("application/json").body(bytes).post(path);
    }

    Response get(String pathAndQuery) {
        long timestamp = Instant.now().getEpochSecond();
        String signature = PartnerReceiver.hmac(secret,
                "GET\n" + pathAndQuery + "\n" + timestamp + "\n" + PartnerReceiver.sha256(new byte[0]));
        return given().header("X-Api-Key", apiKey).header("X-Timestamp", String.valueOf(timestamp))
                .header("X-Signature", signature).urlEncodingEnabled(false).get(pathAndQuery);
    }
}
