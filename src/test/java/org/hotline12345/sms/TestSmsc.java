package org.hotline12345.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.support.Ports;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageIDGenerator;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * An SMSC for the tests and benchmarks: jsmpp's server side on a free local port, a real SMPP 3.4 session over TCP.
 * It checks the bind's system id and password, keeps every submit_sm as it came, joins concatenated parts by their
 * user data header the way a phone does, answers each submit with a message id and then sends the delivery receipt
 * for it. Tests make it slow (to see the window), refuse submits as throttled, drop its sessions, or report parts as
 * undelivered.
 */
public final class TestSmsc implements AutoCloseable {

    /** A submit_sm as it arrived. */
    public record Submitted(String destination, String source, byte esmClass, byte dataCoding, byte[] shortMessage,
            String messageId, Instant at) {
    }

    /** A whole message as the phone shows it, its parts joined. */
    public record Message(String destination, String text, int parts, Instant at) {
    }

    private static final Pattern CODE = Pattern.compile("验证码是(\\d{6})");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

    public final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    public final List<Message> messages = new CopyOnWriteArrayList<>();
    public final List<String> receiptsSent = new CopyOnWriteArrayList<>();

    /** How long each submit waits before its response. */
    public volatile Duration responseDelay = Duration.ZERO;
    /** The next this many submits are refused with ESME_RTHROTTLED. */
    public final AtomicInteger throttleNext = new AtomicInteger();
    /** The final state the delivery receipts report. */
    public volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;
    /** Whether delivery receipts are sent at all. */
    public volatile boolean sendReceipts = true;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final String systemId;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> partial = new ConcurrentHashMap<>();
    private final MessageIDGenerator ids = new RandomMessageIDGenerator();
    private final ExecutorService receipts = Executors.newSingleThreadExecutor();
    private final Thread acceptor;
    private volatile boolean closed;

    private TestSmsc(String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.listener = new SMPPServerSessionListener(Ports.free());
        listener.setPduProcessorDegree(32);
        listener.setMessageReceiverListener(new Receiver());
        this.acceptor = new Thread(this::accept, "test-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TestSmsc start(String systemId, String password) {
        try {
            return new TestSmsc(systemId, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getPort();
    }

    /** How many binds it accepted: one more after each drop the client recovered from. */
    public int binds() {
        return binds.get();
    }

    /** The most submit_sm it was answering at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void resetMaxInFlight() {
        maxInFlight.set(0);
    }

    /** Closes every session without unbinding, as a network failure or an SMSC restart does. */
    public void dropSessions() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /** The messages that reached {@code phone}, oldest first. */
    public List<Message> to(String phone) {
        return messages.stream().filter(m -> m.destination().equals(phone)).toList();
    }

    /** The verification code in the latest code message to {@code phone}. */
    public Optional<String> lastCode(String phone) {
        return latest(phone, CODE);
    }

    /** The link in the latest message to {@code phone} that has one. */
    public Optional<String> lastLink(String phone) {
        return latest(phone, LINK);
    }

    private Optional<String> latest(String phone, Pattern pattern) {
        List<Message> received = to(phone);
        for (int i = received.size() - 1; i >= 0; i--) {
            Matcher found = pattern.matcher(received.get(i).text());
            if (found.find()) {
                return Optional.of(found.group(1));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        dropSessions();
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receipts.shutdownNow();
    }

    private void accept() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5000);
                if (systemId.equals(bind.getSystemId()) && password.equals(bind.getPassword())) {
                    bind.accept("test-smsc");
                    sessions.add(session);
                    binds.incrementAndGet();
                } else {
                    bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                }
            } catch (Exception e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private SubmitSmResult submit(SubmitSm sm, SMPPServerSession session) throws ProcessRequestException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            Thread.sleep(responseDelay.toMillis());
            String id = ids.newMessageId().getValue();
            Instant now = Instant.now();
            submitted.add(new Submitted(sm.getDestAddress(), sm.getSourceAddr(), sm.getEsmClass(),
                    sm.getDataCoding(), sm.getShortMessage(), id, now));
            join(sm, now);
            if (sendReceipts) {
                receipts.execute(() -> deliverReceipt(session, sm, id));
            }
            return new SubmitSmResult(new org.jsmpp.util.MessageId(id), new OptionalParameter[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException("interrupted", SMPPConstant.STAT_ESME_RSYSERR);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR, e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Joins the parts of a concatenated message (UDH IEI 0x00) as a phone does. */
    private void join(SubmitSm sm, Instant at) {
        byte[] bytes = sm.getShortMessage();
        boolean ucs2 = Alphabet.parseDataCoding(sm.getDataCoding()) == Alphabet.ALPHA_UCS2;
        if (!GSMSpecificFeature.UDHI.containedIn(sm.getEsmClass())) {
            messages.add(new Message(sm.getDestAddress(), decode(bytes, 0, ucs2), 1, at));
            return;
        }
        int headerLength = bytes[0] & 0xFF;
        if (bytes[1] != 0x00 || bytes[2] != 0x03) {
            throw new IllegalStateException("unexpected user data header");
        }
        int reference = bytes[3] & 0xFF;
        int total = bytes[4] & 0xFF;
        int seq = bytes[5] & 0xFF;
        String key = sm.getDestAddress() + "/" + reference;
        String[] parts = partial.computeIfAbsent(key, k -> new String[total]);
        synchronized (parts) {
            parts[seq - 1] = decode(bytes, headerLength + 1, ucs2);
            for (String part : parts) {
                if (part == null) {
                    return;
                }
            }
            partial.remove(key);
            messages.add(new Message(sm.getDestAddress(), String.join("", parts), total, at));
        }
    }

    private static String decode(byte[] bytes, int from, boolean ucs2) {
        return new String(bytes, from, bytes.length - from,
                ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }

    private void deliverReceipt(SMPPServerSession session, SubmitSm sm, String id) {
        try {
            Date now = new Date();
            DeliveryReceiptState state = receiptState;
            DeliveryReceipt receipt = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, now,
                    now, state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    sm.getDestAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sm.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                    receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
            receiptsSent.add(id);
        } catch (Exception e) {
            // the session dropped; a real SMSC would keep the receipt for the next bind, this one forgets it
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            return submit(submitSm, source);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

}
