package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

/**
 * The service's own tokenizer and encoder give the vectors of the reference implementation (langchain4j, with the
 * Hugging Face tokenizer through DJL), and the vectors carry meaning: a question is closer to its answer than to an
 * unrelated one.
 */
class SentenceEncoderTest {

    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.bgeSmallZh(1);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void vectorsEqualThoseOfTheReferenceImplementation() {
        List<String> texts = List.of("社保卡丢了怎么补办？", "12345热线 24小时受理，APP、微信公众号均可反映。",
                "遇到寒潮，供暖不热找哪个部门", "Hello, WORLD! naïve café 1,000元（含税）", "\u0000控制\u200b字符\u00a0测试",
                "户口迁移需要哪些材料\t\n提交到派出所");
        BgeSmallZhV15EmbeddingModel reference = new BgeSmallZhV15EmbeddingModel();
        List<float[]> ours = encoder.encodeAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(texts.get(i)).content().vector();
            assertThat(ours.get(i)).as(texts.get(i)).hasSize(SentenceEncoder.DIMENSIONS);
            assertThat(SentenceEncoder.similarity(ours.get(i), expected)).as(texts.get(i)).isCloseTo(1f,
                    within(1e-4f));
        }
    }

    @Test
    void aQuestionIsCloserToItsAnswerThanToAnother() {
        float[] question = encoder.encode("天冷了暖气不热该找谁");
        float[] answer = encoder.encode("供热期间室内温度不达标的，可拨打供热单位客服电话或向住建部门反映。");
        float[] other = encoder.encode("办理营业执照需要携带身份证和经营场所证明。");
        assertThat(SentenceEncoder.similarity(question, answer))
                .isGreaterThan(SentenceEncoder.similarity(question, other) + 0.1f);
    }

    /** Closing under an encoding crashed the JVM in ONNX Runtime's native code when the service stopped. */
    @Test
    void closingWhileAnotherThreadEncodesWaitsForItAndRefusesLaterEncodings() throws Exception {
        SentenceEncoder closing = SentenceEncoder.bgeSmallZh(1);
        List<String> passages = java.util.Collections.nCopies(64, "市民反映小区噪音扰民，请相关部门核查处理。".repeat(20));
        java.util.concurrent.CompletableFuture<Integer> encoding = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    int batches = 0;
                    try {
                        while (true) {
                            closing.encodeAll(passages);
                            batches++;
                        }
                    } catch (IllegalStateException refused) {
                        assertThat(refused).hasMessage("the sentence encoder is closed");
                        return batches;
                    }
                });
        Thread.sleep(500);
        closing.close();
        assertThat(encoding.get(60, java.util.concurrent.TimeUnit.SECONDS)).isNotNegative();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> closing.encode("还能编码吗"))
                .isInstanceOf(IllegalStateException.class);
        closing.close();
    }

    @Test
    void aTextLongerThanTheModelTakesIsCut() {
        String longText = "市民反映小区噪音扰民。".repeat(200);
        assertThat(encoder.tokens(longText)).isEqualTo(SentenceEncoder.MAX_TOKENS);
        assertThat(encoder.encode(longText)).hasSize(SentenceEncoder.DIMENSIONS);
    }
}
