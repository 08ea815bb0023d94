package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    /** Codes of registered enterprises as printed on their business licences. */
    @ParameterizedTest
    @ValueSource(strings = {"91330100799655058B", "91440300708461136T", "914403001922038216", "91350100M000100Y43"})
    void acceptsPublishedCodes(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91330100799655058C", "9133010079965505", "91330100799655058BX", "9133O100799655058B",
            "91330100799655058b", "91A30100799655058B", ""})
    void refusesWrongCheckCharacterLengthAlphabetOrDivision(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }
}
