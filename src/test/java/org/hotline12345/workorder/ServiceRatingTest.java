package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ServiceRatingTest {

    @Test
    void theFiveLevelsCountAsTheCallbacksThreeAndTheBottomTwoAreVerified() {
        assertThat(Arrays.stream(ServiceRating.values()).map(ServiceRating::satisfaction)).containsExactly(
                Satisfaction.SATISFIED, Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED,
                Satisfaction.DISSATISFIED, Satisfaction.DISSATISFIED);
        assertThat(Arrays.stream(ServiceRating.values()).filter(ServiceRating::isBad))
                .containsExactly(ServiceRating.DISSATISFIED, ServiceRating.VERY_DISSATISFIED);
    }

    @Test
    void aKeyOfTheSurveyIsItsScore() {
        for (ServiceRating rating : ServiceRating.values()) {
            assertThat(ServiceRating.ofScore(rating.score())).isSameAs(rating);
        }
        assertThat(ServiceRating.ofScore(5)).isEqualTo(ServiceRating.VERY_SATISFIED);
        assertThatThrownBy(() -> ServiceRating.ofScore(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceRating.ofScore(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
