package org.hotline12345.telephony;

/** What the caller pressed in the IVR menu. */
public enum IvrChoice {
    /** 1: 涉企服务, to the business-environment desk */
    ENTERPRISE,
    /** 2: 工单进度, the status of a work order read back */
    PROGRESS,
    /** 0: 人工服务 */
    AGENT,
    /** no key, or one the menu does not have: to an agent */
    NONE;

    /** The menu's key as the dialplan passes it: {@code 1}, {@code 2}, {@code 0}, anything else. */
    public static IvrChoice ofKey(String key) {
        if (key == null) {
            return NONE;
        }
        return switch (key.strip()) {
            case "1" -> ENTERPRISE;
            case "2" -> PROGRESS;
            case "0" -> AGENT;
            default -> NONE;
        };
    }
}
