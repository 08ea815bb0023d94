package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19912345678", "0571-87654321", "057187654321", "010-12345678-123",
            "+86 13812345678", "87654321"})
    void acceptsMobilesAndLandlines(String phone) {
        assertThat(PhoneNumbers.isValid(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "phone", "12345", "0571-876"})
    void refusesOthers(String phone) {
        assertThat(PhoneNumbers.isValid(phone)).isFalse();
    }

    @Test
    void masksTheMiddleDigits() {
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("0571-87654321")).isEqualTo("057*-****4321");
        assertThat(PhoneNumbers.mask("87654321")).isEqualTo("876***21");
    }
}
