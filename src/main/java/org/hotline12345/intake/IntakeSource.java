package org.hotline12345.intake;

/** Where an online request came from; partners' platforms will join the portal (interconnection). */
public enum IntakeSource {
    /** the citizens' portal (我要留言) */
    PORTAL
}
