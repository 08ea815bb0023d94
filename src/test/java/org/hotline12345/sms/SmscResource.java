package org.hotline12345.sms;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The service texting through a {@link TestSmsc} on a free port: a narrow window and a short retry delay, so that the
 * tests see the window filled and a dropped session recovered within seconds.
 */
public class SmscResource implements QuarkusTestResourceLifecycleManager {

    static final String SYSTEM_ID = "hotline";
    static final String PASSWORD = "sms12345";
    static final int WINDOW = 4;
    static final int RATE = 100;

    private static volatile TestSmsc smsc;

    /** The SMSC the running service is bound to. */
    public static TestSmsc smsc() {
        return smsc;
    }

    @Override
    public Map<String, String> start() {
        smsc = TestSmsc.start(SYSTEM_ID, PASSWORD);
        return Map.of("hotline.sms.smsc.host", "127.0.0.1", "hotline.sms.smsc.port", String.valueOf(smsc.port()),
                "hotline.sms.smsc.system-id", SYSTEM_ID, "hotline.sms.smsc.password", PASSWORD,
                "hotline.sms.smsc.reconnect-delay", "PT0.2S", "hotline.sms.smsc.response-timeout", "PT3S",
                "hotline.sms.window", String.valueOf(WINDOW), "hotline.sms.rate", String.valueOf(RATE),
                "hotline.sms.retry-delay", "PT0.2S");
    }

    @Override
    public void stop() {
        smsc.close();
    }
}
