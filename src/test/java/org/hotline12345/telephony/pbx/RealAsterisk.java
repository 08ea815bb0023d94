package org.hotline12345.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotline12345.support.Ports;

/**
 * A real Asterisk 22 from the shared bundle ({@link AsteriskBundle}), configured with the project's own
 * {@code telephony/} files and only the edits its README tells an installer to make, done on a copy under
 * {@code target/pbx/<name>/conf}: free ports for SIP, AMI and RTP on 127.0.0.1, {@code HOTLINE_AGI} pointing at the
 * service, the AMI secret, the phones' passwords ({@link #password}), the carrier trunk as an IP-authenticated peer
 * (no registration) at {@link #CARRIER_HOST}, the queue_log database, and recorded prompts (silence of the lengths
 * given). A SIPp {@link Sipp#carrier carrier} answers the trunk from the start.
 * <p>
 * Reusable by any test: start one per test class at most (they take about two seconds), stop it in the class's
 * teardown. See {@code src/test/resources/sipp/} for the SIP parties and {@link Sipp} for how to run them.
 */
public final class RealAsterisk implements AutoCloseable {

    /** Asterisk's SIP and AMI address. */
    public static final String HOST = "127.0.0.1";
    /** The carrier: the trunk's peer, and where citizens' calls come from (pjsip.conf identifies it by address). */
    public static final String CARRIER_HOST = "127.0.0.2";
    /** The desk phones (registered by user name, from an address the trunk does not claim). */
    public static final String PHONE_HOST = "127.0.0.3";
    public static final String AMI_USER = "hotline";
    public static final String AMI_SECRET = "hotlineTestSecret42";
    /** Called numbers ending in 486 answer "486 Busy Here" at the carrier. */
    public static final String BUSY_SUFFIX = "486";

    /** What to start. */
    public record Options(String name, int agiPort, String systemName, int agents, Duration greeting) {

        /** One Asterisk named {@code name} asking the service's FastAGI server on {@code agiPort}. */
        public static Options of(String name, int agiPort) {
            return new Options(name, agiPort, null, 10, Duration.ofSeconds(2));
        }

        /** Asterisk's {@code systemname}: prefixes its Uniqueids, needed where several servers feed one service. */
        public Options systemName(String value) {
            return new Options(name, agiPort, value, agents, greeting);
        }

        /** Desk phones 1001 … 1000+n, the README's "more desks" edit beyond the shipped ten. */
        public Options agents(int count) {
            return new Options(name, agiPort, systemName, count, greeting);
        }

        /** How long the recorded greeting (hotline/welcome) lasts, during which keys 1 and 2 are taken. */
        public Options greeting(Duration value) {
            return new Options(name, agiPort, systemName, agents, value);
        }
    }

    private final Options options;
    private final Path home;
    private final Path conf;
    private final Path root;
    private final int sipPort;
    private final int amiPort;
    private final int carrierPort;
    private Process process;
    private Sipp carrier;

    private RealAsterisk(Options options, Path home, Path conf, Path root, int sipPort, int amiPort,
            int carrierPort) {
        this.options = options;
        this.home = home;
        this.conf = conf;
        this.root = root;
        this.sipPort = sipPort;
        this.amiPort = amiPort;
        this.carrierPort = carrierPort;
    }

