package org.hotline12345.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Puts every Quarkus test of the suite on one embedded PostgreSQL and one fresh knowledge index, started once; test
 * classes extend this so that
 * they share the application instance.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KnowledgeIndexResource.class, scope = TestResourceScope.GLOBAL)
public abstract class DatabaseTest {
}
