package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SynonymsTest {

    @Test
    void eachWordOfAGroupHasTheOthersAsAlternatives() {
        Synonyms synonyms = Synonyms.parse(List.of("# comment", "", "社保, 社会保险", "公积金,住房公积金 # trailing",
                "医保, 医疗保险", "医疗保险, 基本医疗保险"));
        assertThat(synonyms.alternativesTo("社保")).containsExactly("社会保险");
        assertThat(synonyms.alternativesTo("社会保险")).containsExactly("社保");
        assertThat(synonyms.alternativesTo("住房公积金")).containsExactly("公积金");
        // groups sharing a word are joined
        assertThat(synonyms.alternativesTo("医疗保险")).containsExactlyInAnyOrder("医保", "基本医疗保险");
        assertThat(synonyms.alternativesTo("医保")).containsExactly("医疗保险");
        assertThat(synonyms.alternativesTo("户口")).isEmpty();
        assertThat(Synonyms.parse(List.of("ABC, 字母")).alternativesTo("abc")).containsExactly("字母");
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> Synonyms.parse(List.of("社保, 社会保险", "医保 => 医疗保险")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Synonyms.parse(List.of("孤单"))).hasMessageContaining("line 1");
    }
}
