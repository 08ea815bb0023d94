package org.hotline12345.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The relocatable Asterisk 22 build in {@code ../shared/tools/asterisk} (see its README) and SIPp (Debian's
 * {@code sip-tester}), and whether tests against them can run here. Tests use {@link #runnable()} as their JUnit
 * condition ({@code @EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")}), which skips them where
 * the bundle is absent, and fails them instead under CI ({@code CI=true}), where it must be there.
 */
public final class AsteriskBundle {

    /** Where the shared tools are, seen from the project's root (the tests' working directory). */
    static final Path SHARED = Path.of("..", "shared", "tools", "asterisk");
    /** Where instances are unpacked and configured. */
    static final Path WORK = Path.of("target", "pbx");
    /** The answer of the probe, kept as a system property: Quarkus tests load this class again. */
    private static final String VERDICT = "hotline.test.asterisk.verdict";
    private static final String RUNNABLE = "runnable";

    private AsteriskBundle() {
    }

    /**
     * Whether the real-PBX tests can run here: the bundle is present and its binary runs on this processor, and SIPp
     * is installed. Absent under CI is an error; a binary this processor cannot execute (the bundle was built for
     * another one) skips with the reason, which the log shows.
     */
    public static boolean runnable() {
        String verdict;
        synchronized (System.getProperties()) {
            verdict = System.getProperty(VERDICT);
            if (verdict == null) {
                verdict = probe();
                System.setProperty(VERDICT, verdict);
            }
        }
        if (RUNNABLE.equals(verdict)) {
            return true;
        }
        if (verdict.startsWith("absent") && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs the real Asterisk and SIPp: " + verdict);
        }
        System.err.println("[real PBX tests skipped] " + verdict);
        return false;
    }

    /** Whether the bundle's archive and SIPp are here, whether or not this processor runs the bundle. */
    public static boolean present() {
        try {
            archive();
            return onPath("sipp");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The bundle's archive, e.g. {@code asterisk-22.10.1-debian12-x86_64.tar.zst}. */
    static Path archive() {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(SHARED, "asterisk-*.tar.zst")) {
            for (Path archive : archives) {
                return archive;
            }
        } catch (IOException e) {
            // no folder: absent
        }
        throw new IllegalStateException("no asterisk-*.tar.zst in " + SHARED.toAbsolutePath().normalize());
    }

    /** Unpacks a fresh copy of the bundle into {@code directory}; returns its root (with run-asterisk.sh). */
    static Path unpack(Path directory) {
        try {
            Files.createDirectories(directory);
            run(List.of("tar", "--zstd", "-xf", archive().toAbsolutePath().toString(), "-C", directory.toString()));
            try (DirectoryStream<Path> roots = Files.newDirectoryStream(directory, "asterisk-*")) {
                for (Path root : roots) {
                    if (Files.isExecutable(root.resolve("run-asterisk.sh"))) {
                        return root.toAbsolutePath();
                    }
                }
            }
            throw new IllegalStateException("the bundle unpacked into " + directory + " has no run-asterisk.sh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String probe() {
        if (!Files.isDirectory(SHARED)) {
            return "absent: no " + SHARED.toAbsolutePath().normalize();
        }
        try {
            archive();
        } catch (IllegalStateException e) {
            return "absent: " + e.getMessage();
        }
        if (!onPath("sipp")) {
            return "absent: no sipp (apt-get install sip-tester)";
        }
        try {
            Path root = unpack(WORK.resolve("probe"));
            Path conf = Files.createDirectories(WORK.resolve("probe").resolve("conf"));
            // no Asterisk runs there, so a working binary says it cannot connect (exit 1); SIGILL is 128 + 4
            Process process = new ProcessBuilder(root.resolve("run-asterisk.sh").toString(), root.toString(),
                    conf.toAbsolutePath().toString(), "-rx", "core show version").redirectErrorStream(true)
                    .redirectOutput(WORK.resolve("probe").resolve("probe.log").toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "unusable: the bundle's asterisk did not answer within 30 s";
            }
            if (process.exitValue() == 128 + 4) {
                return "unusable here: the bundle's asterisk dies with SIGILL on this processor (built with"
                        + " -march=native for a CPU with instructions this one lacks, e.g. AVX-512; rebuild it with"
                        + " menuselect's BUILD_NATIVE off)";
            }
            return RUNNABLE;
        } catch (IOException | RuntimeException e) {
            return "unusable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unusable: interrupted";
        }
    }

    static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a short command and fails with its output unless it exits 0. */
    static String run(List<String> command) throws IOException {
        List<String> copy = new ArrayList<>(command);
        Process process = new ProcessBuilder(copy).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", copy) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", copy), e);
        }
    }
}
