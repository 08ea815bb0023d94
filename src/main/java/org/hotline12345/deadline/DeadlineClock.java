package org.hotline12345.deadline;

/** The two clocks a dispatched work order runs. */
public enum DeadlineClock {
    /** 签收时限 */
    ACCEPT("签收"),
    /** 办理回复时限 */
    REPLY("办理回复");

    private final String label;

    DeadlineClock(String label) {
        this.label = label;
    }

    /** The Chinese name used in notifications. */
    public String label() {
        return label;
    }
}
