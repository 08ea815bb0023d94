package org.hotline12345.sms;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.hotline12345.telephony.Backoff;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * The operator's SMSC over SMPP 3.4: one transceiver session (bind_transceiver), so that delivery receipts come back
 * on the session the messages went out on. The session is bound at start and bound again after it drops, waiting
 * longer after each failed attempt; a message sent while it is down fails at once and is retried by the queue.
 * Submits are held to the window (submit_sm awaiting their response) and to the rate the operator allows.
 */
final class SmppGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class);

    /** What the SMSC reports for an id it gave a part. */
    interface Receipts {
        void received(String smscMessageId, String state, String error);
    }

    /** Refusals that no retry can change. */
    private static final List<Integer> PERMANENT = List.of(SMPPConstant.STAT_ESME_RINVDSTADR,
            SMPPConstant.STAT_ESME_RINVDSTTON, SMPPConstant.STAT_ESME_RINVDSTNPI, SMPPConstant.STAT_ESME_RINVMSGLEN,
            SMPPConstant.STAT_ESME_RINVDCS);

    private final SmsConfig config;
    private final Receipts receipts;
    private final Semaphore window;
    private final RateLimiter rate;
    private final Backoff backoff;
    private final ScheduledExecutorService binder;
    private volatile SMPPSession session;
    private volatile boolean closed;

    SmppGateway(SmsConfig config, Receipts receipts) {
        this.config = config;
        this.receipts = receipts;
        this.window = new Semaphore(config.window(), true);
        this.rate = new RateLimiter(config.rate());
        this.backoff = new Backoff(config.smsc().reconnectDelay(), Duration.ofMinutes(1),
                ThreadLocalRandom.current()::nextDouble);
        this.binder = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smpp-bind");
            thread.setDaemon(true);
            return thread;
        });
        binder.execute(this::bind);
    }

    @Override
    public List<String> send(Outgoing message) throws Exception {
        SMPPSession current = session;
        if (current == null || !current.getSessionState().isBound()) {
            throw new IOException("no SMPP session bound to the SMSC");
        }
        List<byte[]> parts = SmsText.parts(message.body(), (int) message.id());
        ESMClass esm = parts.size() > 1
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        List<String> ids = new ArrayList<>(parts.size());
        for (byte[] part : parts) {
            window.acquire();
            try {
                rate.acquire();
                ids.add(current.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        config.sourceAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN,
                        message.recipient(), esm, (byte) 0, (byte) (message.urgent() ? 1 : 0), null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part).getMessageId());
            } catch (NegativeResponseException refused) {
                if (PERMANENT.contains(refused.getCommandStatus())) {
                    throw new SmsRefusedException(
                            "the SMSC refused it: command_status 0x" + Integer.toHexString(refused.getCommandStatus()));
                }
                throw refused;
            } finally {
                window.release();
            }
        }
        return ids;
    }

    @Override
    public boolean reachesSmsc() {
        return true;
    }

    @Override
    public boolean connected() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    @Override
    public void close() {
        closed = true;
        binder.shutdownNow();
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    private void bind() {
        if (closed) {
            return;
        }
        SMPPSession fresh = new SMPPSession();
        try {
            fresh.setTransactionTimer(config.smsc().responseTimeout().toMillis());
            fresh.setEnquireLinkTimer((int) config.smsc().enquireLinkEvery().toMillis());
            fresh.setMessageReceiverListener(new ReceiptListener());
            fresh.connectAndBind(config.smsc().host().orElseThrow(), config.smsc().port(),
                    new BindParameter(BindType.BIND_TRX, config.smsc().systemId(),
                            config.smsc().password().orElse(""), config.smsc().systemType().orElse(""),
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.smsc().responseTimeout().toMillis());
            fresh.addSessionStateListener(this::onStateChange);
            session = fresh;
            backoff.reset();
            LOG.infof("Bound to the SMSC at %s:%d as %s", config.smsc().host().orElseThrow(), config.smsc().port(),
                    config.smsc().systemId());
            if (!fresh.getSessionState().isBound()) {
                // dropped between the bind and the listener: nobody else will notice
                rebindLater();
            }
        } catch (IOException | RuntimeException e) {
            fresh.close();
            Duration wait = backoff.next();
            LOG.warnf("Could not bind to the SMSC at %s:%d (%s); trying again in %s",
                    config.smsc().host().orElseThrow(), config.smsc().port(), e.getMessage(), wait);
            schedule(wait);
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED && source == session && !closed) {
            LOG.warnf("The SMPP session with the SMSC closed; binding again");
            rebindLater();
        }
    }

    private void rebindLater() {
        schedule(backoff.next());
    }

    private void schedule(Duration wait) {
        if (!closed) {
            binder.schedule(this::bind, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Delivery receipts (deliver_sm with the SMSC delivery receipt type) become the parts' outcomes. */
    private final class ReceiptListener implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                // a citizen's reply to the hotline's number: not handled here, acknowledged so it is not sent again
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                receipts.received(receipt.getId(), receipt.getFinalStatus().name(), receipt.getError());
            } catch (InvalidDeliveryReceiptException e) {
                LOG.warnf("A delivery receipt could not be read: %s", e.getMessage());
            } catch (RuntimeException e) {
                // answered with an error, so that the SMSC delivers the receipt again later
                throw new ProcessRequestException("the receipt could not be recorded", SMPPConstant.STAT_ESME_RSYSERR,
                        e);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not asked for
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
