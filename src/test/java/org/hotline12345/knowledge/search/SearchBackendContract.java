package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every search backend must do, run against each: embedded Lucene and a real Elasticsearch node. The articles
 * are small and made up for the rules under test; the shipped knowledge base has its own regression set.
 */
abstract class SearchBackendContract {

    static final ChineseAnalysis ANALYSIS = ChineseAnalysis.load(Path.of("knowledge-base/dictionary"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final ArticleFilter AGENTS = ArticleFilter.agentVisible(TODAY);
    static final ArticleFilter EVERYTHING = new ArticleFilter(Set.of(), null, null, null, null, false);

    SearchBackend backend;

    /** A new, empty backend for one test. */
    abstract SearchBackend newBackend();

    /**
     * Whether the backend's word search matches words (IK), so that a question sharing no word with an article misses
     * it; the fallback's overlapping character pairs still match stray pairs and characters.
     */
    boolean segmentsIntoWords() {
        return true;
    }

    @BeforeEach
    void open() {
        backend = newBackend();
        backend.rebuild(List.<IndexedArticle> of().iterator(), n -> {
        });
    }

    @AfterEach
    void close() {
        backend.close();
    }

    static IndexedArticle article(long id, String title, List<String> questions, String answer, String category,
            String department) {
        return new IndexedArticle(id, "article-" + id, 1, title, questions, answer, List.of("标签" + id),
                categoryPath(category), department, "PUBLISHED", false, LocalDate.of(2024, 1, 1), null,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id), List.of());
    }

    static List<String> categoryPath(String code) {
        List<String> path = new ArrayList<>();
        for (int length = 2; length <= code.length(); length += 2) {
            path.add(code.substring(0, length));
        }
        return path;
    }

    static IndexedArticle withStatus(IndexedArticle a, String status) {
        return new IndexedArticle(a.id(), a.slug(), a.version(), a.title(), a.questions(), a.answerText(), a.tags(),
                a.categoryPath(), a.departmentCode(), status, a.publicAnswer(), a.effectiveFrom(), a.expiresOn(),
                a.updatedAt(), a.vectors());
    }

    static IndexedArticle withDates(IndexedArticle a, LocalDate effective, LocalDate expires) {
        return new IndexedArticle(a.id(), a.slug(), a.version(), a.title(), a.questions(), a.answerText(), a.tags(),
                a.categoryPath(), a.departmentCode(), a.status(), a.publicAnswer(), effective, expires, a.updatedAt(),
                a.vectors());
    }

    static final IndexedArticle PENSION = article(1, "灵活就业人员怎样参加职工养老保险？",
            List.of("自由职业者交养老保险"), "灵活就业人员可以个人身份参加企业职工基本养老保险，按月或按年缴费。", "050201", "HRSS");
    static final IndexedArticle SOCIAL_CARD = article(2, "社会保障卡丢失后如何挂失补办？", List.of("社保卡掉了怎么办"),
            "社会保障卡丢失应立即挂失，再到服务网点或线上申请补卡，补卡期间原卡不能使用。", "050201", "HRSS");
    static final IndexedArticle RENT = article(3, "租房可以提取住房公积金吗？", List.of("付房租能用公积金吗"),
            "在本市无自有住房且租赁住房的职工，可以申请提取住房公积金支付房租。", "010203", "HPF");
    static final IndexedArticle TRAVEL = article(4, "异地就医如何备案和直接结算？", List.of("在外地看病能直接报销吗"),
            "参保人员跨省异地就医前，可通过国家医保服务平台办理备案，备案后在定点医院直接结算。", "050202", "MEDICARE");
    static final IndexedArticle HOTLINE = article(5, "12345热线受理哪些事项？", List.of("市长热线管什么事"),
            "12345热线受理企业和群众的咨询、求助、投诉、举报和建议，紧急警情请拨打110。", "130401", "APPROVAL");

    void indexAll(IndexedArticle... articles) {
        backend.upsert(List.of(articles));
    }

    List<Long> ids(String text, ArticleFilter filter) {
        return backend.search(new ArticleQuery(text, filter, 0, 10)).hits().stream().map(SearchHit::id).toList();
    }

    /** The sentence encoder, loaded once for every backend's tests in this JVM. */
    static SentenceEncoder encoder() {
        return SharedEncoder.INSTANCE;
    }

    private static final class SharedEncoder {
        static final SentenceEncoder INSTANCE = SentenceEncoder.bgeSmallZh(1);
    }

    static IndexedArticle encoded(IndexedArticle article) {
        return article.withVectors(encoder().encodeAll(article.passages()));
    }

    List<Long> hybridIds(String text, ArticleFilter filter) {
        return backend.search(new ArticleQuery(text, encoder().encode(text), filter, 0, 10)).hits().stream()
                .map(SearchHit::id).toList();
    }

    @Test
    void vectorsFindAnArticleThatSharesNoWordWithTheQuestion() {
        IndexedArticle heating = article(20, "冬季供暖室温不达标怎么处理？", List.of(), "供热期间卧室、起居室温度应不低于18℃；不达标的可以向供热单位报修，"
                + "供热单位未及时处理的，由城市管理部门督促整改并按规定退还部分采暖费。", "010203", "HPF");
        indexAll(encoded(heating), encoded(PENSION), encoded(SOCIAL_CARD), encoded(RENT), encoded(TRAVEL),
                encoded(HOTLINE));
        String question = "家里暖气一点也不热冻得睡不着";
        if (segmentsIntoWords()) {
            assertThat(ids(question, AGENTS)).as("by words alone").doesNotContain(20L);
        }
        assertThat(hybridIds(question, AGENTS)).first().isEqualTo(20L);
        // words still decide where they match
        assertThat(hybridIds("租房提取公积金", AGENTS)).first().isEqualTo(3L);
        // a question like nothing in the knowledge base finds nothing
        assertThat(hybridIds("ZQX-7781-PLM", AGENTS)).isEmpty();
    }

    @Test
    void aRareWordInTheAnswerBeatsACommonWordInATitle() {
        // 遇到 is in many answers and one title; 寒潮 only in one answer
        List<IndexedArticle> articles = new ArrayList<>();
        articles.add(article(30, "遇到拖欠工资怎么办？", List.of(), "可以向劳动保障监察机构投诉，或申请劳动仲裁。", "050201",
                "HRSS"));
        articles.add(article(31, "极端天气下供水供电保障", List.of(), "寒潮来临前，供水企业会对暴露管道做防冻处理，市民可关注停水通知。",
                "010203", "HPF"));
        for (int i = 0; i < 8; i++) {
            articles.add(article(40 + i, "其他事项" + i, List.of(), "办事时遇到问题可以拨打12345咨询，遇到困难可申请帮办代办。",
                    "130401", "APPROVAL"));
        }
        backend.upsert(articles);
        assertThat(ids("遇到寒潮水管冻住了", AGENTS)).first().isEqualTo(31L);
    }

    @Test
    void thePublicFindsOnlyArticlesMarkedPublic() {
        IndexedArticle shown = withPublic(encoded(RENT));
        indexAll(shown, encoded(withStatus(withPublic(PENSION), "DRAFT")), encoded(SOCIAL_CARD));
        ArticleFilter citizens = ArticleFilter.publicAnswers(TODAY);
        assertThat(hybridIds("公积金租房", citizens)).containsExactly(3L);
        assertThat(hybridIds("养老保险", citizens)).isEmpty();
        assertThat(hybridIds("社保卡丢了", citizens)).isEmpty();
        assertThat(hybridIds("社保卡丢了", AGENTS)).first().isEqualTo(2L);
    }

    static IndexedArticle withPublic(IndexedArticle a) {
        return new IndexedArticle(a.id(), a.slug(), a.version(), a.title(), a.questions(), a.answerText(), a.tags(),
                a.categoryPath(), a.departmentCode(), a.status(), true, a.effectiveFrom(), a.expiresOn(),
                a.updatedAt(), a.vectors());
    }

    @Test
    void findsTheArticleByItsWordsAndRanksTitleMatchesFirst() {
        indexAll(PENSION, SOCIAL_CARD, RENT, TRAVEL, HOTLINE);
        assertThat(ids("租房提取公积金", AGENTS)).first().isEqualTo(3L);
        assertThat(ids("养老保险怎么交", AGENTS)).first().isEqualTo(1L);
        assertThat(ids("12345受理范围", AGENTS)).first().isEqualTo(5L);
    }

    @Test
    void synonymsFindArticlesWrittenWithTheOtherWord() {
        // the article says 社会保障卡 only in its title and answer; the caller says 社保卡
        IndexedArticle formal = article(6, "社会保障卡的申领渠道有哪些？", List.of(), "社会保障卡可在合作银行网点申领。", "050201",
                "HRSS");
        indexAll(formal, RENT, TRAVEL);
        assertThat(ids("社保卡在哪申领", AGENTS)).first().isEqualTo(6L);
        // 公积金 finds the article written with 住房公积金 and vice versa
        IndexedArticle fund = article(7, "住房公积金缴存基数怎么调整？", List.of(), "每年调整一次缴存基数。", "050201", "HPF");
        indexAll(fund);
        assertThat(ids("公积金基数", AGENTS)).first().isEqualTo(7L);
        // 外地看病 is a synonym of 异地就医
        assertThat(ids("外地看病", AGENTS)).first().isEqualTo(4L);
    }

    @Test
    void onlyPublishedArticlesInEffectReachAgents() {
        IndexedArticle draft = withStatus(article(10, "出生医学证明怎么补办？", List.of(), "到出生的医院申请补办。", "070303",
                "HEALTH"), "DRAFT");
        IndexedArticle archived = withStatus(article(11, "出生医学证明遗失补发流程", List.of(), "已停止执行。", "070303",
                "HEALTH"), "ARCHIVED");
        IndexedArticle expired = withDates(article(12, "出生医学证明首次签发", List.of(), "旧规定。", "070303", "HEALTH"),
                LocalDate.of(2020, 1, 1), TODAY);
        IndexedArticle future = withDates(article(13, "出生医学证明电子证照", List.of(), "明年起施行。", "070303", "HEALTH"),
                TODAY.plusDays(1), null);
        IndexedArticle current = withDates(article(14, "出生医学证明办理时限", List.of(), "当日办结。", "070303", "HEALTH"),
                LocalDate.of(2020, 1, 1), TODAY.plusDays(1));
        indexAll(draft, archived, expired, future, current);

        assertThat(ids("出生医学证明", AGENTS)).containsExactly(14L);
        assertThat(ids("出生医学证明", EVERYTHING)).containsExactlyInAnyOrder(10L, 11L, 12L, 13L, 14L);
        assertThat(ids("出生医学证明", new ArticleFilter(Set.of("DRAFT", "ARCHIVED"), null, null, null, null, false)))
                .containsExactlyInAnyOrder(10L, 11L);
        assertThat(backend.autocomplete("出生医学", AGENTS, 10)).extracting(Suggestion::id).containsExactly(14L);
        assertThat(backend.moreLikeThis("出生医学证明", "出生医学证明补办", AGENTS, null, 10)).extracting(SearchHit::id)
                .containsExactly(14L);
    }

    @Test
    void filtersByCategoryAtAnyLevelByDepartmentAndByTag() {
        indexAll(PENSION, SOCIAL_CARD, RENT, TRAVEL, HOTLINE);
        assertThat(ids("", AGENTS.withCategory("05"))).containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThat(ids("", AGENTS.withCategory("0502"))).containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThat(ids("", AGENTS.withCategory("050202"))).containsExactly(4L);
        assertThat(ids("", AGENTS.withDepartment("HRSS"))).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("社保卡", AGENTS.withDepartment("HPF"))).isEmpty();
        assertThat(ids("", AGENTS.withTag("标签3"))).containsExactly(3L);
    }

