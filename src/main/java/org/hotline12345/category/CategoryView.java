package org.hotline12345.category;

/**
 * A taxonomy node as clients see it.
 *
 * @param path the names from the top level down, e.g. 城乡建设 / 物业管理 / 物业服务收费
 */
public record CategoryView(long id, String code, String name, int level, String parentCode, String path,
        boolean active) {
}
