package org.rectifywatch.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.Issue;

class IssueIdentityTest {
    private static Issue issue(int seq, String problem) {
        return Issue.parsed(seq, String.valueOf(seq), List.of("一、整改情况"), problem, seq, "in_progress", null, List.of(), null);
    }

    @Test
    void theSameParseGivesTheSameIdsAndRepeatedAnchorsAreNumbered() {
        List<Issue> issues = List.of(issue(1, "耕地保护责任落实不到位"), issue(2, "耕地保护责任落实不到位"), issue(3, "财经纪律执行不严"));
        IssueIdentity.Assignment a = IssueIdentity.assign("r1", List.of(), issues);
        assertThat(a.ids()).isEqualTo(IssueIdentity.assign("r1", List.of(), issues).ids()).doesNotHaveDuplicates();
        assertThat(a.ids().get(1)).isEqualTo(a.ids().get(0) + "#2");
    }

    @Test
    void aProblemKeepsItsIdWhenAnItemIsInsertedAboveAndWhenItIsReworded() {
        IssueIdentity.Assignment v1 = IssueIdentity.assign("r1", List.of(),
                List.of(issue(1, "耕地保护责任落实不到位"), issue(2, "财经纪律执行不严,违规发放津贴补贴")));
        IssueIdentity.Assignment v2 = IssueIdentity.assign("r1", v1.refs(), List.of(issue(1, "意识形态工作责任制落实不到位"),
                issue(2, "耕地保护责任落实不到位"), issue(3, "财经纪律执行不严格,违规发放津贴补贴问题仍有发生")));
        assertThat(v2.ids().get(1)).isEqualTo(v1.ids().get(0));
        assertThat(v2.ids().get(2)).as("reworded").isEqualTo(v1.ids().get(1));
        assertThat(v2.ids().get(0)).isNotIn(v1.ids());
    }

    @Test
    void onASplitTheCloserPartKeepsTheIdAndAnIdThatLeftIsNotReusedInTheSameVersion() {
        IssueIdentity.Assignment v1 = IssueIdentity.assign("r1", List.of(), List.of(issue(1, "违规吃喝和违规收送礼品礼金问题")));
        IssueIdentity.Assignment v2 = IssueIdentity.assign("r1", v1.refs(),
                List.of(issue(1, "违规吃喝问题"), issue(2, "违规吃喝和违规收送礼品礼金问题仍有发生")));
        assertThat(v2.ids().get(1)).isEqualTo(v1.ids().get(0));
        assertThat(v2.ids().get(0)).isNotEqualTo(v1.ids().get(0));
    }
}
