package org.hotline12345.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The enterprise a request is raised by or about (涉企诉求).
 *
 * @param creditCode 统一社会信用代码, validated by its check character
 */
@Embeddable
public record Enterprise(
        @Column(name = "enterprise_name") String name,
        @Column(name = "enterprise_credit_code") String creditCode) {
}
