package org.hotline12345.telephony;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with telephony on, connected to a {@link org.hotline12345.telephony.peer.FakeAsterisk}. */
public class TelephonyProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeAsteriskResource.class));
    }
}
