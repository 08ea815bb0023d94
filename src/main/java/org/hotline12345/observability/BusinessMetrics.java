package org.hotline12345.observability;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.hotline12345.deadline.CardLevel;
import org.hotline12345.deadline.SupervisionQueries;
import org.hotline12345.deadline.SupervisionViews.DepartmentClocks;
import org.hotline12345.knowledge.KnowledgeIndexQueue;
import org.hotline12345.partner.PartnerOutbox;
import org.hotline12345.sms.SmsOutbox;
import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.AmiClient;
import org.hotline12345.telephony.Wallboard;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.WorkOrderStatistics;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrdersRegistered;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The hotline's business figures in the metrics (Prometheus at {@code /q/metrics}, docs/operations.md lists them):
 * registrations per channel as a counter; the gauges that need the database are recounted every
 * {@code hotline.metrics.refresh-every} on each instance and a scrape reads the last counts; the switchboard's queues
 * and agents are read from memory at the same time. Each feature's figures come through its own service.
 */
@ApplicationScoped
public class BusinessMetrics {

    private static final Logger LOG = Logger.getLogger(BusinessMetrics.class);
    private static final String NO_DEPARTMENT = "none";

    @Inject
    MeterRegistry registry;

    @Inject
    WorkOrderStatistics statistics;

    @Inject
    SupervisionQueries supervision;

    @Inject
    SmsOutbox sms;

    @Inject
    PartnerOutbox partners;

    @Inject
    KnowledgeIndexQueue knowledgeIndex;

    @Inject
    Wallboard wallboard;

    @Inject
    AmiClient ami;

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "hotline.work.orders.open", "Work orders not closed, per status",
            "hotline.deadline.cards", "Clocks carrying a yellow, red or escalated card",
            "hotline.overdue.clocks", "Clocks past their deadline, per department holding the work order",
            "hotline.sms.pending", "SMS queued or being sent, not yet taken by the SMSC",
            "hotline.partner.deliveries.pending", "Events waiting to be pushed to partners",
            "hotline.knowledge.index.lag", "Knowledge articles changed and not yet written to the search index",
            "hotline.queue.waiting", "Callers waiting in the queue",
            "hotline.queue.longest.wait.seconds", "How long the first caller waiting in the queue has waited",
            "hotline.agents", "Agents per state",
            "hotline.ami.connected", "Whether the AMI connection to the Asterisk server is up (1) or down (0)");

    /** Each gauge's value per value of its one tag ("" for a gauge without tag). */
    private final Map<String, Map<String, AtomicLong>> gauges = new ConcurrentHashMap<>();
    private final Map<Channel, Counter> registrations = new EnumMap<>(Channel.class);

    void start(@Observes StartupEvent startup) {
        for (Channel channel : Channel.values()) {
            registrations.put(channel, Counter.builder("hotline.registrations")
                    .description("Work orders registered, per channel").tag("channel", channel.name())
                    .register(registry));
        }
        Map<String, Long> noneOpen = new HashMap<>();
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            if (status != WorkOrderStatus.CLOSED) {
                noneOpen.put(status.name(), 0L);
            }
        }
        setAll("hotline.work.orders.open", "status", noneOpen);
        setAll("hotline.deadline.cards", "level", Map.of(CardLevel.YELLOW.name(), 0L, CardLevel.RED.name(), 0L,
                CardLevel.ESCALATED.name(), 0L));
        Map<String, Long> noAgents = new HashMap<>();
        for (AgentState state : AgentState.values()) {
            noAgents.put(state.name(), 0L);
        }
        setAll("hotline.agents", "state", noAgents);
    }

    /** Counted once the registration is committed, so that a rolled-back group commit counts nothing. */
    void onRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkOrdersRegistered registered) {
        registered.workOrders().forEach(order -> registrations.get(order.channel()).increment());
    }

    @Scheduled(every = "${hotline.metrics.refresh-every}", delayed = "5s", executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledRefresh() {
        refresh();
    }

    /** Recounts every gauge; a source that fails keeps its last counts and the others go on. */
    public void refresh() {
        read("open work orders", () -> {
            Map<String, Long> open = new HashMap<>();
            statistics.openByStatus().forEach(count -> open.put(count.status().name(), count.count()));
            setAll("hotline.work.orders.open", "status", open);
        });
        read("deadline clocks", () -> {
            Map<String, Long> cards = new HashMap<>();
            Map<String, Long> overdue = new HashMap<>();
            for (DepartmentClocks clocks : supervision.clocksByDepartment()) {
                cards.merge(CardLevel.YELLOW.name(), clocks.yellow(), Long::sum);
                cards.merge(CardLevel.RED.name(), clocks.red(), Long::sum);
                cards.merge(CardLevel.ESCALATED.name(), clocks.escalated(), Long::sum);
                overdue.merge(clocks.department() == null ? NO_DEPARTMENT : clocks.department(), clocks.overdue(),
                        Long::sum);
            }
            setAll("hotline.deadline.cards", "level", cards);
            setAll("hotline.overdue.clocks", "department", overdue);
        });
        read("SMS outbox", () -> set("hotline.sms.pending", sms.pendingCount()));
        read("partner outbox", () -> set("hotline.partner.deliveries.pending", partners.pendingCount()));
        read("knowledge index queue",
                () -> set("hotline.knowledge.index.lag", QuarkusTransaction.requiringNew().call(knowledgeIndex::size)));
        read("switchboard", this::readSwitchboard);
    }

    private void readSwitchboard() {
        Wallboard.LiveFigures live = wallboard.live();
        Map<String, Long> waiting = new HashMap<>();
        Map<String, Long> longest = new HashMap<>();
        live.queues().forEach(queue -> {
            waiting.put(queue.queue(), (long) queue.waiting());
            longest.put(queue.queue(), queue.longestWaitSeconds());
        });
        setAll("hotline.queue.waiting", "queue", waiting);
        setAll("hotline.queue.longest.wait.seconds", "queue", longest);
        Map<String, Long> agents = new HashMap<>();
        live.agents().forEach((state, count) -> agents.put(state.name(), (long) count));
        setAll("hotline.agents", "state", agents);
        Map<String, Long> connected = new HashMap<>();
        ami.status().servers().forEach(server -> connected.put(server.name(), server.connected() ? 1L : 0L));
        setAll("hotline.ami.connected", "server", connected);
    }

    private void read(String what, Runnable source) {
        try {
            source.run();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Metrics: %s not recounted this time", what);
        }
    }

    private void set(String name, long value) {
        setAll(name, null, Map.of("", value));
    }

    /** Sets the gauge per tag value; a value counted before and absent now drops to zero rather than vanishing. */
    private void setAll(String name, String tag, Map<String, Long> values) {
        Map<String, AtomicLong> byTag = gauges.computeIfAbsent(name, key -> new ConcurrentHashMap<>());
        byTag.forEach((value, gauge) -> gauge.set(values.getOrDefault(value, 0L)));
        values.forEach((value, count) -> byTag.computeIfAbsent(value, key -> register(name, tag, value)).set(count));
    }

    private AtomicLong register(String name, String tag, String value) {
        AtomicLong gauge = new AtomicLong();
        Gauge.Builder<AtomicLong> builder = Gauge.builder(name, gauge, AtomicLong::get)
                .description(DESCRIPTIONS.get(name)).strongReference(true);
        if (tag != null) {
            builder.tag(tag, value);
        }
        builder.register(registry);
        return gauge;
    }
}
