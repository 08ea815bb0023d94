package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Not even a direct SQL statement can rewrite or remove a history entry. */
@QuarkusTest
class HistoryIsAppendOnlyTest extends DatabaseTest {

    @Inject
    EntityManager entityManager;

    @Test
    void updatesAndDeletesOfEventsAreRefused() {
        String number = Api.registerDispatched("HOUSING");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update work_order_event set comment = 'rewritten' where work_order_id = "
                        + "(select id from work_order where number = ?1)")
                .setParameter(1, number).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from work_order_event where work_order_id = (select id from work_order where number = ?1)")
                .setParameter(1, number).executeUpdate()))
                .hasStackTraceContaining("append-only");
        long events = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from work_order_event e join work_order w on w.id = e.work_order_id where w.number = ?1")
                .setParameter(1, number).getSingleResult()).longValue());
        assertThat(events).isEqualTo(2);
    }
}
