package org.hotline12345.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.RecordingOutboundChannel;
import org.hotline12345.support.Sockets;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The inbox, live pushes over WebSocket, and the outbound channel. */
@QuarkusTest
class NotificationTest extends DatabaseTest {

    @TestHTTPResource("/ws/notifications")
    URI socket;

    @Inject
    OutboundDelivery outbound;

    @Inject
    RecordingOutboundChannel channel;

    @Test
    void anUrgeReachesTheDepartmentsInboxOnly() {
        String number = registerDispatched("HOUSING");
        step("supervisor", number, "urge", Map.of("comment", "市民第三次来电")).statusCode(200);
        List<Map<String, Object>> inbox = as("housing").queryParam("size", 200).get("/api/notifications").then()
                .statusCode(200).extract().path("items.findAll { it.workOrderNumber == '" + number + "' }");
        assertThat(inbox).singleElement().satisfies(n -> {
            assertThat(n.get("kind")).isEqualTo("URGE");
            assertThat((String) n.get("body")).contains("市民第三次来电").contains("陈班长");
            assertThat(n.get("toDepartment")).isEqualTo(true);
        });
        as("market").queryParam("size", 200).get("/api/notifications").then()
                .body("items.workOrderNumber", not(hasItem(number)));
    }

    @Test
    void readingMarksTheNotificationForTheDepartment() {
        String number = registerDispatched("D-EAST");
        step("supervisor", number, "supervise", Map.of("comment", "列入督办")).statusCode(200);
        long unread = ((Number) as("east").get("/api/notifications/unread-count").then().extract().path("unread"))
                .longValue();
        int id = as("east").queryParam("unread", "true").queryParam("size", 200).get("/api/notifications").then()
                .extract().path("items.find { it.workOrderNumber == '" + number + "' }.id");
        as("east").post("/api/notifications/" + id + "/read").then().statusCode(200)
                .body("readBy", equalTo("east")).body("kind", equalTo("SUPERVISE"));
        as("east").get("/api/notifications/unread-count").then().body("unread", equalTo((int) unread - 1));
        as("market").post("/api/notifications/" + id + "/read").then().statusCode(404);
        as("east").post("/api/notifications/read-all").then().statusCode(200);
        as("east").get("/api/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void aNotificationIsPushedLiveToTheRecipientsOpenSessions() throws Exception {
        BlockingQueue<String> housing = new LinkedBlockingQueue<>();
        BlockingQueue<String> market = new LinkedBlockingQueue<>();
        try (Session housingSession = connect("housing", housing); Session marketSession = connect("market", market)) {
            String number = registerDispatched("HOUSING");
            step("supervisor", number, "urge", Map.of("comment", "请今天内联系市民")).statusCode(200);
            String message = housing.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull().contains("\"workOrderNumber\":\"" + number + "\"")
                    .contains("\"kind\":\"URGE\"");
            assertThat(market.poll(1, TimeUnit.SECONDS)).as("another department hears nothing").isNull();
        }
    }

    @Test
    void theSocketRefusesAnonymousUsers() throws Exception {
        BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
        try {
            ContainerProvider.getWebSocketContainer().connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                }

                @Override
                public void onClose(Session session, CloseReason reason) {
                    closed.add(reason);
                }
            }, ClientEndpointConfig.Builder.create().build(), ws());
        } catch (DeploymentException refusedAtUpgrade) {
            return;
        }
        CloseReason reason = closed.poll(5, TimeUnit.SECONDS);
        assertThat(reason).as("closed by the server").isNotNull();
        assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
    }

    @Test
    void outboundDeliveryHandsEachNotificationOverOnceAndRetriesFailures() {
        drainOutbound();
        String number = registerDispatched("SAMR");
        channel.failing = true;
        try {
            step("supervisor", number, "urge", Map.of("comment", "短信催办")).statusCode(200);
            assertThat(outbound.deliverPending()).isZero();
        } finally {
            channel.failing = false;
        }
        channel.delivered.clear();
        drainOutbound();
        drainOutbound();
        assertThat(channel.delivered).filteredOn(message -> number.equals(message.workOrderNumber()))
                .singleElement().satisfies(message -> {
                    assertThat(message.kind()).isEqualTo(NotificationKind.URGE);
                    assertThat(message.recipientDepartmentId()).isNotNull();
                });
    }

    private void drainOutbound() {
        while (outbound.deliverPending() > 0) {
            // until nothing is left to hand over
        }
    }

    private URI ws() {
        return Sockets.ws(socket);
    }

    private Session connect(String username, BlockingQueue<String> received) throws Exception {
        return Sockets.open(socket, username, received);
    }
}
