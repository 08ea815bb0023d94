package org.hotline12345.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class TextClustersTest {

    private static final List<String> TEXTS = List.of(
            "幸福小区停水三天了，什么时候恢复供水",
            "幸福小区停水已经三天，请尽快恢复供水",
            "幸福小区一直停水，三天没有自来水了",
            "幸福小区停水三天没有通知，什么时候恢复",
            "马路上的路灯坏了，晚上很黑",
            "菜市场占道经营，车辆无法通行",
            "幸福小区停水三天，老人做饭都没水，请恢复供水");

    @Test
    void similarTextsFormOneGroupWhateverElseIsSaid() {
        List<List<String>> groups = TextClusters.cluster(TEXTS, Function.identity(), 0.3, 3);
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0)).containsExactly(TEXTS.get(0), TEXTS.get(1), TEXTS.get(2), TEXTS.get(3),
                TEXTS.get(6));
    }

    @Test
    void aGroupNeedsTheMinimumSize() {
        assertThat(TextClusters.cluster(TEXTS, Function.identity(), 0.3, 6)).isEmpty();
    }

    @Test
    void singleLinkJoinsAChainThatAThresholdAboveTheLinksBreaks() {
        // a~b and b~c are alike, a and c share less: one group by single link
        List<String> chain = List.of("甲乙丙丁戊己庚辛", "丙丁戊己庚辛壬癸", "庚辛壬癸子丑寅卯");
        double ab = org.hotline12345.duplicate.TextSimilarity.cosine(chain.get(0), chain.get(1));
        double ac = org.hotline12345.duplicate.TextSimilarity.cosine(chain.get(0), chain.get(2));
        assertThat(ac).isLessThan(ab);
        assertThat(TextClusters.cluster(chain, Function.identity(), ac + 0.05, 3)).containsExactly(chain);
        assertThat(TextClusters.cluster(chain, Function.identity(), 0.99, 2)).isEmpty();
    }
}
