package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.Issue;

class IssueClassifierTest {
    private final IssueClassifier classifier = IssueClassifier.shared();

    @Test
    void emptyOrNonChineseProblemGetsNoTopicAndZeroConfidence() {
        for (String problem : new String[] {null, "", "   ", "hello world", "2021-06-30", "!!!", "\u0000\u0001"}) {
            Classification c = classifier.classify(problem, List.of("二、集中整改完成情况"), "整改情况:已完成");
            assertThat(c.topic()).as("topic of %s", problem).isNull();
            assertThat(c.topic2()).isNull();
            assertThat(c.pillar()).isNull();
            assertThat(c.confidence()).isZero();
        }
        assertThat(classifier.classify("选人用人不规范", null, null).topic()).isEqualTo("cadres");
    }

    @Test
    void typicalProblemsGetTheirTopicAndPillar() {
        assertThat(classifier.classify("落实“两个责任”不到位", List.of(), null))
                .extracting(Classification::topic, Classification::pillar).containsExactly("party_responsibility", "S");
        assertThat(classifier.classify("“三重一大”事项集体决策制度执行不严格", List.of(), null))
                .extracting(Classification::topic, Classification::pillar).containsExactly("leadership", "O");
        assertThat(classifier.classify("问题楼盘化解缓慢,办证难问题突出", List.of(), null))
                .extracting(Classification::topic, Classification::pillar).containsExactly("risk_finance", "D");
        assertThat(classifier.classify("对巡察成果运用不充分", List.of(), null))
                .extracting(Classification::topic, Classification::pillar).containsExactly("rectification", "R");
    }

    @Test
    void pillarIsTheTaxonomyPillarOfTheTopic() {
        for (String problem : List.of("理论学习不深入", "违规吃喝问题仍有发生", "软弱涣散村党组织整顿不彻底", "上轮巡视反馈问题整改不到位",
                "污水直排问题突出", "纪委监督责任落实不到位", "干部档案管理不规范")) {
            Classification c = classifier.classify(problem, List.of(), null);
            assertThat(c.pillar()).isEqualTo(Topic.pillarOf(c.topic()));
            assertThat(c.confidence()).isBetween(0.0, 1.0);
            assertThat(c.terms()).isNotEmpty();
        }
        assertThat(Topic.values()).hasSize(18);
        assertThat(Topic.pillarOf("integrity")).isEqualTo("S");
        assertThat(Topic.pillarOf("grassroots")).isEqualTo("O");
        assertThat(Topic.pillarOf("rectification")).isEqualTo("R");
        assertThat(Topic.pillarOf("ideology")).isEqualTo("D");
        assertThat(Topic.pillarOf("nonsense")).isNull();
    }

    @Test
    void groupHeadingDecidesThePillarOfAnOtherwiseVagueProblem() {
        String vague = "制度执行不严格";
        assertThat(classifier.classify(vague, List.of("二、整改情况", "(一)贯彻落实党中央重大决策部署方面"), null).pillar())
                .isEqualTo("D");
        assertThat(classifier.classify(vague, List.of("二、整改情况", "(二)贯彻落实全面从严治党战略部署不到位"), null).pillar())
                .isEqualTo("S");
        assertThat(classifier.classify(vague, List.of("二、整改情况", "(三)执行组织纪律方面的问题"), null).pillar())
                .isEqualTo("O");
    }

    @Test
    void subjectProblemUnderPreviousRoundHeadingGetsRectificationAsSecondTopic() {
        Classification c = classifier.classify("违规发放津贴补贴问题仍未整改",
                List.of("四、上轮巡视反馈问题整改方面"), null);
        assertThat(c.topic()).isEqualTo("conduct");
        assertThat(c.topic2()).isEqualTo("rectification");

        Classification quoted = classifier.classify("上轮巡视指出的“选人用人不规范”问题仍未整改到位", List.of(), null);
        assertThat(quoted.topic()).isEqualTo("rectification");
        assertThat(quoted.topic2()).isEqualTo("cadres");
    }

    @Test
    void topicFollowsTheProblemNotTheRectificationText() {
        String actions = "开展警示教育,完善“三重一大”决策制度,严肃查处违反中央八项规定精神问题,整治软弱涣散基层党组织。";
        assertThat(classifier.classify("理论学习中心组学习不够深入", List.of(), actions).topic())
                .isEqualTo("theory_politics");
    }

    @Test
    void classificationIsDeterministicAcrossInstances() {
        IssueClassifier other = IssueClassifier.train(TrainingData.bundled(), IssueClassifier.Settings.DEFAULT);
        for (TrainingExample e : TrainingData.bundled().examples().subList(0, 120)) {
            List<String> path = e.path().isEmpty() ? List.of() : List.of(e.path().split(" > "));
            assertThat(other.classify(e.problem(), path, null)).isEqualTo(classifier.classify(e.problem(), path, null));
        }
    }

    @Test
    void parallelClassificationEqualsSequential() throws Exception {
        List<TrainingExample> examples = TrainingData.bundled().examples();
        List<Classification> sequential = new ArrayList<>();
        for (TrainingExample e : examples) {
            sequential.add(classifier.classify(e.problem(), List.of(), e.problem()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Classification>> futures = new ArrayList<>();
            for (TrainingExample e : examples) {
                futures.add(pool.submit(() -> classifier.classify(e.problem(), List.of(), e.problem())));
            }
            for (int i = 0; i < examples.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void classifyingAnIssueFillsTopicPillarKeywordsAndVersion() {
        Issue parsed = Issue.parsed(1, "1", List.of("(二)贯彻落实全面从严治党战略部署不到位"), "对以案促改工作督导问效不够", 12,
                "long_term", "建立长效机制", List.of(), "制定以案促改工作实施办法,召开警示教育大会,开展以案促改专项督导。");
        Issue classified = classifier.classify(parsed);
        assertThat(classified.topic()).isNotNull();
        assertThat(classified.pillar()).isEqualTo(Topic.pillarOf(classified.topic()));
        assertThat(classified.topicConfidence()).isPositive();
        assertThat(classified.keywords()).isNotEmpty().contains("以案促改");
        assertThat(classified.classifierVersion()).isEqualTo(IssueClassifier.VERSION)
                .matches("clf-\\d+\\+lex-[0-9a-f]{8}\\+data-[0-9a-f]{8}");
        assertThat(classified.problem()).isEqualTo(parsed.problem());
        assertThat(classified.status()).isEqualTo("long_term");
    }
}
