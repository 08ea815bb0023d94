package org.hotline12345.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import org.hotline12345.notification.OutboundChannel;

/** Replaces the logging outbound channel in tests: keeps what it was handed, and fails while told to. */
@Singleton
public class RecordingOutboundChannel implements OutboundChannel {

    public final List<OutboundMessage> delivered = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    @Override
    public void deliver(OutboundMessage message) {
        if (failing) {
            throw new IllegalStateException("SMS gateway unreachable");
        }
        delivered.add(message);
    }
}
