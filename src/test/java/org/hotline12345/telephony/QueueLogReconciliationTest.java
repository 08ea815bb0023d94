package org.hotline12345.telephony;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * No call forgotten: rows in asterisk_queue_log as Asterisk 22's res_config_pgsql writes them (adaptive columns,
 * UTC times as text) complete the records of calls the service missed, and leave what it recorded itself alone. The
 * real Asterisk writing them, with the service stopped during a call, is RealPbxOutageIT's.
 */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class QueueLogReconciliationTest extends DatabaseTest {

    private static final DateTimeFormatter ASTERISK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    @Inject
    DataSource dataSource;

    @Inject
    QueueLogReconciler reconciler;

    @Inject
    CallStore store;

    @Test
    void callsTheServiceMissedGetTheirRecordsFromTheQueueLogAndItsOwnRecordsKeepWhatItSaw() throws Exception {
        TelephonyTestPeers.actingOnQueueActions();
        reconciler.reconcile();
        String answered = callId();
        String abandoned = callId();
        Instant start = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        insert(start, answered, "hotline", "NONE", "ENTERQUEUE", "", "13911112222", "1");
        insert(start, answered, "hotline", "NONE", "RECORDING", "2026/12/07/" + answered + ".wav");
        insert(start.plusSeconds(7), answered, "hotline", "agent", "CONNECT", "7", answered + "1", "2");
        insert(start.plusSeconds(52), answered, "hotline", "agent", "COMPLETECALLER", "7", "45", "1");
        insert(start.plusSeconds(1), abandoned, "business-desk", "NONE", "ENTERQUEUE", "", "13933334444", "1");
        insert(start.plusSeconds(1), abandoned, "business-desk", "NONE", "RECORDING", "2026/12/07/x.wav");
        insert(start.plusSeconds(31), abandoned, "business-desk", "NONE", "ABANDON", "1", "1", "30");

        // a call the service followed live: Asterisk's own rows of it change nothing it recorded
        Channel seen = Channel.caller("PJSIP/carrier-" + ThreadLocalRandom.current().nextInt(), callId(),
                "13955556666");
        Member member = new Member("hotline", "PJSIP/1120", "agent");
        AmiEvents.answeredCall(seen, Channel.agent("PJSIP/1120-1", callId(), seen), member, 3, 120)
                .forEach(FakeAsteriskResource.asterisk()::event);
        await("the live call written").atMost(ofSeconds(20)).until(() -> {
            try {
                return store.flush(5)
                        && as("supervisor").get("/api/telephony/calls/" + seen.uniqueId()).statusCode() == 200;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        insert(start, seen.uniqueId(), "hotline", "NONE", "ENTERQUEUE", "", "13955556666", "1");
        insert(start.plusSeconds(3), seen.uniqueId(), "hotline", "agent", "CONNECT", "3", "x", "1");
        insert(start.plusSeconds(999), seen.uniqueId(), "hotline", "agent", "COMPLETEAGENT", "3", "999", "1");

        String seenVersion = rowVersion(seen.uniqueId());
        // the service also reads the queue_log every minute and after reconnects: whichever run reads the rows
        reconciler.reconcile();
        assertThat(rowVersion(seen.uniqueId())).as("a record kept whole live is not written again").isEqualTo(
                seenVersion);

        JsonPath call = as("supervisor").get("/api/telephony/calls/" + answered).then().statusCode(200).extract()
                .jsonPath();
        assertThat(call.getString("direction")).isEqualTo("INBOUND");
        assertThat(call.getString("callerNumber")).isEqualTo("13911112222");
        assertThat(call.getString("queue")).isEqualTo("hotline");
        assertThat(call.getInt("waitSeconds")).isEqualTo(7);
        assertThat(call.getInt("talkSeconds")).isEqualTo(45);
        assertThat(call.getString("agentUsername")).isEqualTo("agent");
        assertThat(call.getString("endedBy")).isEqualTo("caller");
        assertThat(call.getBoolean("abandoned")).isFalse();
        assertThat(call.getBoolean("recorded")).isTrue();
        assertThat(Instant.parse(call.getString("answeredAt"))).isEqualTo(start.plusSeconds(7));
        as("supervisor").get("/api/telephony/calls/" + abandoned).then().statusCode(200)
                .body("abandoned", equalTo(true)).body("waitSeconds", equalTo(30)).body("recorded", equalTo(false))
                .body("queue", equalTo("business-desk"));
        as("supervisor").get("/api/telephony/calls/" + seen.uniqueId()).then().statusCode(200)
                .body("talkSeconds", equalTo(120)).body("endedBy", equalTo("caller"));

        assertThat(reconciler.reconcile()).as("rows are read once").isZero();
    }

    /** PostgreSQL's version of the record's row (xmin): it changes with every write of the row. */
    private String rowVersion(String callId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("select xmin::text from call_record where call_id = ?")) {
            statement.setString(1, callId);
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).as("the record of " + callId).isTrue();
                return result.getString(1);
            }
        }
    }

    private void insert(Instant at, String callId, String queue, String agent, String event, String... data)
            throws SQLException {
        String[] columns = new String[5];
        for (int i = 0; i < 5; i++) {
            columns[i] = i < data.length ? data[i] : "";
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO asterisk_queue_log (time,"
                        + " callid, queuename, agent, event, data1, data2, data3, data4, data5)"
                        + " VALUES (?::timestamp, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, ASTERISK_TIME.format(at));
            statement.setString(2, callId);
            statement.setString(3, queue);
            statement.setString(4, agent);
            statement.setString(5, event);
            for (int i = 0; i < 5; i++) {
                statement.setString(6 + i, columns[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String callId() {
        return "1791000000." + ThreadLocalRandom.current().nextInt(1_000_000);
    }
}
