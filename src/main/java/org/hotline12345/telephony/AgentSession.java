package org.hotline12345.telephony;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agent signed in at a phone (hot-desking: any seat's phone), from login to logout. */
@Entity
@Table(name = "agent_session")
public class AgentSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false, updatable = false)
    private String extension;

    /** The queues joined, comma-separated. */
    @Column(nullable = false, updatable = false)
    private String queues;

    @Column(name = "logged_in_at", nullable = false, updatable = false)
    private Instant loggedInAt;

    @Column(name = "logged_out_at")
    private Instant loggedOutAt;

    protected AgentSession() {
    }

    AgentSession(String username, String extension, List<String> queues, Instant at) {
        this.username = username;
        this.extension = extension;
        this.queues = String.join(",", queues);
        this.loggedInAt = at;
    }

    void end(Instant at) {
        loggedOutAt = at;
    }

    public String getUsername() {
        return username;
    }

    public String getExtension() {
        return extension;
    }

    public List<String> getQueues() {
        return Arrays.asList(queues.split(","));
    }

    public Instant getLoggedInAt() {
        return loggedInAt;
    }
}
