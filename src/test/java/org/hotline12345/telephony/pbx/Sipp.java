package org.hotline12345.telephony.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SIPp process (Debian's {@code sip-tester}) playing a party of a call against a {@link RealAsterisk}: a desk
 * phone registered at an extension that answers the calls ringing it, a citizen calling 12345 through the trunk with
 * RFC 2833 keys, or the carrier answering the trunk. The scenarios are templates in {@code src/test/resources/sipp/};
 * each process's scenario, screen, errors and SIP messages land in {@code target/pbx/<asterisk>/sipp/}.
 */
public final class Sipp implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    /** Rings and talks "until the other side ends it", as far as a test goes. */
    private static final Duration LONG = Duration.ofMinutes(10);

    /**
     * A citizen's call: from {@code caller} to {@code dialled}, keying {@code keys} {@code keyDelay} after the answer;
     * then keying {@code surveyKey} (when given) every 1.5 s from {@code surveyAfter} on until Asterisk hangs up, or
     * else hanging up after {@code stay} unless Asterisk did first.
     */
    public record Call(String caller, String dialled, String keys, Duration keyDelay, String moreKeys,
            Duration moreKeysAfter, String surveyKey, Duration surveyAfter, Duration stay) {

        /** A call to 12345 that keys nothing and stays up to a minute. */
        public static Call from(String caller) {
            return new Call(caller, "12345", "", Duration.ofMillis(500), "", Duration.ZERO, null, Duration.ZERO,
                    Duration.ofMinutes(1));
        }

        /** A call to another number (through the trunk as if from the carrier). */
        public Call to(String number) {
            return new Call(caller, number, keys, keyDelay, moreKeys, moreKeysAfter, surveyKey, surveyAfter, stay);
        }

        public Call keys(String value, Duration after) {
            return new Call(caller, dialled, value, after, moreKeys, moreKeysAfter, surveyKey, surveyAfter, stay);
        }

        /**
         * Keys {@code value} {@code after} the first keys, e.g. a work order's number once key 2 asked for it. Leave a
         * second at least: SIPp drops keys still queued when the next play_dtmf starts.
         */
        public Call thenKeys(String value, Duration after) {
            return new Call(caller, dialled, keys, keyDelay, value, after, surveyKey, surveyAfter, stay);
        }

        /** Answers the survey with {@code key}, keyed from {@code after} (counted from the IVR's keys) on. */
        public Call survey(String key, Duration after) {
            return new Call(caller, dialled, keys, keyDelay, moreKeys, moreKeysAfter, key, after, stay);
        }

        /** Hangs up after {@code value} (unless Asterisk hangs up first). */
        public Call stay(Duration value) {
            return new Call(caller, dialled, keys, keyDelay, moreKeys, moreKeysAfter, surveyKey, surveyAfter, value);
        }
    }

    private final String label;
    private final Process process;
    private final Path messages;
    private final Path errors;

    private Sipp(String label, Process process, Path messages, Path errors) {
        this.label = label;
        this.process = process;
        this.messages = messages;
        this.errors = errors;
    }

    /**
     * A desk phone at {@code extension}: registers (digest auth with {@link RealAsterisk#password}), then answers
     * every call after ringing {@code ring} and hangs up after {@code talk}; {@code null} talk waits for the other
     * side to hang up.
     */
    public static Sipp phone(RealAsterisk pbx, String extension, Duration ring, Duration talk) {
        try {
            int port = RealAsterisk.freeUdpPort();
            Path scenario = render(pbx, "register", "register-" + extension, Map.of("extension", extension));
            Sipp register = launch(pbx, "register-" + extension, scenario, RealAsterisk.PHONE_HOST, port,
                    List.of(RealAsterisk.HOST + ":" + pbx.sipPort(), "-m", "1", "-au", extension, "-ap",
                            RealAsterisk.password(extension), "-timeout", "15s", "-timeout_error"));
            int registered = register.awaitExit(Duration.ofSeconds(20));
            if (registered != 0) {
                throw new IllegalStateException("phone " + extension + " could not register (SIPp exit " + registered
                        + "): " + register.errors());
            }
            return answering(pbx, "phone-" + extension, RealAsterisk.PHONE_HOST, port, ring,
                    talk == null ? LONG : talk, "NEVER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Many desk phones behind one SIPp: each extension registers from the same address (its contact), and one
     * answering process there takes the calls of all of them, as {@link #phone} does for one.
     */
    public static Sipp phones(RealAsterisk pbx, List<String> extensions, Duration ring, Duration talk) {
        try {
            int port = RealAsterisk.freeUdpPort();
            for (String extension : extensions) {
                Path scenario = render(pbx, "register", "register-" + extension, Map.of("extension", extension));
                Sipp register = launch(pbx, "register-" + extension, scenario, RealAsterisk.PHONE_HOST, port,
                        List.of(RealAsterisk.HOST + ":" + pbx.sipPort(), "-m", "1", "-au", extension, "-ap",
                                RealAsterisk.password(extension), "-timeout", "15s", "-timeout_error"));
                if (register.awaitExit(Duration.ofSeconds(20)) != 0) {
                    throw new IllegalStateException("phone " + extension + " could not register: " + register.errors());
                }
            }
            return answering(pbx, "phones", RealAsterisk.PHONE_HOST, port, ring, talk == null ? LONG : talk, "NEVER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} citizens' calls, {@code concurrent} at most at once, started at {@code perSecond}; the caller's
     * number ends in SIPp's call number so that each differs.
     */
    public static Sipp calls(RealAsterisk pbx, Call call, int count, int concurrent, double perSecond) {
        return callTo(pbx, call, RealAsterisk.HOST + ":" + pbx.sipPort(), List.of("-m", String.valueOf(count), "-l",
                String.valueOf(concurrent), "-r", String.valueOf(perSecond), "-timeout", "900s"));
    }

    /** The carrier's side of the trunk: answers after 300 ms, numbers ending in 486 are busy, waits for the BYE. */
    static Sipp carrier(RealAsterisk pbx) {
        return answering(pbx, "carrier", RealAsterisk.CARRIER_HOST, pbx.carrierPort(), Duration.ofMillis(300), LONG,
                "[0-9]*" + RealAsterisk.BUSY_SUFFIX);
    }

    /** Answers at {@code host:port} (no registration): request users matching {@code busyUser} get 486. */
    static Sipp answering(RealAsterisk pbx, String label, String host, int port, Duration ring, Duration talk,
            String busyUser) {
        Path scenario = render(pbx, "answer", label, Map.of("name", label, "ring_ms", millis(ring), "talk_ms",
                millis(talk), "busy_user", busyUser, "audio", audio(pbx).toString()));
        return launch(pbx, label, scenario, host, port, List.of());
    }

    /** A citizen calling through the trunk; the process ends with the call (exit 0 when it went as scripted). */
    public static Sipp call(RealAsterisk pbx, Call call) {
        return callTo(pbx, call, RealAsterisk.HOST + ":" + pbx.sipPort());
    }

    /** The same call sent to {@code target} ({@code host:port}) instead of the Asterisk. */
    static Sipp callTo(RealAsterisk pbx, Call call, String target) {
        return callTo(pbx, call, target, List.of("-m", "1", "-timeout", "180s", "-timeout_error"));
    }

    private static Sipp callTo(RealAsterisk pbx, Call call, String target, List<String> counts) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", "call from " + call.caller());
            values.put("caller", call.caller());
            values.put("dialled", call.dialled());
            values.put("audio", audio(pbx).toString());
            values.put("keys", call.keys());
            values.put("key_delay_ms", millis(call.keyDelay()));
            values.put("more_keys", call.moreKeys());
            values.put("more_keys_after_ms", millis(call.moreKeysAfter()));
            // how long the last play_dtmf plays (SIPp: at most 500 ms a key), before the caller's audio starts
            String lastKeys = call.moreKeys().isEmpty() ? call.keys() : call.moreKeys();
            values.put("keying_ms", String.valueOf(lastKeys.length() * 500));
            values.put("survey_key", call.surveyKey() == null ? "" : call.surveyKey());
            values.put("survey_after_ms", millis(call.surveyAfter()));
            values.put("stay_ms", millis(call.stay()));
            String label = "call-" + call.caller() + "-" + SEQUENCE.incrementAndGet();
            Path scenario = render(pbx, "call", label, values);
            List<String> arguments = new ArrayList<>(List.of(target));
            arguments.addAll(counts);
            return launch(pbx, label, scenario, RealAsterisk.CARRIER_HOST, RealAsterisk.freeUdpPort(), arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The A-law tone every party plays as its voice, written once per Asterisk. */
    private static synchronized Path audio(RealAsterisk pbx) {
        Path audio = pbx.home().resolve("tone.alaw");
        try {
            if (!Files.exists(audio)) {
                Files.write(audio, tone());
            }
            return audio;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end; its exit status (0: every call went as scripted), or -1 if still running. */
    public int awaitExit(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The SIP messages sent and received so far. */
    public String messages() {
        return read(messages);
    }

    /** What SIPp reported as unexpected. */
    public String errors() {
        return read(errors);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The SIPp process's id, e.g. to read its CPU time. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return "SIPp " + label;
    }

    private static Sipp launch(RealAsterisk pbx, String label, Path scenario, String host, int port,
            List<String> arguments) {
        try {
            Path directory = pbx.home().resolve("sipp");
            Path messages = directory.resolve(label + ".messages.log");
            Path errors = directory.resolve(label + ".errors.log");
            List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenario.toString(), "-i", host, "-p",
                    String.valueOf(port), "-mi", host, "-mp", String.valueOf(RealAsterisk.freeUdpPort()), "-aa",
                    "-nostdin", "-trace_msg", "-message_file", messages.toString(), "-trace_err", "-error_file",
                    errors.toString()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve(label + ".screen.log").toFile()).start();
            return new Sipp(label, process, messages, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills in a scenario template: {@code {{name}}} placeholders, and {@code <!--if:name-->…<!--end:name-->} or
     * {@code <!--unless:name-->…<!--end:name-->} sections kept when the value is (not) empty.
     */
    static Path render(RealAsterisk pbx, String template, String label, Map<String, String> values) {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + template + ".xml")) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario template sipp/" + template + ".xml");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher sections = Pattern.compile("(?s)<!--(if|unless):(\\w+)-->\\R?(.*?)<!--end:\\2-->\\R?")
                    .matcher(text);
            StringBuilder kept = new StringBuilder();
            while (sections.find()) {
                boolean set = !values.getOrDefault(sections.group(2), "").isEmpty();
                boolean keep = sections.group(1).equals("if") == set;
                sections.appendReplacement(kept, keep ? Matcher.quoteReplacement(sections.group(3)) : "");
            }
            sections.appendTail(kept);
            Matcher placeholders = PLACEHOLDER.matcher(kept);
            StringBuilder filled = new StringBuilder();
            while (placeholders.find()) {
                String value = values.get(placeholders.group(1));
                if (value == null) {
                    throw new IllegalArgumentException(template + ": no value for " + placeholders.group());
                }
                placeholders.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            placeholders.appendTail(filled);
            Path directory = Files.createDirectories(pbx.home().resolve("sipp"));
            return Files.writeString(directory.resolve(label + ".xml"), filled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }

    /** Two seconds of a 425 Hz tone in G.711 A-law, 8 kHz: audio a recording can be checked for. */
    static byte[] tone() {
        byte[] alaw = new byte[16000];
        for (int i = 0; i < alaw.length; i++) {
            alaw[i] = linearToAlaw((short) (8000 * Math.sin(2 * Math.PI * 425 * i / 8000.0)));
        }
        return alaw;
    }

    /** ITU-T G.711 A-law encoding of one 16-bit sample. */
    static byte linearToAlaw(short sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int[] segmentEnds = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
        int segment = 0;
        while (segment < 8 && pcm > segmentEnds[segment]) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int value = segment << 4;
        value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte) (value ^ mask);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
