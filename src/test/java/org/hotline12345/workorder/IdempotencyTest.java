package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A retried registration returns the first result and creates nothing. */
@QuarkusTest
class IdempotencyTest extends DatabaseTest {

    @Inject
    IdempotencyPurge purge;

    @Inject
    MutableClock clock;

    @Inject
    DataSource dataSource;

    @Test
    void aRetryReturnsTheFirstWorkOrder() {
        Map<String, Object> body = registration();
        String key = UUID.randomUUID().toString();
        Response first = as("agent").header("Idempotency-Key", key).body(body).post("/api/work-orders");
        first.then().statusCode(201);
        Response retry = as("agent").header("Idempotency-Key", key).body(body).post("/api/work-orders");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("number", equalTo(first.path("number")));
        assertThat(countWithTitle(body.get("title"))).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        as("agent").header("Idempotency-Key", key).body(registration()).post("/api/work-orders").then().statusCode(201);
        as("agent").header("Idempotency-Key", key).body(registration()).post("/api/work-orders").then().statusCode(422)
                .body("violations[0].field", equalTo("Idempotency-Key"))
                .body("violations[0].rule", equalTo("reuse"));
    }

    @Test
    void keysBelongToTheirUser() {
        Map<String, Object> body = registration();
        String key = UUID.randomUUID().toString();
        String agents = as("agent").header("Idempotency-Key", key).body(body).post("/api/work-orders").then()
                .statusCode(201).extract().path("number");
        String desks = as("desk").header("Idempotency-Key", key).body(body).post("/api/work-orders").then()
                .statusCode(201).extract().path("number");
        assertThat(desks).isNotEqualTo(agents);
    }

    @Test
    void concurrentRetriesCreateOneWorkOrder() throws Exception {
        Map<String, Object> body = registration();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Response> post = () -> as("agent").header("Idempotency-Key", key).body(body)
                        .post("/api/work-orders");
                responses.add(pool.submit(post));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<Response> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(201);
                numbers.add(response.get().path("number"));
            }
            assertThat(numbers).containsOnly(numbers.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(countWithTitle(body.get("title"))).isEqualTo(1);
    }

    /**
     * Registrations that arrive together share a transaction, and two transactions may be open at once; when two of
     * them carry the same key, whichever claims it first creates the work order and its twin, in the same transaction
     * or the other, is answered with that work order once committed: none is lost or doubled.
     */
    @Test
    void registrationsWrittenTogetherEachGetTheirOwnOutcome() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Future<Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Map<String, Object> body = registration();
                body.put("dispatch", Api.dispatchTo("HOUSING"));
                bodies.add(body);
                String key = UUID.randomUUID().toString();
                for (int twin = 0; twin < 2; twin++) {
                    Callable<Response> post = () -> as("agent").header("Idempotency-Key", key).body(body)
                            .post("/api/work-orders");
                    responses.add(pool.submit(post));
                }
            }
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < responses.size(); i += 2) {
                Response first = responses.get(i).get();
                Response twin = responses.get(i + 1).get();
                assertThat(first.statusCode()).isEqualTo(201);
                assertThat(twin.statusCode()).isEqualTo(201);
                assertThat(twin.<String> path("number")).isEqualTo(first.path("number"));
                numbers.add(first.path("number"));
            }
            assertThat(numbers).doesNotHaveDuplicates();
            assertThat(watchedAmong(numbers)).as("each dispatched work order's clocks are watched")
                    .isEqualTo(numbers.size());
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(countWithTitle(bodies.get(i).get("title"))).isEqualTo(1);
                as("housing").get("/api/work-orders/" + numbers.get(i)).then().statusCode(200)
                        .body("status", equalTo("DISPATCHED"));
                assertThat(as("agent").get("/api/work-orders/" + numbers.get(i) + "/history").then().statusCode(200)
                        .extract().<List<String>> path("type")).containsExactly("REGISTERED", "DISPATCHED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysAreForgottenAfterTheRetentionPeriod() {
        Map<String, Object> body = registration();
        String key = UUID.randomUUID().toString();
        String first = as("agent").header("Idempotency-Key", key).body(body).post("/api/work-orders").then()
                .statusCode(201).extract().path("number");
        clock.set(Instant.now().plus(Duration.ofHours(25)));
        try {
            purge.purge();
            String later = as("agent").header("Idempotency-Key", key).body(body).post("/api/work-orders").then()
                    .statusCode(201).header("Idempotent-Replayed", (String) null).extract().path("number");
            assertThat(later).isNotEqualTo(first);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aMalformedKeyIsA400() {
        as("agent").header("Idempotency-Key", "x".repeat(101)).body(registration()).post("/api/work-orders").then()
                .statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
    }

    private int watchedAmong(List<String> numbers) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from deadline_watch w"
                        + " join work_order o on o.id = w.work_order_id where o.number = any(?)"
                        + " and w.accept_deadline is not null and w.reply_deadline is not null")) {
            query.setArray(1, connection.createArrayOf("varchar", numbers.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static int countWithTitle(Object title) {
        return as("agent").queryParam("q", title).get("/api/work-orders").then().statusCode(200).extract()
                .path("total");
    }
}
