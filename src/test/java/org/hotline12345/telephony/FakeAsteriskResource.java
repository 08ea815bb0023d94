package org.hotline12345.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.hotline12345.support.Ports;
import org.hotline12345.telephony.peer.FakeAsterisk;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A peer speaking AMI for the service to connect to, and a free port for its FastAGI server. */
public class FakeAsteriskResource implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "hotline-secret";
    private static final Path RECORDINGS = Path.of("target", "fake-asterisk-recordings");

    /** Init argument: {@code true} when Asterisk is still down as the service starts. */
    static final String DOWN_AT_START = "down-at-start";

    private static volatile FakeAsterisk asterisk;
    private boolean downAtStart;
    private static volatile int agiPort;

    /** The peer the running service is connected to. */
    static FakeAsterisk asterisk() {
        return asterisk;
    }

    static int agiPort() {
        return agiPort;
    }

    /** Where the service serves recordings from: tests put MixMonitor's files there. */
    static Path recordings() {
        return RECORDINGS.toAbsolutePath();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        downAtStart = Boolean.parseBoolean(initArgs.get(DOWN_AT_START));
    }

    @Override
    public Map<String, String> start() {
        try {
            asterisk = FakeAsterisk.start("hotline", SECRET);
            asterisk.setRefuseConnections(downAtStart);
            agiPort = Ports.free();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("hotline.telephony.enabled", "true", "hotline.telephony.ami.host", "127.0.0.1",
                "hotline.telephony.ami.port", String.valueOf(asterisk.port()), "hotline.telephony.ami.password",
                SECRET, "hotline.telephony.agi.bind-address", "127.0.0.1", "hotline.telephony.agi.port",
                String.valueOf(agiPort), "hotline.telephony.recordings-directory", recordings().toString());
    }

    @Override
    public void stop() {
        try {
            asterisk.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
