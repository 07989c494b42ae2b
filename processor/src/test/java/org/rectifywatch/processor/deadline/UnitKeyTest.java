package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.ReportMeta;

class UnitKeyTest {

    private static String key(String target, String province, String site) {
        ReportMeta m = new ReportMeta(target, null, province, null, null, null, null, null, null, null, null, null, null);
        return UnitKey.of(m, site, "r-1");
    }

    @Test
    void theFormsOneUnitIsNamedInShareOneKey() {
        for (List<String> forms : List.of(
                List.of("卫滨区", "中共卫滨区委", "卫滨区委", "卫滨区人民政府", "中共卫滨区委员会", " 卫滨区委 "),
                List.of("青禾镇党委", "中共青禾镇委员会", "青禾镇委", "青禾镇"),
                List.of("南岭能源集团有限公司党委", "南岭能源集团党委", "中共南岭能源集团有限公司委员会", "南岭能源集团股份有限公司"),
                List.of("江岳理工大学党委", "中国共产党江岳理工大学委员会", "江岳理工大学"),
                List.of("市卫生健康委员会党组", "市卫生健康委党组", "中共市卫生健康委员会党组"))) {
            assertThat(forms.stream().map(f -> key(f, "河南", "site-a")).distinct()).as(forms.toString()).hasSize(1);
        }
    }

    @Test
    void differentUnitsStayApart() {
        assertThat(key("卫滨区", "河南", "a")).isNotEqualTo(key("卫东区", "河南", "a"));
        assertThat(key("县水利局党组", "河南", "a")).isNotEqualTo(key("县交通运输局党组", "河南", "a"));
        // the province hint (from a contact phone) is incidental: an edit or a follow-up without it keeps the unit
        assertThat(key("鼓楼区委", "江苏", "a")).isEqualTo(key("鼓楼区委", null, "a"));
        assertThat(UnitKey.ofName("中共鼓楼区委", "b")).isEqualTo(key("鼓楼区人民政府", "福建", "a"));
        // a body named relative to its publisher: which county's water bureau depends on the site
        assertThat(key("县水利局党组", "湖南", "county-a")).isNotEqualTo(key("县水利局党组", "湖南", "county-b"));
        assertThat(key("县水利局党组", "湖南", "county-a")).isEqualTo(key("县水利局党组", "湖南", "county-a"));
        // an absolute name does not depend on where it was published (mirrors, the province's site)
        assertThat(key("卫滨区委", "河南", "county-site")).isEqualTo(key("中共卫滨区委", "河南", "province-site"));
    }

    @Test
    void noUnitMeansTheReportIsItsOwnUnit() {
        assertThat(UnitKey.of(null, "a", "r-9")).isEqualTo("r-9");
        assertThat(key("  ", "河南", "a")).isEqualTo("r-1");
        assertThat(UnitKey.core("市委")).isEqualTo("市委");
    }
}
