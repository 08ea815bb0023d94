package org.hotline12345.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hotline12345.common.InvalidFieldException;

/** Small request bodies of the knowledge API. */
public final class KnowledgeRequests {

    private KnowledgeRequests() {
    }

    /** An agent's rating of an article. */
    public record Feedback(@NotNull Boolean helpful, @Size(max = 1000) String comment) {
    }

    /**
     * A search by a long text, such as a citizen's whole message: as long as a work order's content may be.
     *
     * @param page zero-based; the first when left out
     * @param size the page's size; the default when left out
     */
    public record Question(@NotBlank @Size(max = 10000) String text, @PositiveOrZero @Max(1000) Integer page,
            @Positive Integer size) {

        int pageOrFirst() {
            return page == null ? 0 : page;
        }

        /** The size asked for, or the default; a size beyond the largest page is refused as a violation. */
        int sizeOr(int defaultSize, int largest) {
            if (size != null && size > largest) {
                throw InvalidFieldException.malformed("size", "Max", "at most " + largest);
            }
            return size == null ? defaultSize : size;
        }
    }

    /** What the agent has typed into the registration form so far. */
    public record SuggestFor(@Size(max = 200) String title, @Size(max = 10000) String content) {
    }
}
