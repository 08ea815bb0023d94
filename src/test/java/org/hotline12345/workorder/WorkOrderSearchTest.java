package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.registration;
import static org.hotline12345.support.Api.step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Filters, text search and paging of the work-order list. */
@QuarkusTest
class WorkOrderSearchTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Registers a work order whose content carries {@code marker}, so each test sees only its own. */
    private static String register(String marker, Map<String, Object> changes, Map<String, Object> dispatch) {
        Map<String, Object> body = registration();
        body.put("content", "诉求内容 " + marker);
        body.putAll(changes);
        if (dispatch != null) {
            body.put("dispatch", dispatch);
        }
        return Api.register(body);
    }

    @Test
    void filtersCombine() {
        String marker = UUID.randomUUID().toString();
        String housing = register(marker, Map.of("requestType", "COMPLAINT"), Api.dispatchTo("HOUSING"));
        String market = register(marker, Map.of("requestType", "CONSULTATION", "categoryCode", "080101"),
                Api.dispatchTo("SAMR"));
        String fresh = register(marker, Map.of("requestType", "HELP", "channel", "WECHAT"), null);

        as("agent").queryParam("q", marker).get("/api/work-orders").then().body("total", equalTo(3));
        as("agent").queryParam("q", marker).queryParam("status", "REGISTERED").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(fresh)));
        as("agent").queryParam("q", marker).queryParam("status", "REGISTERED,DISPATCHED").get("/api/work-orders")
                .then().body("total", equalTo(3));
        as("agent").queryParam("q", marker).queryParam("department", "SAMR").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(market)));
        as("agent").queryParam("q", marker).queryParam("requestType", "COMPLAINT").queryParam("requestType", "HELP")
                .get("/api/work-orders").then().body("total", equalTo(2)).body("items.number", not(hasItem(market)));
        as("agent").queryParam("q", marker).queryParam("channel", "WECHAT").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(fresh)));
        as("agent").queryParam("q", marker).queryParam("category", "08").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(market)))
                .body("items[0].category.code", startsWith("08"));
        as("agent").queryParam("q", marker).queryParam("category", "01").get("/api/work-orders").then()
                .body("total", equalTo(2)).body("items.number", hasItem(housing));
    }

    @Test
    void textMatchesTitleOrContentIgnoringCase() {
        String marker = "Marker" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = registration();
        body.put("title", "路灯不亮 " + marker);
        String number = Api.register(body);
        as("agent").queryParam("q", marker.toLowerCase()).get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(number)));
        as("agent").queryParam("q", "路灯不亮 " + marker).get("/api/work-orders").then().body("total", equalTo(1));
    }

    @Test
    void pagesAreStableAndCountTheWhole() {
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            register(marker, Map.of(), null);
        }
        List<String> first = as("agent").queryParam("q", marker).queryParam("size", 2).get("/api/work-orders").then()
                .body("total", equalTo(5)).body("items", hasSize(2)).body("page", equalTo(0)).extract()
                .path("items.number");
        List<String> third = as("agent").queryParam("q", marker).queryParam("size", 2).queryParam("page", 2)
                .get("/api/work-orders").then().body("total", equalTo(5)).body("items", hasSize(1)).extract()
                .path("items.number");
        as("agent").queryParam("q", marker).queryParam("size", 2).queryParam("page", 7).get("/api/work-orders")
                .then().body("total", equalTo(5)).body("items", hasSize(0));
        assertThat(first).doesNotContainAnyElementsOf(third);
        List<String> ascending = as("agent").queryParam("q", marker).queryParam("sort", "number")
                .get("/api/work-orders").then().extract().path("items.number");
        assertThat(ascending).isSorted();
        List<String> newestFirst = as("agent").queryParam("q", marker).get("/api/work-orders").then().extract()
                .path("items.number");
        List<String> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        assertThat(newestFirst).containsExactlyElementsOf(descending);
    }

    @Test
    void overdueMeansHeldByADepartmentPastItsDeadline() {
        String marker = UUID.randomUUID().toString();
        clock.set(Shanghai.at("2026-11-23T10:00"));
        String late = register(marker, Map.of(), Api.dispatchTo("HOUSING"));
        String onTime = register(marker, Map.of(), Api.dispatchTo("HOUSING"));
        step("housing", onTime, "accept").statusCode(200);
        clock.set(Shanghai.at("2026-11-24T10:01"));
        as("agent").queryParam("q", marker).queryParam("overdue", "true").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(late)))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].acceptClock.overdue", equalTo(true));
        as("agent").queryParam("q", marker).queryParam("overdue", "false").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(onTime)));
        clock.advance(Duration.ofDays(7));
        as("agent").queryParam("q", marker).queryParam("overdue", "true").get("/api/work-orders").then()
                .body("total", equalTo(2)).body("items.overdue", everyItem(equalTo(true)));
    }

    @Test
    void registrationDatesAreInclusiveInTheCityZone() {
        String marker = UUID.randomUUID().toString();
        clock.set(Shanghai.at("2026-11-20T23:30"));
        String friday = register(marker, Map.of(), null);
        clock.set(Shanghai.at("2026-11-21T00:30"));
        String saturday = register(marker, Map.of(), null);
        as("agent").queryParam("q", marker).queryParam("registeredFrom", "2026-11-20")
                .queryParam("registeredTo", "2026-11-20").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(friday)));
        as("agent").queryParam("q", marker).queryParam("registeredFrom", "2026-11-21").get("/api/work-orders").then()
                .body("items.number", equalTo(List.of(saturday)));
        assertThat(friday).startsWith("20261120-");
        assertThat(saturday).startsWith("20261121-");
    }
}
