package org.hotline12345.partner;

/** What kind of system a partner is. */
public enum PartnerKind {
    /** 省级/全国 12345 平台: passes work orders between cities (转外地 goes out to it) */
    PROVINCIAL_PLATFORM,
    /** 省长信箱、市长信箱 */
    MAILBOX,
    /** 人民网领导留言板、政协云 */
    MESSAGE_BOARD,
    /** 110 报警服务台: 警单 go out to it, 非警务诉求 come in from it */
    POLICE_110,
    /** a department's own business system */
    DEPARTMENT_SYSTEM;

    /** Whether the hotline may hand work orders to it (转外地, 警单). */
    public boolean takesHandovers() {
        return this == PROVINCIAL_PLATFORM || this == POLICE_110;
    }
}
