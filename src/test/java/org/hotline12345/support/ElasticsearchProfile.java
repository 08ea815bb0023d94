package org.hotline12345.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with the Elasticsearch knowledge backend on a real node. */
public class ElasticsearchProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ElasticsearchResource.class));
    }
}
