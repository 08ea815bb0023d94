package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged instances on one database, each with its own embedded index (issue 17, item 13): an article saved on
 * one is found on the other within seconds, a revision saved on the second reaches the first, and each instance's
 * knowledge health says how far behind it is.
 */
class KnowledgeInstancesIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path indexes;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anArticleSavedOnOneInstanceIsFoundOnTheOther() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
            int portA = Ports.free();
            int portB = Ports.free();
            String a = "http://localhost:" + portA;
            String b = "http://localhost:" + portB;
            Process first = start(database, portA, "a", "knowledge-instance-a.log");
            Process second = null;
            try {
                ServiceProcess.awaitReady(first, a, "knowledge-instance-a.log");
                // one at a time: the first imports the shipped articles and encodes them
                second = start(database, portB, "b", "knowledge-instance-b.log");
                ServiceProcess.awaitReady(second, b, "knowledge-instance-b.log");

                String marker = Articles.marker();
                String title = "两个实例共用一个数据库 " + marker;
                HttpResponse<String> created = send(a, "editor", "POST", "/api/knowledge/articles", """
                        {"title":"%s","questions":["多实例测试"],"answer":"多实例部署时条目在各实例都能查到。%s",
                         "categoryCode":"130401","departmentCode":"APPROVAL","source":{"name":"测试依据"},
                         "effectiveFrom":"2024-01-01","status":"PUBLISHED"}""".formatted(title, marker));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String slug = created.body().replaceAll(".*\"slug\":\"([^\"]+)\".*", "$1");
                awaitFound(b, marker, title);

                HttpResponse<String> revised = send(b, "editor", "PUT", "/api/knowledge/articles/" + slug, """
                        {"title":"%s 已修订","questions":["多实例测试"],"answer":"修订后的答案。%s",
                         "categoryCode":"130401","departmentCode":"APPROVAL","source":{"name":"测试依据"},
                         "effectiveFrom":"2024-01-01","status":"PUBLISHED","version":1}"""
                        .formatted(title, marker));
                assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
                awaitFound(a, marker, title + " 已修订");

                for (String base : new String[]{a, b}) {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/q/health/group/knowledge")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    assertThat(health.body()).contains("behindSeconds");
                }
            } finally {
                stop(second);
                stop(first);
            }
        }
    }

    private Process start(EmbeddedDatabase database, int port, String name, String log) throws IOException {
        return ServiceProcess.start(database, port, Map.of(
                "HOTLINE_KNOWLEDGE_LUCENE_DIRECTORY", indexes.resolve(name).toString(),
                "HOTLINE_KNOWLEDGE_DIRECTORY", Path.of("knowledge-base").toAbsolutePath().toString(),
                "HOTLINE_KNOWLEDGE_FOLLOW_EVERY", "1s"), log);
    }

    private void awaitFound(String base, String marker, String title) {
        await(base + " finds \"" + title + "\"").atMost(WITHIN).until(() -> send(base, "agent", "GET",
                "/api/knowledge/articles?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8), null),
                found -> found.statusCode() == 200 && found.body().contains("\"title\":\"" + title + "\""));
    }

    private HttpResponse<String> send(String base, String user, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo12345").getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void stop(Process service) throws InterruptedException {
        if (service == null) {
            return;
        }
        service.destroy();
        if (!service.waitFor(60, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
    }
}
