package org.hotline12345.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline12345.category.CategoryView;
import org.hotline12345.dispatch.DispatchSuggestion.CategoryGuess;
import org.junit.jupiter.api.Test;

class CategoryNameMatchTest {

    private static final List<CategoryView> TAXONOMY = List.of(
            new CategoryView(1, "01", "城乡建设", 1, null, "城乡建设", true),
            new CategoryView(2, "0101", "物业管理", 2, "01", "城乡建设 / 物业管理", true),
            new CategoryView(3, "010101", "物业服务收费", 3, "0101", "城乡建设 / 物业管理 / 物业服务收费", true),
            new CategoryView(4, "010102", "物业服务质量", 3, "0101", "城乡建设 / 物业管理 / 物业服务质量", true),
            new CategoryView(5, "010103", "公共维修资金", 3, "0101", "城乡建设 / 物业管理 / 公共维修资金", true),
            new CategoryView(6, "0103", "市政设施", 2, "01", "城乡建设 / 市政设施", true),
            new CategoryView(7, "010302", "路灯照明", 3, "0103", "城乡建设 / 市政设施 / 路灯照明", true),
            new CategoryView(8, "010399", "路灯维修", 3, "0103", "城乡建设 / 市政设施 / 路灯维修", false),
            new CategoryView(9, "03", "交通运输", 1, null, "交通运输", true),
            new CategoryView(10, "0302", "出租车及网约车", 2, "03", "交通运输 / 出租车及网约车", true),
            new CategoryView(11, "030202", "乱收费", 3, "0302", "交通运输 / 出租车及网约车 / 乱收费", true));

    @Test
    void theLeafWhoseNameTheTextSharesComesFirst() {
        List<CategoryGuess> guesses = CategoryNameMatch.guess("小区物业乱收费，物业服务很差", TAXONOMY, 3);
        // a short name whose every pair is in the text (乱收费) does not beat a longer one that says more
        assertThat(guesses).extracting(CategoryGuess::code).containsExactly("010101", "030202", "010102");
        assertThat(guesses.get(0).confidence()).isGreaterThan(guesses.get(1).confidence());
        assertThat(guesses.stream().mapToDouble(CategoryGuess::confidence).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(guesses.get(0).path()).isEqualTo("城乡建设 / 物业管理 / 物业服务收费");
    }

    @Test
    void retiredLeavesAndTextsThatShareNothingGetNoGuess() {
        assertThat(CategoryNameMatch.guess("路灯维修不及时", TAXONOMY, 3)).extracting(CategoryGuess::code)
                .containsExactly("010302");
        assertThat(CategoryNameMatch.guess("咨询社保卡办理", TAXONOMY, 3)).isEmpty();
    }
}
