package org.rectifywatch.processor.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.report.Issue;

/**
 * Assigns each problem statement a topic of the 18-code taxonomy. Three sources of evidence are added up
 * per topic: a statistical model trained on {@code training.tsv} (log posterior), the weighted domain
 * {@link Lexicon} matched in the problem, and the pillar that the enclosing group headings point to
 * ({@link PathContext}). The rectification text is weak evidence only: the topic follows the problem.
 * <p>Deterministic and immutable after construction, so one instance serves all threads.
 */
public final class IssueClassifier {
    /** Bump when the combination logic changes; lexicon, cues, dictionary and training data are hashed. */
    static final String LOGIC_VERSION = "clf-1";

    /**
     * Version stamped on every classified issue: {@code clf-<logic>+lex-<sha8 of lexicon, path cues and
     * dictionary>+data-<sha8 of training.tsv>}, so re-classified data can be told apart.
     */
    public static final String VERSION = LOGIC_VERSION + "+lex-" + resourcesSha8() + "+data-"
            + TrainingData.bundled().sha256().substring(0, 8);

    /** A problem that quotes an earlier finding (上届巡视反馈的“…”, 省审计厅指出的…) is a rectification problem. */
    private static final Pattern PRIOR_FINDING = Pattern.compile(
            "^[^,,;;。]{0,12}?(巡视|巡察|审计|主题教育)[^,,;;。]{0,8}?(反馈|指出|发现|交办|查找|检视|移交)(的|问题)");

    private static final int KEYWORDS = 8;

    /** Weights of the evidence sources (tuned by leave-one-report-out and k-fold runs, see docs/CLASSIFIER.md). */
    public record Settings(ModelKind model, double modelWeight, double pathWeight, double rectificationWeight,
                           double topic2Ratio, double topic2Min) {
        public static final Settings DEFAULT = new Settings(ModelKind.LOGISTIC_REGRESSION, 0.75, 1.5, 0.5, 0.45, 0.2);

        public Settings withModel(ModelKind kind) {
            return new Settings(kind, modelWeight, pathWeight, rectificationWeight, topic2Ratio, topic2Min);
        }
    }

    public enum ModelKind { NAIVE_BAYES, LOGISTIC_REGRESSION }

    private static final class Holder {
        static final IssueClassifier SHARED = train(TrainingData.bundled(), Settings.DEFAULT);
    }

    private final ChineseTokenizer tokenizer;
    private final Lexicon lexicon;
    private final PathContext pathContext;
    private final TopicModel model;
    private final Settings settings;

    private IssueClassifier(ChineseTokenizer tokenizer, Lexicon lexicon, PathContext pathContext, TopicModel model,
                            Settings settings) {
        this.tokenizer = tokenizer;
        this.lexicon = lexicon;
        this.pathContext = pathContext;
        this.model = model;
        this.settings = settings;
    }

    /** The process-wide classifier trained on the bundled data (first call takes about a second). */
    public static IssueClassifier shared() {
        return Holder.SHARED;
    }

    /** A classifier trained on the given examples with the bundled lexicon, path cues and dictionary. */
    public static IssueClassifier train(TrainingData data, Settings settings) {
        ChineseTokenizer tokenizer = ChineseTokenizer.shared();
        List<TopicModel.Document> documents = new ArrayList<>(data.size());
        for (TrainingExample e : data.examples()) {
            documents.add(new TopicModel.Document(e.topic(),
                    ProblemFeatures.of(tokenizer, TextNormalizer.normalize(e.problem())).strings()));
        }
        TopicModel model = switch (settings.model()) {
            case NAIVE_BAYES -> new NaiveBayesModel(documents, 0.1);
            case LOGISTIC_REGRESSION -> new LogisticModel(documents, 30, 0.2, 0.001);
        };
        return new IssueClassifier(tokenizer, Lexicon.bundled(), PathContext.bundled(), model, settings);
    }

