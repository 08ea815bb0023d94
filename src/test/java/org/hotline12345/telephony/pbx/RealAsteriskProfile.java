package org.hotline12345.telephony.pbx;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with telephony on, connected to a real Asterisk ({@link RealAsteriskResource}). Every real-PBX test
 * class uses this one profile, so they share one service start and one Asterisk. Put
 * {@code @EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")} on the class: it skips where the
 * bundle cannot run before the service starts.
 */
public class RealAsteriskProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealAsteriskResource.class));
    }
}
