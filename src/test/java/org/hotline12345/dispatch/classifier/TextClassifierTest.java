package org.hotline12345.dispatch.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class TextClassifierTest {

    /** Each label's own words; a text mixes two of them with words every label uses and a district. */
    private static final Map<String, List<String>> WORDS = Map.of(
            "交通运输", List.of("公交车", "地铁站", "红绿灯", "出租车", "高速路口", "停车场"),
            "教育文体", List.of("小学", "老师", "学生", "幼儿园", "课外辅导", "体育馆"),
            "环境保护", List.of("噪音", "污水", "垃圾焚烧", "油烟", "排污", "粉尘"));
    private static final List<String> COMMON = List.of("关于", "请求", "解决", "问题", "反映", "严重", "希望", "尽快");
    private static final List<String> DISTRICTS = List.of("A1区", "B3县", "C市", "K7区", "L2县");

    private static List<LabelledText> synthetic(int perLabel, long seed) {
        Random random = new Random(seed);
        List<LabelledText> examples = new ArrayList<>();
        for (String label : List.of("交通运输", "教育文体", "环境保护")) {
            for (int i = 0; i < perLabel; i++) {
                String text = pick(DISTRICTS, random) + pick(COMMON, random) + pick(WORDS.get(label), random)
                        + pick(COMMON, random) + pick(WORDS.get(label), random) + pick(COMMON, random);
                examples.add(new LabelledText(text, label));
            }
        }
        return examples;
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    private static TextClassifier trained() {
        return TextClassifier.train(synthetic(40, 1), TextClassifier.Options.defaults());
    }

    @Test
    void learnsASmallProblemAndIsConfidentWhereTheTextIsClear() {
        TextClassifier model = trained();
        List<LabelledText> unseen = synthetic(30, 2);
        long right = unseen.stream().filter(e -> model.predict(e.text()).label().equals(e.label())).count();
        assertThat(right).isGreaterThanOrEqualTo(unseen.size() * 95L / 100);
        assertThat(model.labels()).containsExactly("交通运输", "教育文体", "环境保护");
        assertThat(model.trainedOn()).isEqualTo(120);

        Prediction clear = model.predict("M5县地铁站附近的红绿灯坏了");
        assertThat(clear.label()).isEqualTo("交通运输");
        assertThat(clear.confidence()).isGreaterThan(0.7);
    }

    @Test
    void topKIsOrderedAndConfidencesAreProbabilities() {
        TextClassifier model = trained();
        List<Prediction> all = model.predict("小学门口的油烟和噪音", 10);
        assertThat(all).hasSize(3);
        assertThat(all).extracting(Prediction::label).containsExactlyInAnyOrder("交通运输", "教育文体", "环境保护");
        assertThat(all).allSatisfy(p -> assertThat(p.confidence()).isBetween(0.0, 1.0));
        assertThat(all).extracting(Prediction::confidence).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(all.stream().mapToDouble(Prediction::confidence).sum()).isCloseTo(1.0, within(1e-9));

        assertThat(model.predict("小学门口的油烟和噪音", 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(model.predict("小学门口的油烟和噪音")).isEqualTo(all.get(0));
        assertThatThrownBy(() -> model.predict("噪音", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textsUnlikeAnyTrainingTextGetLowConfidence() {
        Prediction unknown = trained().predict("你好", 1).get(0);
        assertThat(unknown.confidence()).isLessThan(0.7);
    }

    @Test
    void fullWidthAndUpperCaseLettersCountAsTheirPlainForms() {
        TextClassifier model = trained();
        assertThat(model.predict("Ｋ７区　地铁站", 3)).isEqualTo(model.predict("k7区 地铁站", 3));
    }

    @Test
    void aStoredModelPredictsExactlyAsTheOriginal() {
        TextClassifier model = trained();
        TextClassifier loaded = TextClassifier.fromBytes(model.toBytes());
        assertThat(loaded.labels()).isEqualTo(model.labels());
        assertThat(loaded.trainedOn()).isEqualTo(model.trainedOn());
        for (LabelledText example : synthetic(20, 3)) {
            assertThat(loaded.predict(example.text(), 3)).isEqualTo(model.predict(example.text(), 3));
        }
        assertThat(loaded.toBytes()).isEqualTo(model.toBytes());
    }

    @Test
    void bytesThatAreNotAModelOrOfAnotherFormatVersionAreRefused() throws IOException {
        assertThatThrownBy(() -> TextClassifier.fromBytes(new byte[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(0x7C1A55F1);
            out.writeInt(ModelFormat.VERSION + 1);
        }
        assertThatThrownBy(() -> TextClassifier.fromBytes(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version " + (ModelFormat.VERSION + 1));
    }

    @Test
    void refusesToTrainWithoutTwoLabels() {
        TextClassifier.Options options = TextClassifier.Options.defaults();
        assertThatThrownBy(() -> TextClassifier.train(List.of(), options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no examples");
        List<LabelledText> oneLabel = List.of(new LabelledText("公交车晚点", "交通运输"),
                new LabelledText("地铁站拥挤", "交通运输"));
        assertThatThrownBy(() -> TextClassifier.train(oneLabel, options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two labels")
                .hasMessageContaining("交通运输");
        assertThatThrownBy(() -> new LabelledText("公交车晚点", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainsOnAsFewTextsAsTheLabels() {
        TextClassifier model = TextClassifier.train(List.of(new LabelledText("公交车晚点", "交通运输"),
                new LabelledText("小学收费", "教育文体")), TextClassifier.Options.defaults());
        assertThat(model.predict("公交车", 2)).hasSize(2);
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedStillLearns() {
        List<LabelledText> examples = synthetic(40, 1);
        TextClassifier.Options options = TextClassifier.Options.defaults();
        assertThat(TextClassifier.train(examples, options).toBytes())
                .isEqualTo(TextClassifier.train(examples, options).toBytes());
        TextClassifier other = TextClassifier.train(examples, options.withSeed(99));
        assertThat(other.predict("地铁站的红绿灯").label()).isEqualTo("交通运输");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new TextClassifier.Options(0, 2, 1, 1, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextClassifier.Options(3, 2, 1, 1, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextClassifier.Options(1, 2, 1, 0, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextClassifier.Options(1, 2, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
