package org.hotline12345.knowledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Small request bodies of the knowledge API. */
public final class KnowledgeRequests {

    private KnowledgeRequests() {
    }

    /** An agent's rating of an article. */
    public record Feedback(@NotNull Boolean helpful, @Size(max = 1000) String comment) {
    }

    /** What the agent has typed into the registration form so far. */
    public record SuggestFor(@Size(max = 200) String title, @Size(max = 5000) String content) {
    }
}
