package org.hotline12345.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.startsWithIgnoringCase;
import static org.hotline12345.support.Api.PASSWORD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Every error of the API is the documented problem document, whichever layer refuses the request: the security layer
 * (401, 403), routing (404, 405, 406, 415), the CSRF filter and the HTTP server itself (411, 413, 414).
 */
@QuarkusTest
class ErrorDocumentsTest extends DatabaseTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anUnauthenticatedCallIsAProblemThatStillAsksForCredentials() {
        problem(given().get("/api/work-orders"), 401).header("WWW-Authenticate",
                startsWithIgnoringCase("basic realm="));
        // a name nobody has, so that no real user is locked out by the failed sign-in
        problem(given().auth().preemptive().basic("nobody-at-all", "wrong-password").get("/api/work-orders"), 401)
                .header("WWW-Authenticate", startsWithIgnoringCase("basic realm="));
    }

    @Test
    void aRoleThatMayNotIsAProblem() {
        problem(Api.as("agent").get("/api/users"), 403);
    }

    @Test
    void routingErrorsAreProblems() {
        problem(Api.as("agent").get("/api/no-such-thing"), 404);
        problem(Api.as("agent").delete("/api/work-orders"), 405);
        problem(as("agent").accept("image/png").get("/api/work-orders"), 406);
        problem(as("agent").contentType("text/plain").body("x").post("/api/work-orders"), 415);
    }

    @Test
    void aFormPostedToAJsonEndpointIsAProblem() {
        // the CSRF filter refuses a form without its token before the endpoint's media type is matched
        problem(as("agent").contentType("application/x-www-form-urlencoded").formParam("title", "x")
                .post("/api/work-orders"), 400);
        problem(as("agent").contentType("multipart/form-data").multiPart("title", "x").post("/api/work-orders"),
                400);
    }

    @Test
    void aMalformedContentTypeIsAProblem() {
        for (String contentType : new String[]{"%%%/;;;", "a", "application/json; charset=nonsense", "/", ";"}) {
            Response response = as("agent").header("Content-Type", contentType)
                    .body("{}".getBytes(StandardCharsets.US_ASCII)).post("/api/work-orders");
            assertThat(response.statusCode()).as(contentType).isBetween(400, 499);
            assertThat(response.contentType()).as(contentType).startsWith(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void aBodyOverTheLimitIsAProblem() throws IOException {
        String declared = "POST /api/work-orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("agent")
                + "\r\nContent-Type: application/json\r\nContent-Length: " + 12 * 1024 * 1024 + "\r\n\r\n{";
        RawResponse tooLarge = RawResponse.exchange(base, declared, null);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("content-type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(tooLarge.body()).contains("\"status\":413");

        // a body of unknown length would be cut off at the limit while it is read, with an empty answer
        String chunked = "POST /api/work-orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("agent")
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        RawResponse streamed = RawResponse.exchange(base, chunked, ("{\"title\":\"" + "长".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(streamed.status()).isEqualTo(411);
        assertThat(streamed.header("content-type")).startsWith(Problem.MEDIA_TYPE);
    }

    @Test
    void anOverlongAddressIsAProblem() {
        problem(Api.as("agent").urlEncodingEnabled(false).get("/api/work-orders?q=" + "x".repeat(70_000)), 414);
    }

    @Test
    void aLongCitizenQuestionIsSearchedNotRefused() {
        String question = "我家小区物业公司未经业主大会同意擅自上调物业费，".repeat(20);
        assertThat(question.length()).isGreaterThan(450);
        Api.as("agent").urlEncodingEnabled(false)
                .get("/api/knowledge/articles?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)).then()
                .statusCode(200);
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(status)).body("title", notNullValue()).body("type", startsWith("urn:"));
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(
                StandardCharsets.UTF_8));
    }

    /**
     * An HTTP/1.1 exchange over a plain socket, for what HTTP clients will not send: a body larger than it says, or
     * one the server refuses while it still arrives.
     */
    record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        /** Sends the head, then (if given) the chunk again and again until the server answers or closes. */
        static RawResponse exchange(URI base, String head, byte[] chunk) throws IOException {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (chunk != null) {
                    try {
                        for (int i = 0; i < 64 && socket.getInputStream().available() == 0; i++) {
                            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(
                                    StandardCharsets.ISO_8859_1));
                            out.write(chunk);
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    } catch (IOException closedWhileSending) {
                        // the server answered and closed the connection: its answer is still to be read
                    }
                }
                return read(socket.getInputStream());
            }
        }

        private static RawResponse read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }
}
