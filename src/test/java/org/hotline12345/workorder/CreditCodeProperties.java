package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The check character catches every single-character error, over arbitrary well-formed codes. */
class CreditCodeProperties {

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<String> head = Arbitraries.of(CreditCode.ALPHABET.chars().mapToObj(c -> String.valueOf((char) c))
                .toList()).list().ofSize(2).map(l -> String.join("", l));
        Arbitrary<String> division = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> subject = Arbitraries.of(CreditCode.ALPHABET.chars().mapToObj(c -> String.valueOf((char) c))
                .toList()).list().ofSize(9).map(l -> String.join("", l));
        return Combinators.combine(head, division, subject).as((h, d, s) -> h + d + s);
    }

    @Property
    void aCodeWithItsCheckCharacterIsValid(@ForAll("first17") String first17) {
        assertThat(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17))).isTrue();
    }

    @Property
    void changingAnyOneCharacterIsDetected(@ForAll("first17") String first17, @ForAll @IntRange(max = 17) int position,
            @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = first17 + CreditCode.checkCharacter(first17);
        int original = CreditCode.ALPHABET.indexOf(code.charAt(position));
        char replacement = CreditCode.ALPHABET.charAt((original + shift) % 31);
        String altered = code.substring(0, position) + replacement + code.substring(position + 1);
        assertThat(CreditCode.isValid(altered)).isFalse();
    }
}
