package org.hotline12345.telephony.peer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.UserEventAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.asteriskjava.util.ReflectionUtil;
import org.awaitility.Awaitility;
import org.hotline12345.telephony.HotlineRecordingEvent;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk.Packet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FakeAsterisk against Asterisk-Java's own ManagerConnection, and on the raw wire. */
class FakeAsteriskTest {

    private static final String SECRET = "s3cret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Channel CALLER = Channel.caller("PJSIP/trunk-0000002a", "1700000100.42", "13800138000");
    private static final Channel AGENT = Channel.agent("PJSIP/1001-0000002b", "1700000100.43", CALLER);
    private static final Member MEMBER = new Member("hotline", "PJSIP/1001", "Agent 1001");

    private final List<ManagerEvent> received = new ArrayList<>();
    private FakeAsterisk asterisk;
    private ManagerConnection connection;

    @BeforeEach
    void start() throws IOException {
        asterisk = FakeAsterisk.start("hotline", SECRET);
    }

    @AfterEach
    void stop() throws IOException {
        if (connection != null && connection.getState() != ManagerConnectionState.DISCONNECTED) {
            connection.logoff();
        }
        asterisk.close();
    }

    @Test
    void logsInWithTheMd5ChallengeAndLearnsTheVersionFromCoreSettings() throws Exception {
        connect(SECRET);
        connection.login();

        assertThat(await(FullyBootedEvent.class, e -> true).getStatus()).isEqualTo("Fully Booted");
        assertThat(await(ConnectEvent.class, e -> true).getProtocolIdentifier()).isEqualTo(FakeAsterisk.BANNER);
        assertThat(connection.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_22);
        assertThat(asterisk.actions("Challenge")).singleElement()
                .satisfies(challenge -> assertThat(challenge.get("AuthType")).isEqualTo("MD5"));
        Packet loginAction = asterisk.awaitAction("Login", WAIT);
        assertThat(loginAction.get("Username")).isEqualTo("hotline");
        assertThat(loginAction.get("Key")).hasSize(32);
        assertThat(loginAction.get("Secret")).isNull();
        assertThat(asterisk.actions("CoreSettings")).hasSize(1);
        assertThat(asterisk.actions("Command")).isEmpty();
        asterisk.awaitLogins(1, WAIT);
    }

    @Test
    void aWrongSecretFailsTheLoginAndTheConnectionIsClosed() throws Exception {
        connect("wrong");

        assertThatThrownBy(connection::login).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Authentication failed");
        assertThat(asterisk.actions("Login")).hasSize(1);
        Awaitility.await("the connection closed").atMost(ofSeconds(20)).until(() -> asterisk.connectionCount() == 0);
    }

