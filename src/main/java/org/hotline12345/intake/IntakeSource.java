package org.hotline12345.intake;

/** Where an online request came from. */
public enum IntakeSource {
    /** the citizens' portal (我要留言) */
    PORTAL,
    /** a partner system (the provincial platform, a mailbox, 110, …): which one is in the request's source detail */
    PARTNER
}