    public ChineseTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Classifies one problem statement.
     *
     * @param problem       the problem as the parser extracted it
     * @param path          the enclosing group headings, outermost first (may be empty or null)
     * @param rectification the rectification text (may be null); weak evidence only
     */
    public Classification classify(String problem, List<String> path, String rectification) {
        String text = TextNormalizer.normalize(problem);
        if (!TextNormalizer.hasChinese(text)) {
            return Classification.NONE;
        }
        PathContext.Evidence context = pathContext.evaluate(path);
        Matcher prior = PRIOR_FINDING.matcher(text);
        if (prior.find()) {
            // the finding itself names the subject: that becomes the second topic when it is clear
            String finding = text.substring(prior.end());
            Scored subject = TextNormalizer.hasChinese(finding) ? score(finding, context, null) : null;
            String topic2 = null;
            if (subject != null) {
                Topic best = subject.best(Topic.RECTIFICATION);
                double others = 1 - subject.probability(Topic.RECTIFICATION);
                if (others > 0 && subject.probability(best) / others >= 0.5) {
                    topic2 = best.code();
                }
            }
            List<String> terms = new ArrayList<>();
            terms.add(prior.group().replaceFirst("^.*?(?=(巡视|巡察|审计|主题教育))", ""));
            // a rule, not a probability: 0.9 marks it as decided by the quoted-finding form
            return new Classification(Topic.RECTIFICATION.code(), topic2, Topic.Pillar.R.name(), 0.9, terms);
        }
        Scored scored = score(text, context, rectification);
        Topic top = scored.best(null);
        Topic second = scored.best(top);
        String topic2 = null;
        if (context.previousFindings() && top != Topic.RECTIFICATION) {
            topic2 = Topic.RECTIFICATION.code();
        } else if (scored.probability(second) >= settings.topic2Min()
                && scored.probability(second) >= settings.topic2Ratio() * scored.probability(top)) {
            topic2 = second.code();
        }
        return new Classification(top.code(), topic2, top.pillar().name(), round(scored.probability(top)),
                scored.terms(top));
    }

    /** The issue with topic, topic2, pillar, confidence, terms, keywords and {@link #VERSION} filled in. */
    public Issue classify(Issue issue) {
        Classification c = classify(issue.problem(), issue.path(), issue.rectification());
        List<String> keywords = tokenizer.keywords(KEYWORDS, issue.problem(), issue.rectification());
        return issue.classified(c.topic(), c.topic2(), c.pillar(), c.confidence(), c.terms(), keywords, VERSION);
    }

    private Scored score(String text, PathContext.Evidence context, String rectification) {
        ProblemFeatures features = ProblemFeatures.of(tokenizer, text);
        double[] modelScores = model.logPosterior(features);
        Lexicon.Match lex = lexicon.match(text);
        double[] rectScores = null;
        if (rectification != null && settings.rectificationWeight() > 0) {
            Lexicon.Match r = lexicon.match(TextNormalizer.normalize(rectification));
            double total = Math.max(1.0, r.total());
            rectScores = r.scores().clone();
            for (int i = 0; i < rectScores.length; i++) {
                rectScores[i] = settings.rectificationWeight() * rectScores[i] / total;
            }
        }
        Topic[] topics = Topic.values();
        double[] scores = new double[topics.length];
        for (Topic t : topics) {
            int i = t.ordinal();
            scores[i] = settings.modelWeight() * modelScores[i] + lex.scores()[i]
                    + settings.pathWeight() * context.share(t.pillar())
                    + (rectScores == null ? 0 : rectScores[i]);
        }
        double[] logp = TopicModel.normalizeLog(scores);
        return new Scored(logp, lex, features);
    }

    private final class Scored {
        private final double[] logp;
        private final Lexicon.Match lex;
        private final ProblemFeatures features;

        Scored(double[] logp, Lexicon.Match lex, ProblemFeatures features) {
            this.logp = logp;
            this.lex = lex;
            this.features = features;
        }

        double probability(Topic t) {
            return Math.exp(logp[t.ordinal()]);
        }

        /** Highest-scoring topic other than {@code excluded}; ties go to the earlier taxonomy code. */
        Topic best(Topic excluded) {
            Topic best = null;
            for (Topic t : Topic.values()) {
                if (t != excluded && (best == null || logp[t.ordinal()] > logp[best.ordinal()])) {
                    best = t;
                }
            }
            return best;
        }

        /** Lexicon terms of the topic, or else the words the model weighs most for it. */
        List<String> terms(Topic t) {
            List<String> lexTerms = lex.terms().get(t);
            if (lexTerms != null && !lexTerms.isEmpty()) {
                return lexTerms;
            }
            Set<String> words = new LinkedHashSet<>();
            features.words().stream()
                    .map(w -> "w:" + w)
                    .filter(f -> model.contribution(t, f) > 0)
                    .sorted(Comparator.comparingDouble((String f) -> -model.contribution(t, f))
                            .thenComparing(Comparator.naturalOrder()))
                    .forEach(f -> words.add(f.substring(2)));
            return words.stream().limit(3).toList();
        }
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    private static String resourcesSha8() {
        String all = TrainingData.Resources.read(Lexicon.RESOURCE) + "\u0000"
                + TrainingData.Resources.read(PathContext.RESOURCE) + "\u0000"
                + TrainingData.Resources.read(ChineseTokenizer.DICTIONARY_RESOURCE);
        return TrainingData.Resources.sha256(all).substring(0, 8);
    }
}
