package org.hotline12345.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the matter is: district (区县), street (街道/乡镇) and the address within it. */
@Embeddable
public record Location(
        @Column(name = "district") String district,
        @Column(name = "street") String street,
        @Column(name = "address") String address) {
}
