package org.hotline12345.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hotline12345.duplicate.DuplicateRanking.Ranked;
import org.hotline12345.workorder.RelatedWorkOrders.Candidate;
import org.hotline12345.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

/** Which earlier work orders are offered, and in what order, without the service. */
class DuplicateRankingTest {

    private static final String TYPED = "幸福小区烧烤店半夜油烟噪音扰民";

    private static Candidate candidate(String number, String text, WorkOrderStatus status, String category,
            boolean phone, boolean place, boolean enterprise, int minutesAgo) {
        return new Candidate(number, text, "", status, Instant.parse("2026-12-07T08:00:00Z").minusSeconds(
                60L * minutesAgo), "城东区", "东门街道", category, "餐饮油烟", phone, place, enterprise);
    }

    @Test
    void thePlaceNeedsTheCategoryAndASimilarTextWhileThePhoneAndTheEnterpriseNeedNothingMore() {
        List<Ranked> ranked = DuplicateRanking.rank(TYPED, "020102", List.of(
                candidate("similar", "幸福小区烧烤店油烟噪音扰民", WorkOrderStatus.ACCEPTED, "020102", false, true, false, 5),
                candidate("unlike", "幸福小区3号楼电梯经常停运物业不维修", WorkOrderStatus.ACCEPTED, "020102", false, true, false, 5),
                candidate("other-category", "幸福小区烧烤店油烟噪音扰民", WorkOrderStatus.ACCEPTED, "010101", false, true,
                        false, 5),
                candidate("phone", "公积金提取", WorkOrderStatus.DISPATCHED, "050101", true, false, false, 5),
                candidate("enterprise", "用电报装", WorkOrderStatus.DISPATCHED, "050101", false, false, true, 5)),
                0.3, 10);
        assertThat(ranked).extracting(r -> r.candidate().number()).containsExactlyInAnyOrder("similar", "phone",
                "enterprise");
        assertThat(ranked.get(0).candidate().number()).isEqualTo("similar");
        assertThat(ranked.get(0).reasons()).containsExactly(DuplicateReason.SIMILAR_TEXT);
    }

    @Test
    void withoutAChosenCategoryThePlaceAndTheTextDecide() {
        assertThat(DuplicateRanking.rank(TYPED, null, List.of(candidate("similar", "幸福小区烧烤店油烟噪音扰民",
                WorkOrderStatus.ACCEPTED, "010101", false, true, false, 5)), 0.3, 10)).hasSize(1);
    }

    @Test
    void openWorkOrdersComeFirstThenTheMostSimilarThenTheNewestAndNoMoreThanTheLimit() {
        List<Ranked> ranked = DuplicateRanking.rank(TYPED, null, List.of(
                candidate("closed-same", TYPED, WorkOrderStatus.CLOSED, "020102", true, true, false, 1),
                candidate("open-older", "幸福小区烧烤店油烟", WorkOrderStatus.ACCEPTED, "020102", true, true, false, 60),
                candidate("open-newer", "幸福小区烧烤店油烟", WorkOrderStatus.DISPATCHED, "020102", true, true, false, 10),
                candidate("open-same", TYPED, WorkOrderStatus.REGISTERED, "020102", true, true, false, 90)), 0.3, 3);
        assertThat(ranked).extracting(r -> r.candidate().number()).containsExactly("open-same", "open-newer",
                "open-older");
        assertThat(ranked.get(0).reasons()).containsExactly(DuplicateReason.SAME_PHONE, DuplicateReason.SIMILAR_TEXT);
    }
}
