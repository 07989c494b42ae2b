package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Not a test: the statistical models alone (no lexicon, no path), 5-fold over the synthetic rows plus
 * leave-one-report-out over the gold rows of training.tsv — HanLP's NaiveBayesClassifier against this
 * package's naive Bayes and logistic regression over HanLP words + character bigrams.
 */
final class ModelOnlyComparison {
    public static void main(String[] args) throws Exception {
        TrainingData data = TrainingData.bundled();
        ChineseTokenizer tok = ChineseTokenizer.shared();
        Map<String, Function<List<TrainingExample>, Function<String, String>>> models = new java.util.LinkedHashMap<>();
        models.put("hanlp-NaiveBayesClassifier", train -> {
            Map<String, List<String>> byTopic = new HashMap<>();
            for (TrainingExample e : train) {
                byTopic.computeIfAbsent(e.topic().code(), k -> new ArrayList<>()).add(e.problem());
            }
            Map<String, String[]> corpus = new HashMap<>();
            byTopic.forEach((k, v) -> corpus.put(k, v.toArray(String[]::new)));
            NaiveBayesClassifier nb = new NaiveBayesClassifier();
            nb.train(corpus);
            return text -> nb.classify(text);
        });
        models.put("own naive Bayes", train -> own(tok, train, docs -> new NaiveBayesModel(docs, 0.1)));
        models.put("own logistic regression", train -> own(tok, train, docs -> new LogisticModel(docs, 30, 0.2, 0.001)));
        List<TrainingExample> all = data.examples();
        for (var m : models.entrySet()) {
            int ok = 0;
            int n = 0;
            for (int fold = 0; fold < 5; fold++) {
                List<TrainingExample> train = new ArrayList<>();
                List<TrainingExample> test = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    (all.get(i).source().equals("synthetic") && i % 5 == fold ? test : train).add(all.get(i));
                }
                Function<String, String> clf = m.getValue().apply(train);
                for (TrainingExample e : test) {
                    n++;
                    ok += e.topic().code().equals(clf.apply(e.problem())) ? 1 : 0;
                }
            }
            int gok = 0;
            int gn = 0;
            for (String report : all.stream().filter(e -> e.source().startsWith("gold:")).map(TrainingExample::source)
                    .distinct().toList()) {
                Function<String, String> clf = m.getValue().apply(all.stream().filter(e -> !e.source().equals(report)).toList());
                for (TrainingExample e : all.stream().filter(e -> e.source().equals(report)).toList()) {
                    gn++;
                    gok += e.topic().code().equals(clf.apply(e.problem())) ? 1 : 0;
                }
            }
            System.out.printf("%-26s 5-fold strict %.3f  gold LOO strict %.3f%n", m.getKey(), ok / (double) n,
                    gok / (double) gn);
        }
    }

    private static Function<String, String> own(ChineseTokenizer tok, List<TrainingExample> train,
                                                Function<List<TopicModel.Document>, TopicModel> factory) {
        List<TopicModel.Document> docs = train.stream().map(e -> new TopicModel.Document(e.topic(),
                ProblemFeatures.of(tok, TextNormalizer.normalize(e.problem())).strings())).toList();
        TopicModel model = factory.apply(docs);
        return text -> {
            double[] lp = model.logPosterior(ProblemFeatures.of(tok, TextNormalizer.normalize(text)));
            int best = 0;
            for (int i = 1; i < lp.length; i++) {
                if (lp[i] > lp[best]) {
                    best = i;
                }
            }
            return Topic.values()[best].code();
        };
    }
}
