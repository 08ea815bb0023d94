package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The shipped dictionary, stop words and synonyms, as both backends apply them. */
class ChineseAnalysisTest {

    private static final ChineseAnalysis ANALYSIS = ChineseAnalysis.load(Path.of("knowledge-base/dictionary"));
    private static final Pattern CHINESE = Pattern.compile(".*\\p{IsHan}.*");

    @Test
    void governmentTermsStayWholeInQueriesAndAreAlsoSplitForIndexing() {
        assertThat(ANALYSIS.queryTerms("一件事一次办怎么申请")).containsExactly("一件事一次办", "申请");
        assertThat(ANALYSIS.queryTerms("跨省通办")).containsExactly("跨省通办");
        assertThat(ANALYSIS.fineTerms("跨省通办")).contains("跨省通办", "跨省");
    }

    @Test
    void stopWordsAreDropped() {
        assertThat(ANALYSIS.queryTerms("请问我的社保卡丢了怎么办？")).containsExactly("社保卡", "丢了");
        assertThat(ANALYSIS.queryTerms("怎么办")).isEmpty();
    }

    @Test
    void wordsComeWithTheirSynonyms() {
        assertThat(ANALYSIS.queryWords("社保缴费")).first().satisfies(word -> {
            assertThat(word.word()).isEqualTo("社保");
            assertThat(word.alternatives()).containsExactly("社会保险");
        });
        assertThat(ANALYSIS.queryWords("市长热线")).first().satisfies(
                word -> assertThat(word.alternatives()).contains("12345", "政务服务便民热线"));
    }

    @Test
    void everyChineseSynonymIsADictionaryWordSoThatBothBackendsKeepItWhole() {
        List<String> missing = ANALYSIS.synonyms().words().stream()
                .filter(word -> CHINESE.matcher(word).matches())
                .filter(word -> !ANALYSIS.terms().contains(word))
                .sorted().toList();
        assertThat(missing).as("synonyms missing from government-terms.dic").isEmpty();
    }

    @Test
    void theFingerprintFollowsTheDictionaryAndStopWordsButNotTheSynonyms() {
        ChineseAnalysis moreWords = ChineseAnalysis.of(List.of("新词语"), ANALYSIS.stopWords(), ANALYSIS.synonyms());
        ChineseAnalysis otherSynonyms = ChineseAnalysis.of(ANALYSIS.terms(), ANALYSIS.stopWords(), Synonyms.none());
        assertThat(moreWords.fingerprint()).isNotEqualTo(ANALYSIS.fingerprint());
        assertThat(otherSynonyms.fingerprint()).isEqualTo(ANALYSIS.fingerprint());
    }
}
