package org.hotline12345.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which relocatable Asterisk 22 the real-PBX tests run, and whether they can run here. In this order: the shared
 * bundle in {@code ../shared/tools/asterisk} (see its README) when it really starts on this processor; else the build
 * {@code telephony/build/build-asterisk.sh} made here (Debian's source package, no {@code -march=native}); else, under
 * CI ({@code CI=true}), that script is run to make it (it caches its result). Tests use {@link #runnable()} as their
 * JUnit condition ({@code @EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")}): outside CI they skip
 * with the reason where no Asterisk can start (e.g. the shared bundle dies with SIGILL and nothing was built yet);
 * under CI they fail instead. SIPp (Debian's {@code sip-tester}) is needed as well.
 */
public final class AsteriskBundle {

    /** Where the shared tools are, seen from the project's root (the tests' working directory). */
    static final Path SHARED = Path.of("..", "shared", "tools", "asterisk");
    /** Builds the local Asterisk (idempotent: prints the cached archive's path when there is one). */
    static final Path BUILD_SCRIPT = Path.of("telephony", "build", "build-asterisk.sh");
    /** Where instances are unpacked and configured. */
    static final Path WORK = Path.of("target", "pbx");
    /** The answer of the probe, kept as a system property: Quarkus tests load this class again. */
    private static final String VERDICT = "hotline.test.asterisk.verdict";
    /** A verdict naming the archive that starts here. */
    private static final String RUNNABLE = "runnable:";
    private static final Pattern REQUIRED_MODULE = Pattern.compile("(?m)^require = (\\S+)$");

    private AsteriskBundle() {
    }

    /**
     * Whether the real-PBX tests can run here: an Asterisk archive starts on this processor and SIPp is installed.
     * Otherwise they skip with the reason, which the log shows, or fail under CI, where they must run.
     */
    public static boolean runnable() {
        String verdict = verdict();
        if (verdict.startsWith(RUNNABLE)) {
            return true;
        }
        if (ci()) {
            throw new IllegalStateException("CI needs the real Asterisk and SIPp: " + verdict);
        }
        System.err.println("[real PBX tests skipped] " + verdict);
        return false;
    }

    /** Whether SIPp and an Asterisk archive are here, whether or not this processor runs it. */
    public static boolean present() {
        return onPath("sipp") && (shared().isPresent() || Files.isRegularFile(localBuild()));
    }

    /** The archive the tests unpack: the one that starts here, else whichever is present. */
    static Path archive() {
        String verdict = System.getProperty(VERDICT, "");
        if (verdict.startsWith(RUNNABLE)) {
            return Path.of(verdict.substring(RUNNABLE.length()));
        }
        return shared().or(() -> Optional.of(localBuild()).filter(Files::isRegularFile))
                .orElseThrow(() -> new IllegalStateException("no asterisk-*.tar.zst in "
                        + SHARED.toAbsolutePath().normalize() + " and no " + localBuild()));
    }

    /** Unpacks a fresh copy of {@link #archive()} into {@code directory}; returns its root (with run-asterisk.sh). */
    static Path unpack(Path directory) {
        return unpack(archive(), directory);
    }

    private static Path unpack(Path archive, Path directory) {
        try {
            Files.createDirectories(directory);
            run(List.of("tar", "--zstd", "-xf", archive.toAbsolutePath().toString(), "-C", directory.toString()));
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

    private static String verdict() {
        synchronized (System.getProperties()) {
            String verdict = System.getProperty(VERDICT);
            if (verdict == null) {
                verdict = probe();
                System.setProperty(VERDICT, verdict);
            }
            return verdict;
        }
    }

    private static String probe() {
        if (!onPath("sipp")) {
            return "absent: no sipp (apt-get install sip-tester)";
        }
        String sharedVerdict = shared().map(archive -> start("shared", archive))
                .orElse("absent: no asterisk-*.tar.zst in " + SHARED.toAbsolutePath().normalize());
        if (sharedVerdict.startsWith(RUNNABLE)) {
            return sharedVerdict;
        }
        Path local = localBuild();
        if (ci()) {
            try {
                // under CI nothing else provides it: build it (idempotent, so a cached build costs nothing)
                local = Path.of(build().strip());
            } catch (IOException e) {
                return "the shared bundle: " + sharedVerdict + "; building it here failed: " + e.getMessage();
            }
        }
        if (!Files.isRegularFile(local)) {
            return "the shared bundle: " + sharedVerdict + "; no local build at " + local + ": run " + BUILD_SCRIPT
                    + " once (about 10 minutes, see docs/telephony.md)";
        }
        String localVerdict = start("local", local);
        return localVerdict.startsWith(RUNNABLE)
                ? localVerdict
                : "the shared bundle: " + sharedVerdict + "; the local build: " + localVerdict;
    }

    /**
     * Really starts the archive's Asterisk here (not just {@code -V}: a binary built for another processor may get
     * that far) with the modules the shipped telephony/modules.conf requires, waits until it is fully booted and
     * stops it. Returns {@link #RUNNABLE} with the archive, or why not.
     */
    private static String start(String name, Path archive) {
        Path home = WORK.resolve("probe-" + name).toAbsolutePath();
        Process process = null;
        try {
            RealAsterisk.deleteTree(home);
            Path root = unpack(archive, home);
            Path conf = Files.createDirectories(home.resolve("conf"));
            StringBuilder modules = new StringBuilder("[modules]\nautoload = no\n");
            Matcher required = REQUIRED_MODULE.matcher(Files.readString(Path.of("telephony", "modules.conf")));
            while (required.find()) {
                modules.append("load = ").append(required.group(1)).append('\n');
            }
            Files.writeString(conf.resolve("modules.conf"), modules);
            Path console = home.resolve("console.log");
            String launcher = root.resolve("run-asterisk.sh").toString();
            process = new ProcessBuilder(launcher, root.toString(), conf.toString(), "-f").redirectErrorStream(true)
                    .redirectOutput(console.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    int status = process.exitValue();
                    return (status == 128 + 4
                            ? "dies with SIGILL on this processor (built for instructions it lacks, e.g. with"
                                    + " -march=native on a CPU with AVX-512)"
                            : "exited with " + status + " while starting") + "; see " + console;
                }
                try {
                    cli(root, "core waitfullybooted");
                    cli(root, "core stop now");
                    process.waitFor(15, TimeUnit.SECONDS);
                    return RUNNABLE + archive.toAbsolutePath().normalize();
                } catch (IOException e) {
                    // the control socket is not there yet
                }
                Thread.sleep(200);
            }
            return "did not boot within 60 s; see " + console;
        } catch (IOException | RuntimeException e) {
            return "unusable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unusable: interrupted";
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Runs the build script; it prints the archive's path (after about 10 minutes the first time). */
    private static String build() throws IOException {
        Process process = new ProcessBuilder(BUILD_SCRIPT.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(BUILD_SCRIPT + " failed (its output is above)");
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + BUILD_SCRIPT, e);
        }
    }

    private static Optional<Path> shared() {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(SHARED, "asterisk-*.tar.zst")) {
            for (Path archive : archives) {
                return Optional.of(archive);
            }
        } catch (IOException e) {
            // no folder: absent
        }
        return Optional.empty();
    }

    /** Where {@link #BUILD_SCRIPT} keeps its archive (its {@code HOTLINE_ASTERISK_CACHE}, same default). */
    static Path localBuild() {
        String cache = System.getenv("HOTLINE_ASTERISK_CACHE");
        Path directory = cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "hotline-asterisk-22.10.1");
        return directory.resolve("asterisk-22.10.1-generic-x86_64.tar.zst");
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a CLI command on the Asterisk started from {@code root} ({@code asterisk -rx}) and returns what it printed.
     * Not through run-asterisk.sh: that rewrites {@code asterisk.conf} each time, and an Asterisk starting (or
     * restarting) meanwhile reads it half-written and looks for its files in /var.
     */
    static String cli(Path root, String command) throws IOException {
        return run(List.of(root.resolve("sbin/asterisk").toString(), "-C", root.resolve("asterisk.conf").toString(),
                "-rx", command), Map.of("LD_LIBRARY_PATH", root.resolve("lib").toString()));
    }

    /** Runs a short command and fails with its output unless it exits 0. */
    static String run(List<String> command) throws IOException {
        return run(command, Map.of());
    }

    private static String run(List<String> command, Map<String, String> environment) throws IOException {
        List<String> copy = new ArrayList<>(command);
        ProcessBuilder builder = new ProcessBuilder(copy).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
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
