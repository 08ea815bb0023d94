package org.hotline12345.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.Pages;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one database, as a city runs them: what one instance changes about a user (sign-out,
 * disabling, a lock, a reset) holds on the other at once, a page session is valid on both, an attachment saved on one
 * is served by the other; and without a shared session key production refuses to start.
 */
class SeveralInstancesIT {

    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([0-9-]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":([0-9]+)");

    private static EmbeddedDatabase database;
    private static Process first;
    private static Process second;
    private static String a;
    private static String b;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = EmbeddedDatabase.startEphemeral();
        int portA = Ports.free();
        int portB = Ports.free();
        a = "http://localhost:" + portA;
        b = "http://localhost:" + portB;
        first = ServiceProcess.start(database, portA, Map.of(), "instance-a.log");
        ServiceProcess.awaitReady(first, a, "instance-a.log");
        second = ServiceProcess.start(database, portB, Map.of(), "instance-b.log");
        ServiceProcess.awaitReady(second, b, "instance-b.log");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process process : new Process[]{first, second}) {
            if (process != null) {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSessionIsValidOnEveryInstanceAndSigningOutOnOneEndsItOnAll() throws Exception {
        String user = newUser("AGENT");
        String cookie = ServiceProcess.signIn(http, a, user, "first-password").orElseThrow();
        assertThat(page(b, "/agent", cookie).statusCode()).isEqualTo(200);
        HttpResponse<String> desk = page(a, "/agent", cookie);
        String csrf = ServiceProcess.cookie(desk, "csrf-token").orElseThrow();
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(a + "/logout"))
                .header("Cookie", cookie + "; " + csrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + Pages.token(desk.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(page(b, "/agent", cookie).statusCode()).as("the cookie replayed on the other instance")
                .isEqualTo(302);
    }

    @Test
    void disablingOnOneInstanceLocksTheUserOutOfTheOtherAtOnce() throws Exception {
        String user = newUser("AGENT");
        assertThat(api(b, "GET", "/api/me", user, "first-password", null).statusCode()).isEqualTo(200);
        assertThat(api(a, "PUT", "/api/users/" + user, "admin", "demo12345",
                "{\"displayName\":\"已停用\",\"role\":\"AGENT\",\"active\":false}").statusCode()).isEqualTo(200);
        // the announcement travels through PostgreSQL: milliseconds, where a cache expiring took minutes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (api(b, "GET", "/api/me", user, "first-password", null).statusCode() != 401) {
            assertThat(System.nanoTime()).as("refused on the other instance within 2 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aLockOnOneInstanceHoldsOnTheOtherAndLooksLikeAWrongPassword() throws Exception {
        String user = newUser("AGENT");
        assertThat(api(b, "GET", "/api/me", user, "first-password", null).statusCode()).isEqualTo(200);
        long wrong = 0;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            assertThat(api(a, "GET", "/api/me", user, "guess-" + i, null).statusCode()).isEqualTo(401);
            wrong = System.nanoTime() - started;
        }
        long started = System.nanoTime();
        assertThat(api(b, "GET", "/api/me", user, "first-password", null).statusCode())
                .as("the right password, remembered on the other instance, while locked").isEqualTo(401);
        long locked = System.nanoTime() - started;
        assertThat(locked).as("a locked name is answered after the same hash as a wrong password")
                .isGreaterThan(wrong / 3);
        assertThat(api(a, "PUT", "/api/users/" + user + "/password", "admin", "demo12345",
                "{\"password\":\"reset-password\"}").statusCode()).isEqualTo(204);
        assertThat(api(b, "GET", "/api/me", user, "reset-password", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAttachmentSavedOnOneInstanceIsServedByTheOther() throws Exception {
        HttpResponse<String> created = api(a, "POST", "/api/work-orders", "agent", "demo12345", """
                {"channel":"PHONE","requestType":"COMPLAINT",
                 "citizen":{"name":"王五","phone":"13900002222","occupation":"OTHER"},
                 "title":"两个实例的附件","content":"附件在一个实例保存，另一个实例读取。",
                 "location":{"district":"城东区","street":"东门街道","address":"幸福路8号"},
                 "categoryCode":"010101","autoDispatch":false}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher number = NUMBER.matcher(created.body());
        assertThat(number.find()).isTrue();
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(
                a + "/api/work-orders/" + number.group(1) + "/attachments?name=evidence.pdf"))
                .header("Authorization", basic("agent", "demo12345")).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        Matcher id = ID.matcher(uploaded.body());
        assertThat(id.find()).isTrue();
        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(URI.create(
                b + "/api/work-orders/" + number.group(1) + "/attachments/" + id.group(1)))
                .header("Authorization", basic("agent", "demo12345")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(pdf);
    }

    @Test
    void productionWithAConfiguredDatabaseRefusesToStartWithoutASessionKey() throws Exception {
        Process keyless = ServiceProcess.start(database, Ports.free(), Map.of("HOTLINE_SESSION_KEY", ""),
                "instance-without-key.log");
        assertThat(keyless.waitFor(3, TimeUnit.MINUTES)).as("the service exits").isTrue();
        assertThat(keyless.exitValue()).isNotZero();
        assertThat(Files.readString(Path.of("target", "instance-without-key.log"))).contains("HOTLINE_SESSION_KEY");
    }

    private String newUser(String role) throws Exception {
        String username = "c" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api(a, "POST", "/api/users", "admin", "demo12345",
                "{\"username\":\"" + username + "\",\"password\":\"first-password\",\"displayName\":\"两实例\","
                        + "\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    private HttpResponse<String> page(String base, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> api(String base, String method, String path, String user, String password,
            String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        request.method(method, json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
