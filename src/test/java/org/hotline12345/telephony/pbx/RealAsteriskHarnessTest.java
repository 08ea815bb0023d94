package org.hotline12345.telephony.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The harness's own parts, where the bundle is present even if this processor cannot run it: the installer's edits
 * find what they replace in the shipped files, and the SIPp scenarios speak SIP and RFC 2833 as they say, checked
 * against each other and against a minimal answering peer that reads the caller's RTP.
 */
@EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#present")
class RealAsteriskHarnessTest {

    private static RealAsterisk pbx;

    @BeforeAll
    static void prepare() {
        pbx = RealAsterisk.prepare(RealAsterisk.Options.of("harness", 4573).agents(12));
    }

    @AfterAll
    static void cleanUp() {
        pbx.close();
    }

    @Test
    void theInstallersEditsApplyToTheShippedFiles() throws IOException {
        String pjsip = Files.readString(pbx.conf().resolve("pjsip.conf"));
        assertThat(pjsip).contains("bind = 127.0.0.1:" + pbx.sipPort()).doesNotContain("CHANGE_ME_10")
                .doesNotContainPattern("(?m)^\\[carrier-registration]").doesNotContain("outbound_auth = carrier-auth")
                .contains("contact = sip:127.0.0.2:" + pbx.carrierPort()).contains("match = 127.0.0.2/32")
                .contains("[1012](agent-aor)").contains("password = phone1012Secret");
        assertThat(Files.readString(pbx.conf().resolve("manager.conf"))).contains("port = " + pbx.amiPort());
        assertThat(Files.readString(pbx.conf().resolve("manager.d/hotline-secret.conf")))
                .contains("secret = " + RealAsterisk.AMI_SECRET);
        assertThat(Files.readString(pbx.conf().resolve("extensions.conf"))).contains("HOTLINE_AGI = 127.0.0.1:4573");
        Path greeting = pbx.home().resolve("asterisk-22.10.1/var/lib/asterisk/sounds/zh/hotline/welcome.wav");
        assertThat(greeting).hasSize(44 + 2 * 16000);
    }

    @Test
    void aPhoneAnswersACallerAndHangsUpAsScripted() {
        try (Sipp phone = Sipp.answering(pbx, "harness-phone", RealAsterisk.HOST, pbx.sipPort(),
                Duration.ofMillis(200), Duration.ofMillis(800), "NEVER");
                Sipp call = Sipp.call(pbx, Sipp.Call.from("13800000001").keys("1", Duration.ofMillis(100)))) {
            assertThat(call.awaitExit(Duration.ofSeconds(20))).as(call.errors()).isZero();
            assertThat(call.messages()).contains("SIP/2.0 180 Ringing").contains("BYE sip:");
        }
    }

    @Test
    void aBusyLineAnswers486() {
        try (Sipp carrier = Sipp.answering(pbx, "harness-busy", RealAsterisk.HOST, pbx.sipPort(), Duration.ZERO,
                Duration.ofSeconds(1), "[0-9]*" + RealAsterisk.BUSY_SUFFIX);
                Sipp call = Sipp.call(pbx, Sipp.Call.from("13800000001").to("13912345486").keys("", Duration.ZERO)
                        .stay(Duration.ofSeconds(1)))) {
            assertThat(call.awaitExit(Duration.ofSeconds(20))).isNotZero();
            assertThat(call.messages()).contains("SIP/2.0 486 Busy Here");
        }
    }

    @Test
    void keysGoOutAsRfc2833EventsBesideTheAudio() throws Exception {
        try (DatagramSocket sip = new DatagramSocket(0, InetAddress.getByName(RealAsterisk.HOST));
                DatagramSocket rtp = new DatagramSocket(0, InetAddress.getByName(RealAsterisk.HOST))) {
            sip.setSoTimeout(10_000);
            rtp.setSoTimeout(3_000);
            Sipp.Call call = Sipp.Call.from("13800000002").keys("1", Duration.ofMillis(200))
                    .thenKeys("20261207#", Duration.ofSeconds(1)).stay(Duration.ofSeconds(8));
            try (Sipp caller = Sipp.callTo(pbx, call, RealAsterisk.HOST + ":" + sip.getLocalPort())) {
                DatagramPacket invite = receiveInvite(sip);
                byte[] ok = ok(text(invite), rtp.getLocalPort()).getBytes(StandardCharsets.UTF_8);
                sip.send(new DatagramPacket(ok, ok.length, invite.getSocketAddress()));
                List<Integer> events = new ArrayList<>();
                int audio = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(9).toNanos();
                try {
                    while ((events.size() < 10 || audio == 0) && System.nanoTime() < deadline) {
                        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                        rtp.receive(packet);
                        int payloadType = packet.getData()[1] & 0x7F;
                        if (payloadType == 96) {
                            int event = packet.getData()[12];
                            if (events.isEmpty() || events.get(events.size() - 1) != event) {
                                events.add(event);
                            }
                        } else if (payloadType == 8) {
                            audio++;
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // whatever arrived is checked below
                }
                assertThat(audio).as("A-law packets").isPositive();
                // RFC 4733: 0-9 are themselves, # is 11; a work order's number is longer than one play_dtmf takes
                assertThat(events).containsExactly(1, 2, 0, 2, 6, 1, 2, 0, 7, 11);
            }
        }
    }

    private static DatagramPacket receiveInvite(DatagramSocket socket) throws IOException {
        while (true) {
            DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
            socket.receive(packet);
            if (text(packet).startsWith("INVITE")) {
                return packet;
            }
        }
    }

    private static String text(DatagramPacket packet) {
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** A 200 OK to the INVITE whose SDP sends the caller's media to {@code rtpPort}. */
    private static String ok(String invite, int rtpPort) {
        String sdp = "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + rtpPort
                + " RTP/AVP 8 96\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:96 telephone-event/8000\r\n";
        return "SIP/2.0 200 OK\r\n" + header(invite, "Via") + header(invite, "From") + header(invite, "To")
                .replace("\r\n", ";tag=peer\r\n") + header(invite, "Call-ID") + header(invite, "CSeq")
                + "Contact: <sip:peer@127.0.0.1>\r\nContent-Type: application/sdp\r\nContent-Length: "
                + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static String header(String message, String name) {
        Matcher matcher = Pattern.compile("(?mi)^" + name + ":.*$").matcher(message);
        return matcher.find() ? matcher.group().strip() + "\r\n" : "";
    }
}