    @Test
    void speaksAmiOnTheWire() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), asterisk.port())) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            assertThat(readUntil(in, "\r\n")).isEqualTo(FakeAsterisk.BANNER + "\r\n");

            out.write("Action: Ping\r\nActionID: 1\r\n\r\n".getBytes(UTF_8));
            assertThat(readUntil(in, "\r\n\r\n"))
                    .isEqualTo("Response: Error\r\nActionID: 1\r\nMessage: Permission denied\r\n\r\n");

            out.write("Action: Login\r\nActionID: 2\r\nUsername: hotline\r\nSecret: s3cret\r\n\r\n".getBytes(UTF_8));
            assertThat(readUntil(in, "\r\n\r\n"))
                    .isEqualTo("Response: Success\r\nActionID: 2\r\nMessage: Authentication accepted\r\n\r\n");
            assertThat(readUntil(in, "\r\n\r\n")).startsWith("Event: FullyBooted\r\nPrivilege: system,all\r\n");

            out.write("Action: NoSuchAction\r\nActionID: 3\r\n\r\n".getBytes(UTF_8));
            assertThat(readUntil(in, "\r\n\r\n")).isEqualTo("Response: Error\r\nActionID: 3\r\nMessage: "
                    + "Invalid/unknown command: NoSuchAction. Use Action: ListCommands to show available commands.\r\n\r\n");

            out.write("Action: Logoff\r\nActionID: 4\r\n\r\n".getBytes(UTF_8));
            assertThat(readUntil(in, "\r\n\r\n"))
                    .isEqualTo("Response: Goodbye\r\nActionID: 4\r\nMessage: Thanks for all the fish.\r\n\r\n");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void queueCallEventsArriveAsTheirEventClassesWithASetterForEveryHeader() throws Exception {
        login();
        Channel abandoning = Channel.caller("PJSIP/trunk-0000002c", "1700000160.44", "13900139000");
        Channel rungAgent = Channel.agent("PJSIP/1002-0000002d", "1700000160.45", abandoning);
        List<Packet> packets = new ArrayList<>(AmiEvents.answeredCall(CALLER, AGENT, MEMBER, 12, 95));
        packets.addAll(AmiEvents.abandonedCall(abandoning, rungAgent, MEMBER, 30));
        packets.addAll(List.of(AmiEvents.queueMemberAdded(MEMBER), AmiEvents.queueMemberPause(MEMBER, true, "lunch"),
                AmiEvents.queueMemberStatus(MEMBER, AmiEvents.INUSE, false, true),
                AmiEvents.queueMemberRemoved(MEMBER)));
        packets.forEach(asterisk::event);

        await(QueueMemberRemovedEvent.class, e -> true);
        List<ManagerEvent> events = eventsSince(FullyBootedEvent.class);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("NewChannelEvent",
                "QueueCallerJoinEvent", "NewChannelEvent", "AgentCalledEvent", "QueueCallerLeaveEvent",
                "AgentConnectEvent", "AgentCompleteEvent", "HangupEvent", "HangupEvent", "NewChannelEvent",
                "QueueCallerJoinEvent", "NewChannelEvent", "AgentCalledEvent", "AgentRingNoAnswerEvent", "HangupEvent",
                "QueueCallerAbandonEvent", "QueueCallerLeaveEvent", "HangupEvent", "QueueMemberAddedEvent",
                "QueueMemberPauseEvent", "QueueMemberStatusEvent", "QueueMemberRemovedEvent");
        for (int i = 0; i < packets.size(); i++) {
            assertThat(ReflectionUtil.getSetters(events.get(i).getClass()).keySet())
                    .as("setters of %s", events.get(i).getClass().getSimpleName())
                    .containsAll(headerNames(packets.get(i)));
        }

        NewChannelEvent newchannel = (NewChannelEvent) events.get(0);
        assertThat(newchannel.getChannel()).isEqualTo("PJSIP/trunk-0000002a");
        assertThat(newchannel.getUniqueId()).isEqualTo("1700000100.42");
        assertThat(newchannel.getCallerIdNum()).isEqualTo("13800138000");
        assertThat(newchannel.getChannelStateDesc()).isEqualTo("Up");
        assertThat(newchannel.getExten()).isEqualTo("12345");
        QueueCallerJoinEvent join = (QueueCallerJoinEvent) events.get(1);
        assertThat(join.getQueue()).isEqualTo("hotline");
        assertThat(join.getPosition()).isEqualTo(1);
        assertThat(join.getCount()).isEqualTo(1);
        AgentCalledEvent called = (AgentCalledEvent) events.get(3);
        assertThat(called.getUniqueId()).isEqualTo("1700000100.42");
        assertThat(called.getDestUniqueId()).isEqualTo("1700000100.43");
        assertThat(called.getDestChannel()).isEqualTo("PJSIP/1001-0000002b");
        assertThat(called.getInterface()).isEqualTo("PJSIP/1001");
        assertThat(called.getMemberName()).isEqualTo("Agent 1001");
        assertThat(called.getDestLinkedId()).isEqualTo("1700000100.42");
        assertThat(((QueueCallerLeaveEvent) events.get(4)).getCount()).isZero();
        AgentConnectEvent connect = (AgentConnectEvent) events.get(5);
        assertThat(connect.getHoldTime()).isEqualTo(12L);
        assertThat(connect.getRingtime()).isZero();
        assertThat(connect.getDestChannelStateDesc()).isEqualTo("Up");
        AgentCompleteEvent complete = (AgentCompleteEvent) events.get(6);
        assertThat(complete.getTalkTime()).isEqualTo(95L);
        assertThat(complete.getReason()).isEqualTo("caller");
        HangupEvent hangup = (HangupEvent) events.get(7);
        assertThat(hangup.getCause()).isEqualTo(16);
        assertThat(hangup.getCauseTxt()).isEqualTo("Normal Clearing");
        assertThat(((AgentRingNoAnswerEvent) events.get(13)).getRingtime()).isEqualTo(15_000L);
        QueueCallerAbandonEvent abandon = (QueueCallerAbandonEvent) events.get(15);
        assertThat(abandon.getHoldTime()).isEqualTo(30);
        assertThat(abandon.getOriginalPosition()).isEqualTo(1);
        assertThat(abandon.getUniqueId()).isEqualTo("1700000160.44");
        QueueMemberAddedEvent added = (QueueMemberAddedEvent) events.get(18);
        assertThat(added.getInterface()).isEqualTo("PJSIP/1001");
        assertThat(added.getPaused()).isFalse();
        QueueMemberPauseEvent pause = (QueueMemberPauseEvent) events.get(19);
        assertThat(pause.getPaused()).isTrue();
        assertThat(pause.getPausedreason()).isEqualTo("lunch");
        QueueMemberStatusEvent status = (QueueMemberStatusEvent) events.get(20);
        assertThat(status.getStatus()).isEqualTo(AmiEvents.INUSE);
        assertThat(status.getIncall()).isEqualTo(1);
    }

    @Test
    void queueStatusListsTheConfiguredEventsUnderTheActionId() throws Exception {
        Member training = new Member("hotline", "PJSIP/1002", "Agent 1002");
        asterisk.queueStatus(AmiEvents.queueParams("hotline", 1, 40, 3),
                AmiEvents.queueMember(MEMBER, AmiEvents.NOT_INUSE, false, ""),
                AmiEvents.queueMember(training, AmiEvents.NOT_INUSE, true, "training"),
                AmiEvents.queueEntry("hotline", 1, CALLER, 35), AmiEvents.queueParams("business", 0, 5, 0));
        login();

        QueueStatusAction action = new QueueStatusAction();
        action.setQueue("hotline");
        ResponseEvents status = connection.sendEventGeneratingAction(action);

        assertThat(status.getResponse().getResponse()).isEqualTo("Success");
        assertThat(status.getEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "QueueParamsEvent", "QueueMemberEvent", "QueueMemberEvent", "QueueEntryEvent",
                "QueueStatusCompleteEvent");
        List<ManagerEvent> events = new ArrayList<>(status.getEvents());
        QueueParamsEvent params = (QueueParamsEvent) events.get(0);
        assertThat(params.getCompleted()).isEqualTo(40);
        assertThat(params.getAbandoned()).isEqualTo(3);
        assertThat(params.getServiceLevelPerf()).isEqualTo(80.0);
        QueueMemberEvent paused = (QueueMemberEvent) events.get(2);
        assertThat(paused.getLocation()).isEqualTo("PJSIP/1002");
        assertThat(paused.getMemberName()).isEqualTo("Agent 1002");
        assertThat(paused.getPaused()).isTrue();
        assertThat(paused.getPausedreason()).isEqualTo("training");
        QueueEntryEvent entry = (QueueEntryEvent) events.get(3);
        assertThat(entry.getUniqueId()).isEqualTo("1700000100.42");
        assertThat(entry.getWait()).isEqualTo(35L);
        assertThat(((QueueStatusCompleteEvent) events.get(4)).getListItems()).isEqualTo(4);
        assertThat(asterisk.awaitAction("QueueStatus", WAIT).get("Queue")).isEqualTo("hotline");
    }

    @Test
    void answersTheActionsOfTheServiceAndRunsFollowUps() throws Exception {
        login();
        asterisk.afterAction("QueueAdd", add -> asterisk.event(AmiEvents
                .queueMemberAdded(new Member(add.get("Queue"), add.get("Interface"), add.get("MemberName")))));
        QueueAddAction add = new QueueAddAction("hotline", "PJSIP/1001", 0);
        add.setMemberName("Agent 1001");

        assertThat(connection.sendAction(add).getMessage()).isEqualTo("Added interface to queue");
        assertThat(await(QueueMemberAddedEvent.class, e -> true).getMemberName()).isEqualTo("Agent 1001");

        asterisk.answer("QueueAdd", action -> FakeAsterisk.error("Unable to add interface: Already there"));
        ManagerResponse again = connection.sendAction(add);
        assertThat(again).isInstanceOf(ManagerError.class);
        assertThat(again.getMessage()).isEqualTo("Unable to add interface: Already there");

        QueuePauseAction pause = new QueuePauseAction("PJSIP/1001", "hotline", true);
        pause.setReason("lunch");
        assertThat(connection.sendAction(pause).getMessage()).isEqualTo("Interface paused successfully");
        assertThat(asterisk.awaitAction("QueuePause", WAIT).get("Reason")).isEqualTo("lunch");
        assertThat(connection.sendAction(new QueueRemoveAction("hotline", "PJSIP/1001")).getMessage())
                .isEqualTo("Removed interface from queue");
        assertThat(connection.sendAction(new RedirectAction("PJSIP/trunk-0000002a", "hotline-survey", "s", 1))
                .getMessage()).isEqualTo("Redirect successful");
        assertThat(connection.sendAction(new HangupAction("PJSIP/trunk-0000002a")).getMessage())
                .isEqualTo("Channel Hungup");
        assertThat(((PingResponse) connection.sendAction(new PingAction())).getPing()).isEqualTo("Pong");
        assertThat(((CommandResponse) connection.sendAction(new CommandAction("core show version"))).getResult())
                .singleElement().asString().startsWith("Asterisk 22.");
        ManagerResponse unknown = connection.sendAction(new CoreStatusAction());
        assertThat(unknown).isInstanceOf(ManagerError.class);
        assertThat(unknown.getMessage()).startsWith("Invalid/unknown command: CoreStatus.");

        OriginateAction originate = new OriginateAction();
        originate.setChannel("PJSIP/1001");
        originate.setContext("hotline-callback");
        originate.setExten("13800138000");
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setVariable("HOTLINE_ORDER", "WO20240105001");
        ResponseEvents originated = connection.sendEventGeneratingAction(originate);
        assertThat(originated.getResponse().getMessage()).isEqualTo("Originate successfully queued");
        assertThat(originated.getEvents()).singleElement().isInstanceOfSatisfying(OriginateResponseEvent.class,
                response -> {
                    assertThat(response.isSuccess()).isTrue();
                    assertThat(response.getReason()).isEqualTo(4);
                    assertThat(response.getChannel()).isEqualTo("PJSIP/1001");
                });
        assertThat(asterisk.awaitAction("Originate", WAIT).getAll("Variable"))
                .containsExactly("HOTLINE_ORDER=WO20240105001");

        connection.logoff();
        assertThat(asterisk.actions("Logoff")).hasSize(1);
        Awaitility.await("the connection closed").atMost(ofSeconds(20)).until(() -> asterisk.connectionCount() == 0);
    }

    @Test
    void reconnectsByItselfAfterTheConnectionDrops() throws Exception {
        login();

        asterisk.dropConnections();

        asterisk.awaitLogins(2, WAIT);
        await(DisconnectEvent.class, e -> true);
        Awaitility.await("a second ConnectEvent").atMost(ofSeconds(20))
                .until(() -> received.stream().filter(ConnectEvent.class::isInstance).count() == 2);
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
        assertThat(((PingResponse) connection.sendAction(new PingAction())).getPing()).isEqualTo("Pong");
    }

    @Test
    void reconnectsOnTheSamePortOnceAsteriskIsBack() throws Exception {
        login();

        asterisk.setRefuseConnections(true);
        asterisk.dropConnections();
        await(DisconnectEvent.class, e -> true);
        Thread.sleep(500);
        assertThat(asterisk.actions("Login")).hasSize(1);
        asterisk.setRefuseConnections(false);

        asterisk.awaitLogins(2, WAIT);
        Awaitility.await("connected again").atMost(ofSeconds(20))
                .until(() -> connection.getState() == ManagerConnectionState.CONNECTED);
        assertThat(((PingResponse) connection.sendAction(new PingAction())).getPing()).isEqualTo("Pong");
    }

    @Test
    void malformedInputDoesNotBreakTheEventStream() throws Exception {
        login();
        String longFile = "/var/spool/asterisk/monitor/" + "x".repeat(100_000) + ".wav";
        ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
        notUtf8.writeBytes("Event: Newchannel\r\nChannel: PJSIP/trunk-0000002e\r\nCallerIDName: ".getBytes(UTF_8));
        notUtf8.writeBytes(new byte[]{(byte) 0xC0, (byte) 0xFF, 'x'});
        notUtf8.writeBytes("\r\nUniqueid: not-utf8\r\n\r\n".getBytes(UTF_8));

        asterisk.sendRaw("a line without a colon\r\n: a line without a key\r\n\r\n");
        asterisk.sendRaw("Event: QueueCallerJoin\r\nUniqueid: merged-1\r\n"
                + "Event: QueueCallerLeave\r\nUniqueid: merged-2\r\n\r\n");
        asterisk.sendRaw(notUtf8.toByteArray());
        asterisk.event("QueueCallerLeave", "Queue", "hotline", "Uniqueid", "long-line", "Channel", longFile);
        asterisk.event(AmiEvents.queueCallerLeave(CALLER, "hotline", 1, 0));

        await(QueueCallerLeaveEvent.class, e -> "1700000100.42".equals(e.getUniqueId()));
        assertThat(await(NewChannelEvent.class, e -> true).getCallerIdName()).isEqualTo("\uFFFD\uFFFDx");
        assertThat(await(QueueCallerLeaveEvent.class, e -> "long-line".equals(e.getUniqueId())).getChannel())
                .isEqualTo(longFile);
        assertThat(eventsSince(FullyBootedEvent.class)).extracting(e -> e.getClass().getSimpleName())
                .as("the two packets without a blank line between them are lost together")
                .containsExactly("NewChannelEvent", "QueueCallerLeaveEvent", "QueueCallerLeaveEvent");
    }

    @Test
    void aRegisteredUserEventClassReceivesTheRecordingFile() throws Exception {
        connect(SECRET);
        connection.registerUserEventClass(HotlineRecordingEvent.class);
        connection.login();
        String file = "/var/spool/asterisk/monitor/2024/01/05/1700000100.42.wav";

        asterisk.event(AmiEvents.hotlineRecording(CALLER, file));

        HotlineRecordingEvent recording = await(HotlineRecordingEvent.class, e -> true);
        assertThat(recording.getRecording()).isEqualTo(file);
        assertThat(recording.getUniqueId()).isEqualTo("1700000100.42");
        assertThat(recording.getChannel()).isEqualTo("PJSIP/trunk-0000002a");

        HotlineRecordingEvent raised = new HotlineRecordingEvent("hotline");
        raised.setRecording("/tmp/raised.wav");
        connection.sendAction(new UserEventAction(raised));
        assertThat(asterisk.awaitAction("UserEvent", WAIT).get("UserEvent")).isEqualTo("hotlinerecording");
        await(HotlineRecordingEvent.class, e -> "/tmp/raised.wav".equals(e.getRecording()));
    }

    @Test
    void replaysALongStreamInOrderWithoutLosingAnEvent() throws Exception {
        login();
        List<String> packets = new ArrayList<>();
        for (int call = 0; packets.size() < 45_000; call++) {
            Channel caller = Channel.caller("PJSIP/trunk-" + call, "1700001000." + call, "1380013" + call);
            Channel agent = Channel.agent("PJSIP/1001-" + call, "1700002000." + call, caller);
            AmiEvents.answeredCall(caller, agent, MEMBER, 10, 60).forEach(p -> packets.add(p.text()));
        }
        int before = eventsSince(FullyBootedEvent.class).size();

        long[] sent = asterisk.replay(packets);

        assertThat(sent).hasSize(packets.size()).isSorted();
        Awaitility.await("every replayed event received").atMost(ofSeconds(20))
                .until(() -> eventsSince(FullyBootedEvent.class).size() - before == packets.size());
    }

    @Test
    void pacedReplaySendsNoPacketBeforeItsTime() throws Exception {
        login();
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            packets.add(AmiEvents.queueCallerLeave(CALLER, "hotline", 1, 0).text());
        }

        long started = System.nanoTime();
        long[] sent = asterisk.replay(packets, 1000);

        for (int i = 0; i < sent.length; i++) {
            assertThat(sent[i] - started).isGreaterThanOrEqualTo(i * 1_000_000L);
        }
    }

    private void connect(String secret) {
        connection = new ManagerConnectionFactory("127.0.0.1", asterisk.port(), "hotline", secret)
                .createManagerConnection();
        connection.addEventListener(event -> {
            synchronized (received) {
                received.add(event);
                received.notifyAll();
            }
        });
    }

    private void login() throws Exception {
        connect(SECRET);
        connection.login();
        await(ConnectEvent.class, e -> true);
    }

    private <T extends ManagerEvent> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (true) {
                for (ManagerEvent event : received) {
                    if (type.isInstance(event) && matching.test(type.cast(event))) {
                        return type.cast(event);
                    }
                }
                long left = deadline - System.nanoTime();
                assertThat(left).as("a matching %s within %s", type.getSimpleName(), WAIT).isPositive();
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** The events received after the first of {@code type}, leaving out the pseudo-events of the connection. */
    private List<ManagerEvent> eventsSince(Class<? extends ManagerEvent> type) {
        synchronized (received) {
            int first = 0;
            while (first < received.size() && !type.isInstance(received.get(first))) {
                first++;
            }
            return received.subList(Math.min(first + 1, received.size()), received.size()).stream()
                    .filter(e -> !(e instanceof ConnectEvent) && !(e instanceof DisconnectEvent)).toList();
        }
    }

    /** The property names Asterisk-Java derives from the headers, as its EventAttributesHelper does. */
    private static List<String> headerNames(Packet packet) {
        return packet.headers().stream().map(h -> h.getKey().toLowerCase(Locale.ENGLISH))
                .filter(name -> !name.equals("event")).map(ReflectionUtil::stripIllegalCharacters).toList();
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(UTF_8).endsWith(end)) {
            int b = in.read();
            assertThat(b).as("more bytes after %s", bytes.toString(UTF_8)).isNotNegative();
            bytes.write(b);
        }
        return bytes.toString(UTF_8);
    }
}
