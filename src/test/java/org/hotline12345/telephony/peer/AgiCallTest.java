package org.hotline12345.telephony.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.InvalidOrUnknownCommandException;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.hotline12345.support.Ports;
import org.hotline12345.telephony.peer.AgiCall.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AgiCall against Asterisk-Java's own FastAGI server. */
class AgiCallTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, AgiScript> scripts = new ConcurrentHashMap<>();
    private DefaultAgiServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(scripts);
        server = new DefaultAgiServer(mapping);
        server.setAddress(InetAddress.getLoopbackAddress());
        port = Ports.free();
        server.setPort(port);
        Thread thread = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "agi-server");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void variablesTheScriptSetsShowInTheTranscript() throws Exception {
        scripts.put("caller-lookup", (request, channel) -> {
            channel.answer();
            channel.setVariable("HOTLINE_CALLER", channel.getVariable("CALLERID(num)"));
            channel.setVariable("HOTLINE_VIP", channel.getFullVariable("${HOTLINE_LEVEL}-${NOT_SET}"));
            channel.setVariable("HOTLINE_MISSING", String.valueOf(channel.getVariable("NOT_SET")));
            channel.setVariable("HOTLINE_NOTE", "他说 \"你好\" \\ ok");
            channel.setVariable("HOTLINE_ARG", request.getArguments()[0]);
            channel.streamFile("hotline/welcome");
        });

        Transcript call = new AgiCall(port, "caller-lookup").callerId("13912345678").variable("HOTLINE_LEVEL", "vip")
                .args("12345").run(WAIT);

        assertThat(call.variables()).containsExactly(Map.entry("HOTLINE_CALLER", "13912345678"),
                Map.entry("HOTLINE_VIP", "vip-"), Map.entry("HOTLINE_MISSING", "null"),
                Map.entry("HOTLINE_NOTE", "他说 \"你好\" \\ ok"), Map.entry("HOTLINE_ARG", "12345"),
                Map.entry("AJ_AGISTATUS", "SUCCESS"));
        assertThat(call.commands()).startsWith("ANSWER", "GET VARIABLE \"CALLERID(num)\"")
                .contains("STREAM FILE \"hotline/welcome\" \"\"");
        assertThat(call.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"menu, choice, 2", "order-status, number, WO20240105001", "survey, result, 5"})
    void parametersAfterTheQuestionMarkReachTheScript(String script, String parameter, String value)
            throws Exception {
        scripts.put(script, (request, channel) -> channel.setVariable("HOTLINE_PARAMETER",
                request.getScript() + ":" + request.getParameter(parameter)));

        Transcript call = new AgiCall(port, script + "?" + parameter + "=" + value).run(WAIT);

        assertThat(call.variables()).containsEntry("HOTLINE_PARAMETER", script + ":" + value);
    }

    @Test
    void aHangUpReachesTheScriptAsAgiHangupExceptionAndTheServerTakesTheNextCall() throws Exception {
        AtomicReference<AgiException> seen = new AtomicReference<>();
        scripts.put("survey", (request, channel) -> {
            try {
                channel.answer();
                channel.streamFile("hotline/survey-question");
                channel.setVariable("HOTLINE_SURVEY", request.getParameter("result"));
            } catch (AgiException e) {
                seen.set(e);
                throw e;
            }
        });

        Transcript hungUp = new AgiCall(port, "survey?result=").hangUpAfter(1).run(WAIT);

        assertThat(seen.get()).isInstanceOf(AgiHangupException.class);
        assertThat(hungUp.commands()).containsExactly("ANSWER", "STREAM FILE \"hotline/survey-question\" \"\"",
                "SET VARIABLE \"AJ_AGISTATUS\" \"FAILED\"");
        assertThat(hungUp.closedByServer()).isTrue();

        seen.set(null);
        Transcript next = new AgiCall(port, "survey?result=5").run(WAIT);
        assertThat(seen.get()).isNull();
        assertThat(next.variables()).containsEntry("HOTLINE_SURVEY", "5").containsEntry("AJ_AGISTATUS", "SUCCESS");
    }

    @Test
    void aBrokenConnectionIsAHangUpToTheScript() throws Exception {
        AtomicReference<AgiException> seen = new AtomicReference<>();
        scripts.put("menu", (request, channel) -> {
            try {
                channel.answer();
                channel.streamFile("hotline/menu");
            } catch (AgiException e) {
                seen.set(e);
                throw e;
            }
        });

        Transcript broken = new AgiCall(port, "menu?choice=1").closeAfter(1).run(WAIT);

        assertThat(broken.commands()).containsExactly("ANSWER");
        assertThat(broken.closedByServer()).isFalse();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (seen.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(seen.get()).isInstanceOf(AgiHangupException.class);
        assertThat(new AgiCall(port, "menu?choice=1").run(WAIT).variables()).containsEntry("AJ_AGISTATUS",
                "SUCCESS");
    }

    @Test
    void commandsThisAsteriskDoesNotKnowAreAnswered510() throws Exception {
        AtomicReference<AgiException> seen = new AtomicReference<>();
        scripts.put("order-status", (request, channel) -> {
            try {
                channel.sayDigits("20240105001");
            } catch (AgiException e) {
                seen.set(e);
            }
        });

        Transcript call = new AgiCall(port, "order-status?number=20240105001").run(WAIT);

        assertThat(seen.get()).isInstanceOf(InvalidOrUnknownCommandException.class);
        assertThat(call.commands()).first().asString().startsWith("SAY DIGITS");
    }
}