    @Test
    void withoutWordsListsNewestFirstAndPages() {
        indexAll(PENSION, SOCIAL_CARD, RENT, TRAVEL, HOTLINE);
        assertThat(ids("", AGENTS)).containsExactly(5L, 4L, 3L, 2L, 1L);
        SearchResult second = backend.search(new ArticleQuery(null, AGENTS, 1, 2));
        assertThat(second.hits()).extracting(SearchHit::id).containsExactly(3L, 2L);
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.totalExact()).isTrue();
        assertThat(backend.search(new ArticleQuery(null, AGENTS, 3, 2)).hits()).isEmpty();
    }

    @Test
    void highlightsMatchedWordsAndEscapesTheRest() {
        IndexedArticle risky = article(20, "<b>医保</b>电子凭证怎么激活？", List.of(),
                "打开国家医保服务平台App，按提示激活医保电子凭证，<script>alert(1)</script>即可扫码就医。", "050202", "MEDICARE");
        indexAll(risky);
        SearchHit hit = backend.search(new ArticleQuery("医保电子凭证激活", AGENTS, 0, 10)).hits().get(0);
        assertThat(hit.titleHighlight()).contains("<em>").contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(hit.snippet()).contains("<em>").doesNotContain("<script>");
        assertThat(hit.title()).isEqualTo(risky.title());
    }

    @Test
    void queriesOfStopWordsOnlyFindNothing() {
        indexAll(PENSION, HOTLINE);
        assertThat(ids("怎么办", AGENTS)).isEmpty();
        assertThat(ids("   ", AGENTS)).hasSize(2);
    }

    @Test
    void autocompleteFindsTitlesAndQuestionsContainingWhatWasTyped() {
        indexAll(PENSION, SOCIAL_CARD, RENT, TRAVEL, HOTLINE);
        List<Suggestion> rent = backend.autocomplete("租房", AGENTS, 5);
        assertThat(rent).first().satisfies(s -> {
            assertThat(s.id()).isEqualTo(3L);
            assertThat(s.question()).isFalse();
        });
        // inside a word, and in an alternative question only
        assertThat(backend.autocomplete("掉了", AGENTS, 5)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(2L);
            assertThat(s.question()).isTrue();
            assertThat(s.text()).isEqualTo("社保卡掉了怎么办");
        });
        // a prefix of a number
        assertThat(backend.autocomplete("123", AGENTS, 5)).extracting(Suggestion::id).containsExactly(5L);
        // a title that starts with the text comes before one that contains it
        IndexedArticle starts = article(30, "异地就医直接结算的范围", List.of(), "门诊和住院费用。", "050202", "MEDICARE");
        indexAll(starts);
        assertThat(backend.autocomplete("异地就医", AGENTS, 5)).extracting(Suggestion::id).startsWith(30L, 4L);
        assertThat(backend.autocomplete("没有这个词语", AGENTS, 5)).isEmpty();
    }

    @Test
    void moreLikeThisFindsRelatedArticlesButNotItself() {
        IndexedArticle pensionTransfer = article(40, "养老保险关系跨省转移接续怎么办？", List.of(),
                "参保人员跨省流动就业的，养老保险关系可以转移接续，缴费年限累计计算。", "050201", "HRSS");
        indexAll(PENSION, SOCIAL_CARD, RENT, TRAVEL, HOTLINE, pensionTransfer);
        String text = PENSION.title() + "\n" + PENSION.answerText();
        List<SearchHit> similar = backend.moreLikeThis(PENSION.title(), text, AGENTS, PENSION.id(), 3);
        assertThat(similar).extracting(SearchHit::id).doesNotContain(1L).first().isEqualTo(40L);
        List<SearchHit> forWorkOrder = backend.moreLikeThis("公积金租房提取咨询",
                "市民来电称在本市租房居住，无自有住房，想提取公积金支付房租，询问办理条件。", AGENTS, null, 3);
        assertThat(forWorkOrder).first().extracting(SearchHit::id).isEqualTo(3L);
    }

    @Test
    void upsertReplacesAndDeleteRemoves() {
        indexAll(PENSION, RENT);
        IndexedArticle renamed = article(3, "无房职工租赁住房提取公积金的条件", RENT.questions(), RENT.answerText(), "010203",
                "HPF");
        indexAll(renamed);
        assertThat(backend.count()).isEqualTo(2);
        assertThat(backend.search(new ArticleQuery("租赁住房", AGENTS, 0, 10)).hits()).first()
                .extracting(SearchHit::title).isEqualTo(renamed.title());
        backend.delete(List.of(3L, 999L));
        assertThat(backend.count()).isEqualTo(1);
        assertThat(ids("公积金", AGENTS)).doesNotContain(3L);
    }

    @Test
    void rebuildReplacesTheWholeIndexAndSearchesSeeTheOldOneUntilItIsComplete() {
        indexAll(PENSION, SOCIAL_CARD);
        List<Long> seenDuringRebuild = new ArrayList<>();
        Iterator<IndexedArticle> replacement = new Iterator<>() {
            private final Iterator<IndexedArticle> articles = List.of(RENT, TRAVEL, HOTLINE).iterator();

            @Override
            public boolean hasNext() {
                return articles.hasNext();
            }

            @Override
            public IndexedArticle next() {
                seenDuringRebuild.addAll(ids("", AGENTS));
                return articles.next();
            }
        };
        List<Long> progress = new ArrayList<>();
        backend.rebuild(replacement, progress::add);
        assertThat(seenDuringRebuild).containsOnly(1L, 2L);
        assertThat(ids("", AGENTS)).containsExactlyInAnyOrder(3L, 4L, 5L);
        assertThat(progress).last().isEqualTo(3L);
        assertThat(backend.needsRebuild()).isFalse();
    }

    @Test
    void aFailedRebuildKeepsTheOldIndex() {
        indexAll(PENSION, SOCIAL_CARD);
        Iterator<IndexedArticle> failing = new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public IndexedArticle next() {
                if (served++ == 1) {
                    throw new IllegalStateException("the database went away");
                }
                return RENT;
            }
        };
        assertThatThrownBy(() -> backend.rebuild(failing, n -> {
        })).hasMessageContaining("the database went away");
        assertThat(ids("", AGENTS)).containsExactlyInAnyOrder(1L, 2L);
        indexAll(TRAVEL);
        assertThat(ids("", AGENTS)).containsExactlyInAnyOrder(1L, 2L, 4L);
    }
}