    /** Unpacks, configures and starts an Asterisk, and the carrier answering its trunk; returns once fully booted. */
    public static RealAsterisk start(Options options) {
        RealAsterisk asterisk = prepare(options);
        try {
            asterisk.launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        asterisk.carrier = Sipp.carrier(asterisk);
        return asterisk;
    }

    /** Unpacks and configures an Asterisk without starting it. */
    static RealAsterisk prepare(Options options) {
        try {
            Path home = AsteriskBundle.WORK.resolve(options.name()).toAbsolutePath();
            deleteTree(home);
            Path root = AsteriskBundle.unpack(home);
            Path conf = home.resolve("conf");
            copyTree(Path.of("telephony"), conf);
            RealAsterisk asterisk = new RealAsterisk(options, home, conf, root, freeUdpPort(), Ports.free(),
                    freeUdpPort());
            asterisk.configure();
            return asterisk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's copy of the configuration. */
    public Path conf() {
        return conf;
    }

    public String name() {
        return options.name();
    }

    public int sipPort() {
        return sipPort;
    }

    public int amiPort() {
        return amiPort;
    }

    public int carrierPort() {
        return carrierPort;
    }

    /** The password of a desk phone, as the test's copy of pjsip.conf has it. */
    public static String password(String extension) {
        return "phone" + extension + "Secret";
    }

    /** The SIPp answering the trunk: its message log shows what Asterisk sent the carrier. */
    public Sipp carrier() {
        return carrier;
    }

    /** MixMonitor's directory: what the service serves recordings from. */
    public Path recordings() {
        return root.resolve("var/spool/asterisk/monitor");
    }

    /** Asterisk's log of dialplan steps, warnings and errors. */
    public Path messagesLog() {
        return root.resolve("var/log/asterisk/messages.log");
    }

    /** The queue_log file Asterisk writes beside the database table. */
    public Path queueLogFile() {
        return root.resolve("var/log/asterisk/queue_log");
    }

    /** Asterisk's process id (run-asterisk.sh execs asterisk), e.g. to read its CPU time. */
    public long pid() {
        return process.pid();
    }

    /** Where this instance's files are (configuration, SIPp logs). */
    public Path home() {
        return home;
    }

    /**
     * Points Asterisk's queue_log (res_config_pgsql, extconfig.conf) at the service's database, as an installer
     * fills in res_pgsql.conf, and reloads the module. Tests call it once the service's datasource is known.
     */
    public void queueLogTo(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        try {
            edit("res_pgsql.conf", text -> text.replaceFirst("(?m)^dbhost = .*$", "dbhost = " + uri.getHost())
                    .replaceFirst("(?m)^dbport = .*$", "dbport = " + uri.getPort())
                    .replaceFirst("(?m)^dbname = .*$", "dbname = " + database)
                    .replaceFirst("(?m)^dbuser = .*$", "dbuser = " + user)
                    .replaceFirst("(?m)^dbpass = .*$", "dbpass = " + password));
            rewrite("extconfig.conf", text -> text.replaceFirst("(?m)^queue_log => pgsql,[^,]*,",
                    "queue_log => pgsql," + database + ","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cli("module reload res_config_pgsql.so");
        cli("module reload extconfig");
    }

    /** Runs a CLI command on the running Asterisk ({@code asterisk -rx}) and returns what it printed. */
    public String cli(String command) {
        try {
            return AsteriskBundle.cli(root, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code core restart now}: Asterisk restarts in place (same process, as the issue's drill does it). */
    public void restartNow() {
        cli("core restart now");
        awaitFullyBooted();
    }

    /** Stops Asterisk at once, calls and all ({@code core stop now}). */
    public void stop() {
        if (process == null) {
            return;
        }
        try {
            cli("core stop now");
        } catch (UncheckedIOException e) {
            // not answering: killed below
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts it again after {@link #stop()}, same configuration and ports. */
    public void startAgain() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (carrier != null) {
            carrier.close();
        }
        stop();
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(root.resolve("run-asterisk.sh").toString(), root.toString(), conf.toString(),
                "-f").redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile()).start();
        awaitFullyBooted();
    }

    private void awaitFullyBooted() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Asterisk " + name() + " exited with " + process.exitValue()
                        + " while starting; see " + home.resolve("console.log") + " and " + messagesLog());
            }
            try {
                cli("core waitfullybooted");
                return;
            } catch (UncheckedIOException e) {
                // the control socket is not there yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Asterisk " + name() + " did not boot within 60 s; see " + messagesLog());
    }

    /** The installer's edits (telephony/README.md, "For a deployment"), on the copy. */
    private void configure() throws IOException {
        String bind = "bind = " + HOST + ":" + sipPort;
        edit("pjsip.conf", text -> {
            String edited = text.replace("bind = 0.0.0.0:5060", bind)
                    .replaceAll("password = CHANGE_ME_(\\d+)", "password = phone$1Secret")
                    // the carrier authenticates by address only: no registration, no outbound auth
                    .replaceAll("(?ms)^\\[carrier-registration\\].*?(?=^; -|^\\[)", "")
                    .replaceAll("(?m)^outbound_auth = carrier-auth\\R", "")
                    .replace("contact = sip:sip.carrier.example:5060",
                            "contact = sip:" + CARRIER_HOST + ":" + carrierPort)
                    .replaceFirst("match = 203\\.0\\.113\\.10/32", "match = " + CARRIER_HOST + "/32");
            return edited + moreDesks(options.agents());
        });
        edit("manager.conf", text -> text.replaceFirst("(?m)^port = 5038", "port = " + amiPort)
                .replaceFirst("(?m)^bindaddr = 0\\.0\\.0\\.0", "bindaddr = " + HOST));
        edit("manager.d/hotline-secret.conf", text -> text.replaceFirst("(?m)^secret = .*$", "secret = " + AMI_SECRET));
        edit("extensions.conf", text -> text.replaceFirst("(?m)^HOTLINE_AGI = .*$",
                "HOTLINE_AGI = " + HOST + ":" + options.agiPort()));
        int rtp = 20000 + 2 * ThreadLocalRandom.current().nextInt(10000);
        // not an installer's edit: SIPp sends its RFC 2833 keys (play_dtmf) from another port than its audio
        // (rtp_stream), and strictrtp drops whatever does not come from the first source; a phone sends both from one
        edit("rtp.conf", text -> text.replaceFirst("(?m)^rtpstart = \\d+", "rtpstart = " + rtp)
                .replaceFirst("(?m)^rtpend = \\d+", "rtpend = " + (rtp + 399))
                .replaceFirst("(?m)^strictrtp = yes", "strictrtp = no"));
        // the dialplan's steps in messages.log (logger.conf sends verbose there), which tests and people read
        String extraOptions = "verbose = 3\n";
        if (options.systemName() != null) {
            extraOptions += "systemname = " + options.systemName() + "\n";
        }
        Files.writeString(root.resolve("asterisk-options.conf"), extraOptions);
        recordPrompts();
        installHoldMusic();
    }

    /** Desks beyond 1010, each the three sections the shipped ones have. */
    private static String moreDesks(int agents) {
        StringBuilder desks = new StringBuilder();
        for (int extension = 1011; extension <= 1000 + agents; extension++) {
            desks.append("\n[").append(extension).append("](agent-endpoint)\nauth = ").append(extension)
                    .append("\naors = ").append(extension).append("\ncallerid = \"座席").append(extension)
                    .append("\" <").append(extension).append(">\n[").append(extension)
                    .append("](agent-auth)\nusername = ").append(extension).append("\npassword = ")
                    .append(password(String.valueOf(extension))).append("\n[").append(extension)
                    .append("](agent-aor)\n");
        }
        return desks.toString();
    }

    /** The hold music, where telephony/README.md tells the installer to copy it. */
    private void installHoldMusic() throws IOException {
        Path moh = Files.createDirectories(root.resolve("var/lib/asterisk/moh"));
        try (Stream<Path> files = Files.list(Path.of("telephony/moh"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".wav")).toList()) {
                Files.copy(file, moh.resolve(file.getFileName()));
            }
        }
    }

    /** Every prompt telephony/sounds/prompts.md lists, as silence; the greeting as long as asked. */
    private void recordPrompts() throws IOException {
        Path sounds = Files.createDirectories(root.resolve("var/lib/asterisk/sounds/zh/hotline"));
        Matcher prompts = Pattern.compile("`hotline/([\\w-]+)`")
                .matcher(Files.readString(Path.of("telephony/sounds/prompts.md")));
        while (prompts.find()) {
            Duration length = prompts.group(1).equals("welcome") ? options.greeting() : Duration.ofMillis(300);
            Files.write(sounds.resolve(prompts.group(1) + ".wav"), silence(length));
        }
    }

    /** A WAV file of 16-bit 8 kHz mono silence, the format Asterisk's format_wav reads. */
    static byte[] silence(Duration length) {
        int samples = (int) (length.toMillis() * 8);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return wav.array();
    }

    /** An edit that must change the file: the shipped placeholder it replaces is gone otherwise. */
    private void edit(String file, UnaryOperator<String> change) throws IOException {
        if (!rewrite(file, change)) {
            throw new IllegalStateException("the installer's edit of " + file + " found nothing to change");
        }
    }

    private boolean rewrite(String file, UnaryOperator<String> change) throws IOException {
        Path path = conf.resolve(file);
        String before = Files.readString(path);
        String after = change.apply(before);
        Files.writeString(path, after);
        return !after.equals(before);
    }

    /** A UDP port nobody uses now, for SIP or RTP. */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = new ArrayList<>(walk.toList());
        }
        for (Path path : paths) {
            Path target = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(target);
            } else {
                Files.copy(path, target);
            }
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
