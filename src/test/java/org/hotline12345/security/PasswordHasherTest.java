package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void hashesAreSaltedAndSelfDescribing() {
        String first = hasher.hash("same-password".toCharArray());
        String second = hasher.hash("same-password".toCharArray());
        assertThat(first).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(second).doesNotContain("same-password");
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String stored = hasher.hash("right".toCharArray());
        assertThat(hasher.verify("right".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("wrong".toCharArray(), stored)).isFalse();
    }

    @Test
    void verifiesHashesMadeWithOtherIterationCounts() {
        String older = new PasswordHasher(10).hash("right".toCharArray());
        assertThat(hasher.verify("right".toCharArray(), older)).isTrue();
    }

    @Test
    void aMalformedStoredHashNeverMatches() {
        assertThat(hasher.verify("x".toCharArray(), "garbage")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "pbkdf2-sha256$many$salt$hash")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "pbkdf2-sha256$10$!!$!!")).isFalse();
    }
}
