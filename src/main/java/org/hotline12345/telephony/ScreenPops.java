package org.hotline12345.telephony;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.access.PersonalDataReads;
import org.hotline12345.knowledge.KnowledgeSearch;
import org.hotline12345.knowledge.KnowledgeViews.ArticleHit;
import org.hotline12345.security.UserService;
import org.hotline12345.telephony.CallerProfile.WorkOrderBrief;
import org.jboss.logging.Logger;

/**
 * Builds the screen pop when a queue call rings at an agent and pushes it to that agent's pages. The look-ups run off
 * the event thread, so a slow database delays this pop and nothing else.
 */
@ApplicationScoped
public class ScreenPops {

    private static final Logger LOG = Logger.getLogger(ScreenPops.class);
    /** What the knowledge base is asked for a caller on the enterprise line with no earlier request. */
    private static final String ENTERPRISE_TOPIC = "企业诉求 营商环境";

    @Inject
    CallerLookup lookup;

    @Inject
    KnowledgeSearch knowledge;

    @Inject
    TelephonyPushes pushes;

    @Inject
    PersonalDataReads reads;

    @Inject
    UserService users;

    private final ExecutorService builders = Executors.newFixedThreadPool(4, Switchboard.daemon("screen-pop"));

    @PreDestroy
    void stop() {
        builders.shutdownNow();
    }

    void ringing(Ringing ringing) {
        if (ringing.agentUsername() == null) {
            return;
        }
        builders.execute(() -> {
            try {
                ScreenPop pop = build(ringing);
                recordShown(ringing, pop);
                pushes.screenPop(ringing.agentUsername(), pop);
            } catch (RuntimeException e) {
                LOG.warnf(e, "No screen pop for call %s", ringing.callId());
            }
        });
    }

    /** The pop shows the caller's number with their work orders: the access record keeps that the agent saw them. */
    private void recordShown(Ringing ringing, ScreenPop pop) {
        List<PersonalDataReads.Shown> shown = Stream.concat(pop.openWorkOrders().stream(),
                pop.pastWorkOrders().stream()).map(order -> new PersonalDataReads.Shown(order.number(), false))
                .toList();
        if (!shown.isEmpty()) {
            reads.shown(new PersonalDataReads.Reader(ringing.agentUsername(),
                    users.get(ringing.agentUsername()).role().name()),
                    PersonalDataReads.Purpose.screenPop(ringing.callId()), shown);
        }
    }

    ScreenPop build(Ringing ringing) {
        CallerProfile profile = lookup.profile(ringing.callerNumber(), ringing.callId());
        List<WorkOrderBrief> open = profile.workOrders().stream().filter(WorkOrderBrief::open).toList();
        List<WorkOrderBrief> past = profile.workOrders().stream().filter(order -> !order.open()).toList();
        boolean enterprise = ringing.ivrChoice() == IvrChoice.ENTERPRISE || profile.enterprise() != null;
        return new ScreenPop(ScreenPop.TYPE, ringing.callId(), ringing.callerNumber(), ringing.queue(),
                ringing.ivrChoice(), profile.repeatCaller(), profile.recentCalls(), enterprise, profile.enterprise(),
                open, past, articles(open, enterprise), ringing.at());
    }

    /** Articles for what the caller most likely calls about: their newest open request, or the enterprise line. */
    private List<ArticleHit> articles(List<WorkOrderBrief> open, boolean enterprise) {
        String topic = !open.isEmpty() ? open.get(0).title() : enterprise ? ENTERPRISE_TOPIC : null;
        if (topic == null) {
            return List.of();
        }
        try {
            return knowledge.suggest(topic, null, 3);
        } catch (RuntimeException e) {
            // the pop matters more than its articles: knowledge search may be down
            LOG.debugf(e, "No article suggestions for the screen pop");
            return List.of();
        }
    }
}
