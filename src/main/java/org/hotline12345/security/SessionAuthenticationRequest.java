package org.hotline12345.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A page session's cookie, opened: whose it is and the credential version it was started with. */
class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String username;
    private final long credentialVersion;

    SessionAuthenticationRequest(String username, long credentialVersion) {
        this.username = username;
        this.credentialVersion = credentialVersion;
    }

    String username() {
        return username;
    }

    long credentialVersion() {
        return credentialVersion;
    }
}
