package org.hotline12345.telephony;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline12345.common.ServiceUnavailableException;
import org.jboss.logging.Logger;

/**
 * The live state of calls and agents. One thread applies every change, in the order Asterisk sent them, whether it
 * came as an AMI event or from the IVR; readers ask that thread, so they see one consistent moment.
 */
@ApplicationScoped
public class Switchboard {

    private static final Logger LOG = Logger.getLogger(Switchboard.class);

    @Inject
    TelephonyConfig config;

    @Inject
    Clock clock;

    @Inject
    CallStore store;

    @Inject
    TelephonyPushes pushes;

    @Inject
    ScreenPops screenPops;

    private ExecutorService applier;
    private ScheduledExecutorService ticker;
    private CallBoard calls;
    private AgentBoard agents;
    private AmiEventRouter router;

    @PostConstruct
    void init() {
        applier = Executors.newSingleThreadExecutor(daemon("telephony-events"));
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("telephony-ticker"));
        calls = new CallBoard(new CallBoard.Listener() {
            @Override
            public void updated(CallUpdate update) {
                store.write(update);
            }

            @Override
            public void ringing(Ringing ringing) {
                screenPops.ringing(ringing);
            }

            @Override
            public void callbackPlaced(String agentUsername, CallbackOutcome outcome) {
                pushes.callbackOutcome(agentUsername, outcome);
            }
        });
        agents = new AgentBoard(config.wrapUp(), status -> {
            store.write(status);
            pushes.agentChanged(status);
        });
        router = new AmiEventRouter(calls, agents, clock);
        ticker.scheduleWithFixedDelay(() -> run(() -> agents.tick(clock.instant())), 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        applier.shutdown();
    }

    /** Called on Asterisk-Java's reader thread: hands {@code server}'s event over and returns at once. */
    void accept(String server, ManagerEvent event) {
        run(() -> router.apply(server, event));
    }

    /** Applies a change on the board thread, after every change handed over before it. */
    void run(BoardChange change) {
        applier.execute(() -> {
            try {
                change.apply();
            } catch (RuntimeException e) {
                LOG.warnf(e, "A telephony event could not be applied");
            }
        });
    }

    /** Reads the boards at one moment. */
    <T> T read(BoardQuery<T> query) {
        Future<T> answer = applier.submit((Callable<T>) () -> query.read(calls, agents));
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while reading the switchboard", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceUnavailableException("the switchboard did not answer", e);
        }
    }

    CallBoard calls() {
        return calls;
    }

    AgentBoard agents() {
        return agents;
    }

    @FunctionalInterface
    interface BoardChange {
        void apply();
    }

    @FunctionalInterface
    interface BoardQuery<T> {
        T read(CallBoard calls, AgentBoard agents);
    }

    /** Threads of the telephony's own executors: named, and never keeping the service from stopping. */
    public static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
