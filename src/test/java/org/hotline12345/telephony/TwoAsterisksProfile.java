package org.hotline12345.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.Ports;
import org.hotline12345.telephony.peer.FakeAsterisk;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with two Asterisk servers configured ({@code hotline.telephony.servers.pbx1}, {@code .pbx2}). */
public class TwoAsterisksProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Peers.class));
    }

    /** Two simulated Asterisks, each with its own AMI port and the same secret. */
    public static class Peers implements QuarkusTestResourceLifecycleManager {

        private static volatile FakeAsterisk first;
        private static volatile FakeAsterisk second;

        static FakeAsterisk pbx1() {
            return first;
        }

        static FakeAsterisk pbx2() {
            return second;
        }

        @Override
        public Map<String, String> start() {
            try {
                first = FakeAsterisk.start("hotline", FakeAsteriskResource.SECRET);
                second = FakeAsterisk.start("hotline", FakeAsteriskResource.SECRET);
                Map<String, String> config = new HashMap<>();
                config.put("hotline.telephony.enabled", "true");
                config.put("hotline.telephony.ami.password", FakeAsteriskResource.SECRET);
                config.put("hotline.telephony.servers.pbx1.host", "127.0.0.1");
                config.put("hotline.telephony.servers.pbx1.port", String.valueOf(first.port()));
                config.put("hotline.telephony.servers.pbx2.host", "127.0.0.1");
                config.put("hotline.telephony.servers.pbx2.port", String.valueOf(second.port()));
                config.put("hotline.telephony.agi.bind-address", "127.0.0.1");
                config.put("hotline.telephony.agi.port", String.valueOf(Ports.free()));
                return config;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            try {
                first.close();
                second.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
