package org.hotline12345.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.as;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline12345.deadline.DeadlineSupervisor;
import org.hotline12345.sms.SmsKind;
import org.hotline12345.sms.SmsQueue;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What an operator sees of the running service: the Prometheus scrape after real actions, the log context, and that
 * no citizen's phone or name reaches the log.
 */
@QuarkusTest
class ObservabilityTest extends DatabaseTest {

    private static final Path DASHBOARD = Path.of("docker/grafana/dashboards/hotline.json");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Inject
    BusinessMetrics metrics;

    @Inject
    MutableClock clock;

    @Inject
    DeadlineSupervisor supervisor;

    @Inject
    SmsQueue sms;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theScrapeShowsTheBusinessFiguresMoveWithRealActions() throws SQLException, IOException {
        metrics.refresh();
        String before = scrape();

        Map<String, Object> byPhone = Api.registration();
        Api.register(byPhone);
        Map<String, Object> online = Api.registration();
        online.put("channel", "WEB");
        Api.register(online);
        // dispatched to HOUSING a month ago and never accepted: its accept clock ran out long since
        clock.set(Shanghai.at("2026-11-02T10:00"));
        Api.registerDispatched("HOUSING");
        clock.reset();
        supervisor.pass(clock.instant());
        // queued in the quiet hours of a night to come: waits for the morning
        clock.set(Shanghai.at("2030-01-07T23:30"));
        QuarkusTransaction.requiringNew().run(() -> sms.queue(SmsKind.CLOSED, "13700000000",
                Map.of("number", "20300107-000001"), "20300107-000001"));
        clock.reset();

        metrics.refresh();
        String after = scrape();

        assertThat(delta(before, after, "hotline_registrations_total", "channel=\"PHONE\"")).isEqualTo(2);
        assertThat(delta(before, after, "hotline_registrations_total", "channel=\"WEB\"")).isEqualTo(1);
        assertThat(delta(before, after, "hotline_registrations_total", "channel=\"APP\"")).isZero();
        assertThat(delta(before, after, "hotline_work_orders_open", "status=\"REGISTERED\"")).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "hotline_work_orders_open", "status=\"DISPATCHED\"")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "hotline_overdue_clocks", "department=\"HOUSING\"")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "hotline_deadline_cards", "level=\"RED\"")
                + delta(before, after, "hotline_deadline_cards", "level=\"ESCALATED\"")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "hotline_sms_pending", "")).isGreaterThanOrEqualTo(1);

        // the figures without a change here are still exposed
        assertThat(sum(after, "hotline_partner_deliveries_pending", "")).isNotNull();
        assertThat(sum(after, "hotline_knowledge_index_lag", "")).isNotNull();
        assertThat(sum(after, "hotline_agents", "state=\"READY\"")).isNotNull();
        assertThat(sum(after, "hotline_queue_waiting", "queue=")).isNotNull();
        // HTTP, JDBC pool and JVM metrics
        assertThat(sum(after, "http_server_requests_seconds_count", "uri=\"/api/work-orders\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(sum(after, "http_server_requests_seconds_bucket", "le=\"0.15\"")).isNotNull();
        assertThat(sum(after, "agroal_active_count", "")).isNotNull();
        assertThat(sum(after, "jvm_memory_used_bytes", "")).isPositive();

        // the Grafana dashboard asks only for series the service exposes
        Matcher named = Pattern.compile("\\b(hotline_[a-z_]+|http_server_requests_seconds_[a-z]+|agroal_[a-z_]+"
                + "|jvm_[a-z_]+)\\b").matcher(Files.readString(DASHBOARD, StandardCharsets.UTF_8));
        List<String> asked = new ArrayList<>();
        while (named.find()) {
            // one series per Asterisk server: none while telephony is off, as here
            if (!named.group(1).equals("hotline_ami_connected")) {
                asked.add(named.group(1));
            }
        }
        assertThat(asked).as("metrics the dashboard shows").hasSizeGreaterThan(10)
                .allSatisfy(metric -> assertThat(sum(after, metric, "")).as(metric + " in the scrape").isNotNull());
    }

    @Test
    void tracesAreNotExportedWithoutAnEndpoint() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void theLogCarriesTheWorkOrderAndCallButNeverTheCitizen() {
        List<ExtLogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord line = ExtLogRecord.wrap(record);
                // the log context as it is on the thread that logs, before the request's end clears it
                line.copyMdc();
                synchronized (records) {
                    records.add(line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger hotline = Logger.getLogger("org.hotline12345");
        Level level = hotline.getLevel();
        root.addHandler(capture);
        hotline.setLevel(Level.FINEST);
        String name = "欧阳明远";
        String phone = "13912398765";
        try {
            Map<String, Object> body = Api.registration();
            @SuppressWarnings("unchecked")
            Map<String, Object> citizen = (Map<String, Object>) body.get("citizen");
            citizen.put("name", name);
            citizen.put("phone", phone);
            body.put("dispatch", Api.dispatchTo("HOUSING"));
            String number = Api.register(body);
            Api.step("housing", number, "accept").statusCode(200);
            as("agent").get("/api/work-orders/" + number).then().statusCode(200);
            given().get("/test/log-context/work-orders/" + number).then().statusCode(204);
            given().get("/test/log-context/calls/1765090000.42").then().statusCode(204);

            synchronized (records) {
                assertThat(records).as("lines logged while the work order was handled").isNotEmpty();
                assertThat(records).filteredOn(r -> "work order probe".equals(r.getFormattedMessage()))
                        .singleElement().satisfies(r -> assertThat(r.getMdc(LogContext.WORK_ORDER)).isEqualTo(number));
                assertThat(records).filteredOn(r -> "call probe".equals(r.getFormattedMessage()))
                        .singleElement().satisfies(r -> assertThat(r.getMdc(LogContext.CALL_ID))
                                .isEqualTo("1765090000.42"));
                for (ExtLogRecord record : records) {
                    String line = record.getFormattedMessage() + " " + record.getMdcCopy()
                            + (record.getThrown() == null ? "" : " " + record.getThrown());
                    assertThat(line).doesNotContain(phone).doesNotContain(name);
                }
            }
        } finally {
            root.removeHandler(capture);
            hotline.setLevel(level);
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, String label) {
        Double was = sum(before, name, label);
        Double is = sum(after, name, label);
        assertThat(is).as(name + " " + label + " in the scrape").isNotNull();
        return is - (was == null ? 0 : was);
    }

    /** The sum of the series of {@code name} whose labels contain {@code label}, {@code null} when there is none. */
    private static Double sum(String scrape, String name, String label) {
        Double total = null;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)
                    && (sample.group(2) == null ? "" : sample.group(2)).contains(label)) {
                total = (total == null ? 0 : total) + Double.parseDouble(sample.group(3));
            }
        }
        return total;
    }
}
