package org.hotline12345.telephony.peer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An Asterisk Manager Interface server on 127.0.0.1 that speaks AMI as Asterisk 20 does: a banner, CRLF lines of
 * {@code Key: Value}, packets ended by an empty line, the ActionID of an action echoed in its response. It answers
 * the actions Asterisk-Java sends at login (Challenge, Login, CoreSettings) and those the hotline service uses, records
 * every action it receives, and pushes events to the clients that are logged in.
 * <p>
 * Events go only to logged-in clients. A failed login is answered and the socket closed, as Asterisk does (without
 * Asterisk's one-second pause). Actions before login are answered {@code Permission denied}.
 */
public final class FakeAsterisk implements AutoCloseable {

    public static final String BANNER = "Asterisk Call Manager/11.0.0";
    public static final String ASTERISK_VERSION = "22.10.1";

    /** Below the output buffer's size, so that only replay's own flushes put its bytes on the wire. */
    private static final int REPLAY_FLUSH_BYTES = 16 * 1024;
    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;
    private static final Set<String> LOGIN_ACTIONS = Set.of("challenge", "login", "logoff");

    private final String username;
    private final String secret;
    private final int port;
    private final long startedSeconds = System.currentTimeMillis() / 1000;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final List<Packet> actions = new ArrayList<>();
    private final Map<String, Function<Packet, Packet>> answers = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Packet>> followUps = new ConcurrentHashMap<>();
    private final AtomicInteger uniqueIds = new AtomicInteger();
    private volatile List<Packet> queueStatus = List.of();
    private volatile ServerSocket listener;
    private volatile boolean closed;
    private int logins;
    private volatile boolean booting;

    private FakeAsterisk(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** Listens on a free port of 127.0.0.1 for the AMI user {@code username} with password {@code secret}. */
    public static FakeAsterisk start(String username, String secret) throws IOException {
        return new FakeAsterisk(username, secret);
    }

    public int port() {
        return port;
    }

    /** Connections open now. */
    public int connectionCount() {
        return sessions.size();
    }

    /**
     * Replaces the answer to an action: {@code answer} gets the action and returns the response packet, into which the
     * action's ActionID is put after the {@code Response} line. The built-in behaviour of the action (the events of
     * QueueStatus, the OriginateResponse of an async Originate, closing on Logoff) is replaced too.
     */
    public void answer(String action, Function<Packet, Packet> answer) {
        String key = action.toLowerCase(Locale.ROOT);
        if (key.equals("challenge") || key.equals("login")) {
            throw new IllegalArgumentException("the login handshake is not replaceable; use a wrong secret");
        }
        answers.put(key, answer);
    }

    /** Runs {@code followUp} after the response to each such action has been written, e.g. to raise its events. */
    public void afterAction(String action, Consumer<Packet> followUp) {
        followUps.put(action.toLowerCase(Locale.ROOT), followUp);
    }

    /** Back to the built-in answers, without follow-ups and with an empty QueueStatus; for a peer tests share. */
    public void reset() {
        booting = false;
        answers.clear();
        followUps.clear();
        queueStatus = List.of();
    }

    /**
     * The events a QueueStatus action lists between its response and QueueStatusComplete, each sent with the
     * action's ActionID; an action with a {@code Queue} header gets that queue's only.
     */
    public void queueStatus(Packet... events) {
        queueStatus = List.of(events);
    }

    /** Every action received so far with this name, in order. */
    public List<Packet> actions(String name) {
        synchronized (actions) {
            return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("Action"))).toList();
        }
    }

    /** The first action with this name, waiting for it as long as {@code timeout}. */
    public Packet awaitAction(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (actions) {
            List<Packet> found;
            while ((found = actions(name)).isEmpty()) {
                waitUntil(deadline, "an action " + name + " within " + timeout);
            }
            return found.get(0);
        }
    }

    /**
     * While booting (as after {@code core restart now}), a login gets no FullyBooted: Asterisk sends it to every
     * session once it has finished loading, the queue members among the last. {@code false} sends it to all now.
     */
    public void setBooting(boolean value) {
        booting = value;
        if (!value) {
            event(AmiEvents.fullyBooted(System.currentTimeMillis() / 1000 - startedSeconds));
        }
    }

    /** Logins that have succeeded since the start. */
    public int logins() {
        synchronized (actions) {
            return logins;
        }
    }

    /** Waits until {@code n} logins have succeeded since the start. */
    public void awaitLogins(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (actions) {
            while (logins < n) {
                waitUntil(deadline, n + " logins within " + timeout + ", saw " + logins);
            }
        }
    }

    /** Pushes an event to every logged-in client. */
    public void event(Packet event) {
        byte[] bytes = event.text().getBytes(UTF_8);
        loggedIn().forEach(s -> s.send(bytes));
    }

    /** Pushes {@code Event: name} with these headers, given as key, value, key, value... */
    public void event(String name, String... keyValues) {
        event(Packet.of("Event", name).with(keyValues));
    }

    /** Writes text to every logged-in client exactly as given: no CRLF added, nothing checked. */
    public void sendRaw(String text) {
        sendRaw(text.getBytes(UTF_8));
    }

    public void sendRaw(byte[] bytes) {
        loggedIn().forEach(s -> s.send(bytes));
    }

    /** Closes every client connection, as when Asterisk stops or the network drops. */
    public void dropConnections() {
        sessions.forEach(Session::close);
    }

    /**
     * While {@code true} the port refuses connections, as when Asterisk is down; open connections are left alone (see
     * {@link #dropConnections()}). Back to {@code false}, it listens again on the same port.
     */
    public synchronized void setRefuseConnections(boolean refuse) throws IOException {
        if (refuse && listener != null) {
            listener.close();
            listener = null;
        } else if (!refuse && listener == null && !closed) {
            listener = listen(port);
            accept(listener);
        }
    }

    /** {@link #replay(List, double)} as fast as the socket takes it. */
    public long[] replay(List<String> packets) throws IOException {
        return replay(packets, 0);
    }

    /**
     * Writes pre-built packets (each ending with its empty line) to the one logged-in client, {@code perSecond} of
     * them a second, or as fast as possible when that is not positive. Packets are batched into few writes; returns
     * for each packet the {@link System#nanoTime()} taken just after the flush that put it on the wire.
     */
    public long[] replay(List<String> packets, double perSecond) throws IOException {
        List<Session> clients = loggedIn();
        if (clients.size() != 1) {
            throw new IllegalStateException("replay needs exactly one logged-in client, there are " + clients.size());
        }
        Session client = clients.get(0);
        byte[][] bytes = packets.stream().map(p -> p.getBytes(UTF_8)).toArray(byte[][]::new);
        long[] sent = new long[bytes.length];
        long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        long start = System.nanoTime();
        int unflushed = 0;
        int pendingBytes = 0;
        for (int i = 0; i < bytes.length; i++) {
            long due = start + i * interval;
            if (interval > 0 && System.nanoTime() < due) {
                unflushed = flush(client, sent, unflushed, i);
                pendingBytes = 0;
                for (long wait; (wait = due - System.nanoTime()) > 0;) {
                    LockSupport.parkNanos(wait);
                }
            }
            client.write(bytes[i]);
            pendingBytes += bytes[i].length;
            if (pendingBytes >= REPLAY_FLUSH_BYTES) {
                unflushed = flush(client, sent, unflushed, i + 1);
                pendingBytes = 0;
            }
        }
        flush(client, sent, unflushed, bytes.length);
        return sent;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        setRefuseConnections(true);
        dropConnections();
    }

    private static int flush(Session client, long[] sent, int from, int to) throws IOException {
        if (from < to) {
            client.flush();
            long now = System.nanoTime();
            for (int i = from; i < to; i++) {
                sent[i] = now;
            }
        }
        return to;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket socket) {
        daemon("fake-asterisk-" + port + "-accept", () -> {
            while (!socket.isClosed()) {
                try {
                    Session session = new Session(socket.accept());
                    sessions.add(session);
                    daemon("fake-asterisk-" + port + "-session", session::run);
                } catch (IOException e) {
                    // the listener was closed: Asterisk went down or the test ended
                }
            }
        });
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private List<Session> loggedIn() {
        return sessions.stream().filter(s -> s.loggedIn).toList();
    }

    private void waitUntil(long deadline, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("FakeAsterisk: expected " + what);
        }
        try {
            actions.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    private void record(Packet action) {
        synchronized (actions) {
            actions.add(action);
            actions.notifyAll();
        }
    }

    private void countLogin() {
        synchronized (actions) {
            logins++;
            actions.notifyAll();
        }
    }

    private static Packet success(String message) {
        return Packet.of("Response", "Success", "Message", message);
    }

    /** {@code Response: Error} with this message, for {@link #answer}. */
    public static Packet error(String message) {
        return Packet.of("Response", "Error", "Message", message);
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTrue(String value) {
        return value != null && Set.of("yes", "true", "y", "t", "1", "on").contains(value.toLowerCase(Locale.ROOT));
    }

    /** One client connection: reads actions, answers them in order on its own thread. */
    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean loggedIn;
        private String challenge;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), OUTPUT_BUFFER_BYTES);
        }

        void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8))) {
                send((BANNER + "\r\n").getBytes(UTF_8));
                List<String> lines = new ArrayList<>();
                for (String line; (line = in.readLine()) != null;) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    } else if (!lines.isEmpty()) {
                        handle(Packet.parse(lines));
                        lines.clear();
                    }
                }
            } catch (IOException e) {
                // the client went away or the test dropped the connection
            } finally {
                close();
            }
        }

        private void handle(Packet action) {
            record(action);
            String name = String.valueOf(action.get("Action"));
            String key = name.toLowerCase(Locale.ROOT);
            String actionId = action.get("ActionID");
            if (!loggedIn && !LOGIN_ACTIONS.contains(key)) {
                reply(actionId, error("Permission denied"));
                return;
            }
            Function<Packet, Packet> replaced = answers.get(key);
            if (replaced != null) {
                reply(actionId, replaced.apply(action));
            } else {
                builtIn(key, name, action, actionId);
            }
            Consumer<Packet> followUp = followUps.get(key);
            if (followUp != null && !socket.isClosed()) {
                followUp.accept(action);
            }
        }

        private void builtIn(String key, String name, Packet action, String actionId) {
            switch (key) {
                case "challenge" -> challenge(action, actionId);
                case "login" -> login(action, actionId);
                case "logoff" -> {
                    reply(actionId, Packet.of("Response", "Goodbye", "Message", "Thanks for all the fish."));
                    close();
                }
                case "coresettings" -> reply(actionId, Packet.of("Response", "Success",
                        "AMIversion", BANNER.substring(BANNER.indexOf('/') + 1), "AsteriskVersion", ASTERISK_VERSION,
                        "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "asterisk",
                        "CoreRunGroup", "asterisk", "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No",
                        "CoreCDRenabled", "Yes", "CoreHTTPenabled", "No", "SoundsSearchCustomDir", "No"));
                case "command" -> command(action, actionId);
                case "ping" -> reply(actionId, Packet.of("Response", "Success", "Ping", "Pong", "Timestamp",
                        String.format(Locale.ROOT, "%.6f", System.currentTimeMillis() / 1000.0)));
                case "queuestatus" -> queueStatus(action, actionId);
                case "queueadd" -> reply(actionId, success("Added interface to queue"));
                case "queueremove" -> reply(actionId, success("Removed interface from queue"));
                case "queuepause" -> reply(actionId, success(isTrue(action.get("Paused"))
                        ? "Interface paused successfully"
                        : "Interface unpaused successfully"));
                case "originate" -> originate(action, actionId);
                case "redirect" -> reply(actionId, success("Redirect successful"));
                case "hangup" -> reply(actionId, success("Channel Hungup"));
                case "userevent" -> userEvent(action, actionId);
                default -> reply(actionId, error("Invalid/unknown command: " + name
                        + ". Use Action: ListCommands to show available commands."));
            }
        }

        private void challenge(Packet action, String actionId) {
            if (!"MD5".equalsIgnoreCase(action.get("AuthType"))) {
                reply(actionId, error("Must specify AuthType"));
                return;
            }
            challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000));
            reply(actionId, Packet.of("Response", "Success", "Challenge", challenge));
        }

        private void login(Packet action, String actionId) {
            if (loggedIn) {
                reply(actionId, success("Already authenticated"));
                return;
            }
            String key = action.get("Key");
            boolean accepted = username.equals(action.get("Username"))
                    && ("MD5".equalsIgnoreCase(action.get("AuthType"))
                            ? challenge != null && key != null && key.equalsIgnoreCase(md5Hex(challenge + secret))
                            : secret.equals(action.get("Secret")));
            if (!accepted) {
                reply(actionId, error("Authentication failed"));
                close();
                return;
            }
            reply(actionId, success("Authentication accepted"));
            loggedIn = true;
            long now = System.currentTimeMillis() / 1000;
            if (!booting) {
                send(AmiEvents.fullyBooted(now - startedSeconds).text().getBytes(UTF_8));
            }
            countLogin();
        }

        private void command(Packet action, String actionId) {
            if ("core show version".equals(action.get("Command"))) {
                reply(actionId, Packet.of("Response", "Success", "Message", "Command output follows", "Output",
                        "Asterisk " + ASTERISK_VERSION + " built by root @ hotline-pbx on a x86_64 running Linux"));
            } else {
                reply(actionId, Packet.of("Response", "Error", "Message", "Command output follows", "Output",
                        "No such command '" + action.get("Command") + "' (type 'core show help "
                                + action.get("Command") + "' for other possible commands)"));
            }
        }

        private void queueStatus(Packet action, String actionId) {
            reply(actionId, Packet.of("Response", "Success", "EventList", "start", "Message",
                    "Queue status will follow"));
            String queue = action.get("Queue");
            List<Packet> listed = queueStatus.stream()
                    .filter(e -> queue == null || queue.isEmpty() || queue.equals(e.get("Queue")))
                    .toList();
            for (Packet event : listed) {
                send(withActionIdLast(event, actionId));
            }
            send(withActionIdLast(Packet.of("Event", "QueueStatusComplete"), actionId)
                    .with("EventList", "Complete", "ListItems", String.valueOf(listed.size())));
        }

        /**
         * An async Originate: the phone answers; into hotline-outbound the dialplan then dials the number through the
         * trunk, which answers, or is busy for numbers ending in 486 (and the channel hangs up).
         */
        private void originate(Packet action, String actionId) {
            reply(actionId, success("Originate successfully queued"));
            if (isTrue(action.get("Async"))) {
                String uniqueId = action.get("ChannelId") != null
                        ? action.get("ChannelId")
                        : startedSeconds + "." + uniqueIds.incrementAndGet();
                event(AmiEvents.originateResponse(action, "Success", 4, uniqueId));
                String number = action.get("Exten");
                if ("hotline-outbound".equals(action.get("Context")) && number != null) {
                    AmiEvents.Channel agent = new AmiEvents.Channel(action.get("Channel") + "-" + uniqueId, 6,
                            "12345", "12345", number, "<unknown>", "zh", "", "hotline-outbound", number, 1, uniqueId,
                            uniqueId);
                    AmiEvents.Channel citizen = new AmiEvents.Channel("PJSIP/carrier-" + uniqueIds.incrementAndGet(),
                            0, number, "<unknown>", "12345", "12345", "zh", "", "from-trunk", "s", 1,
                            startedSeconds + "." + uniqueIds.incrementAndGet(), uniqueId);
                    event(AmiEvents.dialBegin(agent, citizen, number + "@carrier"));
                    boolean busy = number.endsWith("486");
                    event(AmiEvents.dialEnd(agent, citizen.withState(busy ? 0 : 6), busy ? "BUSY" : "ANSWER"));
                    if (busy) {
                        event(AmiEvents.hangup(agent, 16, "Normal Clearing"));
                    }
                }
            }
        }

        private void userEvent(Packet action, String actionId) {
            reply(actionId, success("Event Sent"));
            Packet event = Packet.of("Event", "UserEvent", "Privilege", "user,all", "UserEvent",
                    action.get("UserEvent"));
            for (Map.Entry<String, String> header : action.headers()) {
                if (!header.getKey().equalsIgnoreCase("Action") && !header.getKey().equalsIgnoreCase("UserEvent")) {
                    event = event.with(header.getKey(), header.getValue());
                }
            }
            event(event);
        }

        private void reply(String actionId, Packet response) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
            if (actionId != null) {
                headers.add(Math.min(1, headers.size()), Map.entry("ActionID", actionId));
            }
            send(new Packet(headers));
        }

        private Packet withActionIdLast(Packet event, String actionId) {
            return actionId == null ? event : event.with("ActionID", actionId);
        }

        private void send(Packet packet) {
            send(packet.text().getBytes(UTF_8));
        }

        synchronized void send(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        synchronized void flush() throws IOException {
            out.flush();
        }

        void close() {
            loggedIn = false;
            sessions.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /**
     * An AMI packet (action, response or event): headers in order, names compared ignoring case as Asterisk does.
     * Immutable.
     */
    public record Packet(List<Map.Entry<String, String>> headers) {

        public Packet {
            headers = List.copyOf(headers);
            for (Map.Entry<String, String> header : headers) {
                if (breaksLine(header.getKey()) || breaksLine(header.getValue())) {
                    throw new IllegalArgumentException("CR or LF in header " + header + "; use sendRaw");
                }
            }
        }

        /** A packet of these headers, given as key, value, key, value... */
        public static Packet of(String... keyValues) {
            return new Packet(List.of()).with(keyValues);
        }

        static Packet parse(List<String> lines) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
                }
            }
            return new Packet(headers);
        }

        /** The first value of this header, or null. */
        public String get(String key) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        /** Every value of a header that repeats, such as Originate's {@code Variable}. */
        public List<String> getAll(String key) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).toList();
        }

        /** This packet with these headers appended, given as key, value, key, value... */
        public Packet with(String... keyValues) {
            if (keyValues.length % 2 != 0) {
                throw new IllegalArgumentException("headers come as key, value pairs");
            }
            List<Map.Entry<String, String>> more = new ArrayList<>(headers);
            for (int i = 0; i < keyValues.length; i += 2) {
                more.add(Map.entry(keyValues[i], keyValues[i + 1]));
            }
            return new Packet(more);
        }

        /** This packet with the value of a header replaced, or the header appended if absent. */
        public Packet set(String key, String value) {
            if (get(key) == null) {
                return with(key, value);
            }
            return new Packet(headers.stream()
                    .map(h -> h.getKey().equalsIgnoreCase(key) ? Map.entry(h.getKey(), value) : h)
                    .toList());
        }

        private static boolean breaksLine(String text) {
            return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        }

        /** The packet on the wire: {@code Key: Value} lines ended by CRLF, then an empty line. */
        public String text() {
            StringBuilder text = new StringBuilder(32 * headers.size());
            for (Map.Entry<String, String> header : headers) {
                text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            return text.append("\r\n").toString();
        }
    }
}
