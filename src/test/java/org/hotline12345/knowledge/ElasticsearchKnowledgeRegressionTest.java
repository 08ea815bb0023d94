package org.hotline12345.knowledge;

import org.hotline12345.support.ElasticsearchProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The regression set on Elasticsearch. */
@QuarkusTest
@TestProfile(ElasticsearchProfile.class)
class ElasticsearchKnowledgeRegressionTest extends KnowledgeRegressionTest {
}
