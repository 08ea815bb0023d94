package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

import org.hotline12345.security.SessionCookies.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the session key comes from, and what a cookie sealed with it withstands. */
class SessionKeyTest {

    @TempDir
    Path directory;

    @Test
    void productionWithoutAConfiguredKeyRefusesNamingTheVariable() {
        assertThatThrownBy(() -> Sessions.resolveKey(Optional.empty(), directory.resolve("session.key"), false))
                .hasMessageContaining("HOTLINE_SESSION_KEY");
        assertThat(directory.resolve("session.key")).doesNotExist();
        assertThatThrownBy(() -> Sessions.resolveKey(Optional.of("too-short"), directory.resolve("k"), true))
                .hasMessageContaining("HOTLINE_SESSION_KEY");
    }

    @Test
    void theEmbeddedDefaultsMakeAKeyOnceAndKeepItForTheirOwnerAlone() throws Exception {
        Path file = directory.resolve("data/session.key");
        String made = Sessions.resolveKey(Optional.empty(), file, true);
        assertThat(made).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Sessions.resolveKey(Optional.empty(), file, true)).as("the same key after a restart")
                .isEqualTo(made);
        assertThat(Sessions.resolveKey(Optional.of("configured-key-of-32-characters!"), file, true))
                .isEqualTo("configured-key-of-32-characters!");
    }

    @Test
    void aCookieOpensOnlyWithItsKeyAndUnchanged() {
        SessionCookies cookies = new SessionCookies("the key of this service, 32 chars");
        Session session = new Session("agent", 7, Instant.ofEpochMilli(1_700_000_000_000L));
        String sealed = cookies.seal(session);
        assertThat(cookies.open(sealed)).contains(session);
        assertThat(sealed).doesNotContain("agent");
        assertThat(new SessionCookies("another key entirely, 32 chars!!").open(sealed)).isEmpty();
        char[] changed = sealed.toCharArray();
        changed[20] = changed[20] == 'A' ? 'B' : 'A';
        assertThat(cookies.open(new String(changed))).isEmpty();
        assertThat(cookies.open("expiry:admin")).isEmpty();
        assertThat(cookies.open("")).isEmpty();
    }
}
