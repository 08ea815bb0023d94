package org.hotline12345.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The queues as the pages name them ({@code inject:queueNames.label(queue)}): 12345 热线, 营商环境专席. */
@Named("queueNames")
@ApplicationScoped
public class QueueNames {

    @Inject
    TelephonyConfig config;

    /** The queue's Chinese name; a queue the service does not know by its own name. */
    public String label(String queue) {
        if (config.queues().hotline().equals(queue)) {
            return "12345 热线";
        }
        if (config.queues().desk().equals(queue)) {
            return "营商环境专席";
        }
        return queue;
    }
}
