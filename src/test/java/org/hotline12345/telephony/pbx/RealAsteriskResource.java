package org.hotline12345.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline12345.support.Ports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test service connected to a {@link RealAsterisk} over AMI and FastAGI (telephony on, recordings served from its
 * monitor directory). Used through {@link RealAsteriskProfile}; tests reach the running Asterisk with
 * {@link #asterisk()}, which also points its queue_log at the service's database the first time.
 */
public class RealAsteriskResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RealAsterisk asterisk;
    private static volatile boolean queueLogConnected;

    /** The Asterisk the running service is connected to, its queue_log written to the service's database. */
    public static RealAsterisk asterisk() {
        if (!queueLogConnected) {
            Config config = ConfigProvider.getConfig();
            asterisk.queueLogTo(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
            queueLogConnected = true;
        }
        return asterisk;
    }

    @Override
    public Map<String, String> start() {
        try {
            int agiPort = Ports.free();
            asterisk = RealAsterisk.start(RealAsterisk.Options.of("service-pbx", agiPort));
            queueLogConnected = false;
            return Map.of("hotline.telephony.enabled", "true", "hotline.telephony.ami.host", RealAsterisk.HOST,
                    "hotline.telephony.ami.port", String.valueOf(asterisk.amiPort()),
                    "hotline.telephony.ami.password", RealAsterisk.AMI_SECRET,
                    "hotline.telephony.agi.bind-address", RealAsterisk.HOST, "hotline.telephony.agi.port",
                    String.valueOf(agiPort), "hotline.telephony.recordings-directory",
                    asterisk.recordings().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (asterisk != null) {
            asterisk.close();
        }
    }
}
