package org.hotline12345.dispatch;

/** At which level of government a matter is handled. */
public enum HandlingLevel {
    /** 市级 */
    CITY,
    /** 区县级 */
    DISTRICT,
    /** 街道 (乡镇) 级 */
    STREET
}
