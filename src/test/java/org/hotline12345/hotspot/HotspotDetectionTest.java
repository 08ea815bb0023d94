package org.hotline12345.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.hotline12345.hotspot.HotspotDetection.Key;
import org.hotline12345.hotspot.HotspotDetection.PlaceCount;
import org.hotline12345.hotspot.HotspotDetection.Raised;
import org.hotline12345.hotspot.HotspotDetection.Request;
import org.hotline12345.hotspot.HotspotDetection.Rules;
import org.junit.jupiter.api.Test;

class HotspotDetectionTest {

    private static final Rules RULES = new Rules(0.001, 5, 0.5);

    private static List<Request> requests(int count, long firstId, String category, String district, String street) {
        return LongStream.range(firstId, firstId + count)
                .mapToObj(id -> new Request(id, category, district, street)).toList();
    }

    private static List<List<PlaceCount>> weeks(int weeks, PlaceCount... counts) {
        List<List<PlaceCount>> history = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            history.add(List.of(counts));
        }
        return history;
    }

    @Test
    void aBurstInOneStreetIsOneHotspotOfThatStreetAndCategory() {
        List<Request> window = new ArrayList<>(requests(8, 1, "010101", "城东区", "东门街道"));
        window.addAll(requests(3, 100, "020102", "城东区", "东门街道"));
        List<List<PlaceCount>> history = weeks(8, new PlaceCount("010101", "城东区", "东门街道", 1),
                new PlaceCount("020102", "城东区", "东门街道", 3));

        List<Raised> raised = HotspotDetection.detect(window, history, RULES);

        assertThat(raised).extracting(Raised::key).containsExactly(new Key("010101", "城东区", "东门街道"));
        Raised hotspot = raised.get(0);
        assertThat(hotspot.observed()).isEqualTo(8);
        assertThat(hotspot.expected()).isEqualTo(1.0);
        assertThat(hotspot.pValue()).isCloseTo(PoissonTail.atLeast(8, 1), org.assertj.core.data.Offset.offset(1e-15))
                .isLessThan(0.001);
        assertThat(hotspot.requestIds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void aSteadyCountIsNoHotspotHoweverLarge() {
        List<Request> window = requests(40, 1, "010101", "城东区", "东门街道");
        List<List<PlaceCount>> history = weeks(8, new PlaceCount("010101", "城东区", "东门街道", 40));

        assertThat(HotspotDetection.detect(window, history, RULES)).isEmpty();
    }

    @Test
    void fewRequestsAreNoHotspotEvenWithoutHistory() {
        // 1 → 4 is chance, even where the test alone, at a lax alpha, would call it one
        Rules lax = new Rules(0.05, 5, 0.5);
        assertThat(PoissonTail.atLeast(4, 0.5)).isLessThan(0.05);
        assertThat(HotspotDetection.detect(requests(4, 1, "010101", "城东区", "东门街道"), weeks(8), lax))
                .isEmpty();
        assertThat(HotspotDetection.detect(requests(5, 1, "010101", "城东区", "东门街道"), weeks(8), lax))
                .extracting(Raised::key).containsExactly(new Key("010101", "城东区", "东门街道"));
    }

    @Test
    void theHistoryIsTheMeanOfTheWeeksAndTheTestIsOneSidedAtAlpha() {
        // 10 against a mean of 4: P(X >= 10 | 4) is about 0.008, above alpha; 12 against 4 is about 0.0009, below
        List<List<PlaceCount>> history = new ArrayList<>();
        for (int count : new int[]{2, 6, 4, 4}) {
            history.add(List.of(new PlaceCount("010101", "城东区", null, count)));
        }
        assertThat(HotspotDetection.detect(requests(10, 1, "010101", "城东区", null), history, RULES)).isEmpty();
        List<Raised> raised = HotspotDetection.detect(requests(12, 1, "010101", "城东区", null), history, RULES);
        assertThat(raised).extracting(Raised::key).containsExactly(new Key("010101", "城东区", null));
        assertThat(raised.get(0).expected()).isEqualTo(4.0);
        // a drop is never a hotspot
        assertThat(HotspotDetection.detect(requests(0, 1, "010101", "城东区", null), history, RULES)).isEmpty();
    }

    @Test
    void aWiderAreaIsRaisedWhenItsRequestsOutsideTheNarrowerHotspotStillStandOut() {
        List<Request> window = new ArrayList<>(requests(8, 1, "010101", "城东区", "东门街道"));
        // spread over the district's other streets, 12 more where 2 used to come
        for (int i = 0; i < 12; i++) {
            window.add(new Request(100 + i, "010101", "城东区", "街道" + i));
        }
        List<List<PlaceCount>> history = weeks(8, new PlaceCount("010101", "城东区", "东门街道", 1),
                new PlaceCount("010101", "城东区", "街道0", 2));

        List<Raised> raised = HotspotDetection.detect(window, history, RULES);

        assertThat(raised).extracting(Raised::key).contains(new Key("010101", "城东区", "东门街道"),
                new Key("010101", "城东区", null));
        assertThat(raised.get(0).key()).isEqualTo(new Key("010101", "城东区", "东门街道"));
    }

    @Test
    void anyCategoryTogetherCountsAcrossCategories() {
        // no single category stands out, but the street's requests together do
        List<Request> window = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            window.add(new Request(i, "0" + (10 + i), "城东区", "东门街道"));
        }
        List<Raised> raised = HotspotDetection.detect(window, weeks(8, new PlaceCount("010101", "城东区", "东门街道", 2)),
                RULES);
        assertThat(raised).extracting(Raised::key).containsExactly(new Key(null, "城东区", "东门街道"));
    }

    @Test
    void theCommonPlaceAndCategoryOfAGroup() {
        List<Request> sameStreet = requests(3, 1, "010101", "城东区", "东门街道");
        assertThat(HotspotDetection.commonPlace(sameStreet)).isEqualTo(new Key(null, "城东区", "东门街道"));
        List<Request> district = new ArrayList<>(sameStreet);
        district.add(new Request(9, "020102", "城东区", "西门街道"));
        district.add(new Request(10, "020102", "城东区", "西门街道"));
        assertThat(HotspotDetection.commonPlace(district)).isEqualTo(new Key(null, "城东区", null));
        assertThat(HotspotDetection.mostCommonCategory(district)).isEqualTo("010101");
        district.add(new Request(11, "020102", "城西区", null));
        district.add(new Request(12, "020102", "城西区", null));
        assertThat(HotspotDetection.commonPlace(district)).isEqualTo(new Key(null, null, null));
        assertThat(HotspotDetection.mostCommonCategory(district)).isEqualTo("020102");
    }
}
