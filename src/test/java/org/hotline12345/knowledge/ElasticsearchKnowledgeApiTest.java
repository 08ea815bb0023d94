package org.hotline12345.knowledge;

import org.hotline12345.support.ElasticsearchProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole knowledge API suite with the Elasticsearch backend, on a real node. */
@QuarkusTest
@TestProfile(ElasticsearchProfile.class)
class ElasticsearchKnowledgeApiTest extends KnowledgeApiTest {

    @Override
    String backend() {
        return "elasticsearch";
    }
}
