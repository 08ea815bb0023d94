package org.hotline12345.dispatch;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.cluster.ClusterEvents;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.security.Actor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * 自动派单 while the service runs: administrators turn it on or off and set how sure the service must be (派单设置), for
 * example while a new responsibility list is checked. Until the first change the configuration's values apply. Each
 * instance keeps the settings in memory, since every registration reads them, and reloads them when any instance
 * changes them.
 */
@ApplicationScoped
public class DispatchSettings implements ClusterEvents.Subscriber {

    /** The PostgreSQL channel telling every instance to reload; the payload says nothing more. */
    static final String CHANNEL = "hotline_dispatch_settings";

    static final double MINIMUM_THRESHOLD = 0.5;

    private static final Logger LOG = Logger.getLogger(DispatchSettings.class);

    /**
     * @param changedBy the administrator who last changed them; null while the configuration's values apply
     */
    public record Settings(boolean autoDispatch, double autoDispatchThreshold, String changedBy, Instant changedAt) {
    }

    @Inject
    DispatchConfig config;

    @Inject
    ClusterEvents cluster;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private volatile Settings current;

    void start(@Observes StartupEvent event) {
        cluster.subscribe(CHANNEL, this);
        reload();
    }

    public Settings current() {
        return current;
    }

    /**
     * Sets both for every instance once the caller's transaction commits; this instance uses them at once. Below 0.5
     * the service would dispatch on a guess more likely wrong than right.
     */
    @Transactional
    public Settings change(boolean autoDispatch, double threshold, Actor by) {
        if (!(threshold >= MINIMUM_THRESHOLD && threshold <= 1)) {
            throw InvalidFieldException.malformed("autoDispatchThreshold", "Range", "须在 0.5 至 1 之间");
        }
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                insert into dispatch_setting (id, auto_dispatch, auto_dispatch_threshold, changed_by, changed_at)
                values (1, ?1, ?2, ?3, ?4)
                on conflict (id) do update set auto_dispatch = excluded.auto_dispatch,
                    auto_dispatch_threshold = excluded.auto_dispatch_threshold, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
                .setParameter(1, autoDispatch).setParameter(2, BigDecimal.valueOf(threshold))
                .setParameter(3, by.username()).setParameter(4, Timestamp.from(now)).executeUpdate();
        cluster.publish(CHANNEL, "changed");
        current = new Settings(autoDispatch, threshold, by.username(), now);
        LOG.infof("Automatic dispatch %s by %s (threshold %.3f)", autoDispatch ? "on" : "off", by.username(),
                threshold);
        return current;
    }

    @Override
    public void received(String payload) {
        reload();
    }

    @Override
    public void missedMessages() {
        reload();
    }

    private void reload() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select auto_dispatch, auto_dispatch_threshold, changed_by, changed_at from dispatch_setting
                where id = 1""").getResultList());
        if (rows.isEmpty()) {
            current = new Settings(config.autoDispatch(), config.autoDispatchThreshold(), null, null);
            return;
        }
        Object[] row = (Object[]) rows.get(0);
        current = new Settings((Boolean) row[0], ((BigDecimal) row[1]).doubleValue(), (String) row[2],
                row[3] instanceof Timestamp at ? at.toInstant() : (Instant) row[3]);
    }
}
