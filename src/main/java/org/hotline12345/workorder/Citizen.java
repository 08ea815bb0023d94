package org.hotline12345.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The person who raised the request.
 *
 * @param confidential the citizen asked that their identity be kept from the departments (保密)
 */
@Embeddable
public record Citizen(
        @Column(name = "citizen_name") String name,
        @Column(name = "citizen_phone") String phone,
        @Enumerated(EnumType.STRING) @Column(name = "citizen_occupation") Occupation occupation,
        @Column(name = "citizen_confidential") boolean confidential) {
}
