package org.hotline12345.telephony;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiServerThread;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.hotline12345.telephony.OrderStatusReadback.Readback;
import org.hotline12345.telephony.callback.MissedCalls;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The FastAGI server the dialplan asks for the IVR's decisions: {@code caller-lookup}, {@code menu},
 * {@code order-status}, {@code survey} and {@code after-hours} (telephony/CONTRACT.md). Each script only reads the
 * request and sets
 * channel variables; the dialplan decides what to play, so a failure here leaves the call on its default path.
 */
@ApplicationScoped
public class FastAgiServer {

    private static final Logger LOG = Logger.getLogger(FastAgiServer.class);
    private static final String CALLER_LOOKUP = "caller-lookup", MENU = "menu", ORDER_STATUS = "order-status",
            SURVEY = "survey", AFTER_HOURS = "after-hours";
    /** The scripts the dialplan may ask for. */
    static final Set<String> SCRIPTS = Set.of(CALLER_LOOKUP, MENU, ORDER_STATUS, SURVEY, AFTER_HOURS);

    @Inject
    TelephonyConfig config;

    @Inject
    IvrService ivr;

    @Inject
    MissedCalls missedCalls;

    @Inject
    Clock clock;

    private AgiServerThread thread;

    void start(@Observes StartupEvent event) throws UnknownHostException {
        if (!config.enabled()) {
            return;
        }
        SimpleMappingStrategy scripts = new SimpleMappingStrategy();
        scripts.setMappings(Map.of(
                CALLER_LOOKUP, (AgiScript) this::callerLookup,
                MENU, (AgiScript) this::menu,
                ORDER_STATUS, (AgiScript) this::orderStatus,
                SURVEY, (AgiScript) this::survey,
                AFTER_HOURS, (AgiScript) this::afterHours));
        DefaultAgiServer server = new DefaultAgiServer(scripts);
        server.setAddress(InetAddress.getByName(config.agi().bindAddress()));
        server.setPort(config.agi().port());
        server.setPoolSize(config.agi().poolSize());
        server.setMaximumPoolSize(config.agi().poolSize());
        thread = new AgiServerThread(server);
        thread.setDaemon(true);
        thread.startup();
        LOG.infof("FastAGI server listening on %s:%d", config.agi().bindAddress(), config.agi().port());
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdown();
        }
    }

    private void callerLookup(AgiRequest request, AgiChannel channel) throws AgiException {
        CallerProfile profile = ivr.callerEntered(request.getUniqueId(), request.getChannel(),
                request.getCallerIdNumber());
        channel.setVariable("HOTLINE_BLOCKED", flag(profile.blocked()));
        channel.setVariable("HOTLINE_REPEAT", flag(profile.repeatCaller()));
        channel.setVariable("HOTLINE_ENTERPRISE", flag(profile.enterprise() != null));
        channel.setVariable("HOTLINE_OPEN_ORDERS", String.valueOf(profile.openWorkOrders()));
        // 漏接回拨: outside service hours the dialplan notes the caller for a callback instead of queueing
        channel.setVariable("HOTLINE_AFTER_HOURS", flag(!missedCalls.hours().open(clock.instant())));
    }

    private void menu(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.setVariable("HOTLINE_QUEUE", ivr.menuChoice(request.getUniqueId(), request.getParameter("choice")));
    }

    private void orderStatus(AgiRequest request, AgiChannel channel) throws AgiException {
        // key 2 leads here, not to menu: the call's IVR choice is the progress query
        ivr.menuChoice(request.getUniqueId(), "2");
        Readback readback = ivr.orderStatus(request.getParameter("number"), request.getCallerIdNumber())
                .orElse(null);
        channel.setVariable("HOTLINE_STATUS_FOUND", flag(readback != null));
        if (readback != null) {
            channel.setVariable("HOTLINE_STATUS_TEXT", readback.text());
            channel.setVariable("HOTLINE_STATUS_PROMPTS", String.join("&", readback.prompts()));
        }
    }

    private void survey(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.setVariable("HOTLINE_SURVEY_OK", flag(ivr.survey(request.getUniqueId(),
                request.getParameter("result"))));
    }

    /** A call outside service hours: the caller is put on the callback list (漏接回拨). */
    private void afterHours(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.setVariable("HOTLINE_CALLBACK_NOTED", flag(missedCalls.afterHours(request.getUniqueId(),
                request.getCallerIdNumber())));
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
