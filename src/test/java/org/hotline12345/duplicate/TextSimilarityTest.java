package org.hotline12345.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bigram similarity on its own, without the service. */
class TextSimilarityTest {

    @Test
    void theSameTextIsOneAndTextsWithNothingInCommonAreZero() {
        assertThat(TextSimilarity.cosine("小区物业乱收费", "小区物业乱收费")).isCloseTo(1.0, within(1e-9));
        assertThat(TextSimilarity.jaccard("小区物业乱收费", "小区物业乱收费")).isCloseTo(1.0, within(1e-9));
        assertThat(TextSimilarity.cosine("小区物业乱收费", "公积金提取条件")).isZero();
        assertThat(TextSimilarity.jaccard("小区物业乱收费", "公积金提取条件")).isZero();
    }

    @Test
    void bigramsSkipPunctuationAndMaskingAndDoNotSpanThem() {
        assertThat(TextSimilarity.bigrams("物业，收费")).containsOnlyKeys("物业", "收费");
        assertThat(TextSimilarity.bigrams("**小区** 噪音")).containsOnlyKeys("小区", "噪音");
        assertThat(TextSimilarity.bigrams("AB路")).containsOnlyKeys("ab", "b路");
        assertThat(TextSimilarity.bigrams("哈哈哈")).isEqualTo(Map.of("哈哈", 2));
        assertThat(TextSimilarity.bigrams("字")).isEmpty();
        assertThat(TextSimilarity.bigrams(null)).isEmpty();
    }

    @Test
    void cosineCountsSharedBigramsAgainstBothLengths() {
        // 幸福小区噪音扰民: 幸福 福小 小区 区噪 噪音 音扰 扰民 (7); 幸福小区夜间噪音: 幸福 福小 小区 区夜 夜间 间噪 噪音 (7)
        // shared 幸福 福小 小区 噪音: cosine 4 / (sqrt 7 * sqrt 7), Jaccard 4 / (7 + 7 - 4)
        assertThat(TextSimilarity.cosine("幸福小区噪音扰民", "幸福小区夜间噪音")).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(TextSimilarity.jaccard("幸福小区噪音扰民", "幸福小区夜间噪音")).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void aRepeatedRunCountsOnce() {
        // 油烟 and 扰民 shared of 3 and 3 bigrams; the run of zeros adds one shared bigram, not its square
        assertThat(TextSimilarity.cosine("油烟扰民", "油烟很扰民")).isCloseTo(2 / Math.sqrt(3 * 4), within(1e-9));
        assertThat(TextSimilarity.cosine("油烟扰民100000", "快递占道100000")).isLessThan(0.5);
    }

    @Test
    void aRewordedComplaintAboutTheSameMatterScoresAboveAnotherMatterAtTheSamePlace() {
        String earlier = "幸福小区3号楼楼下烧烤店每天营业到凌晨，油烟和噪音扰民严重";
        String reworded = "幸福小区烧烤店半夜噪音扰民，油烟也很大，请管一管";
        String otherMatter = "幸福小区3号楼电梯经常停运，物业不维修";
        assertThat(TextSimilarity.cosine(earlier, reworded)).isGreaterThan(TextSimilarity.cosine(earlier, otherMatter));
        assertThat(TextSimilarity.cosine("", earlier)).isZero();
    }
}
