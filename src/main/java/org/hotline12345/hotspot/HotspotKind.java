package org.hotline12345.hotspot;

/** How a hotspot was found. */
public enum HotspotKind {
    /** 数量突增: a category's count in an area stood out from the same hours of past weeks */
    COUNT,
    /** 相似诉求聚集: a group of requests saying much the same thing, whatever their category */
    TEXTS
}
