package org.rectifywatch.processor.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Province of a report from the telephone area code of its contact line, else from province names in the text. */
public final class ProvinceHints {
    private static final List<String> PROVINCES = List.of("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林",
            "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
            "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆");

    /** Area-code prefixes (longest match wins) → province. */
    private static final Map<String, String> CODES = new LinkedHashMap<>();

    static {
        put("北京", "010");
        put("上海", "021");
        put("天津", "022");
        put("重庆", "023");
        put("广东", "020", "075", "076", "066", "0751", "0763");
        put("辽宁", "024", "041", "042");
        put("江苏", "025", "051", "052");
        put("湖北", "027", "071", "072");
        put("四川", "028", "081", "082", "083");
        put("陕西", "029", "091");
        put("河北", "031", "0335");
        put("山西", "035", "0349");
        put("河南", "037", "039");
        put("吉林", "043");
        put("黑龙江", "045", "046");
        put("内蒙古", "047", "048");
        put("山东", "053", "054", "063");
        put("安徽", "055", "056");
        put("浙江", "057", "058");
        put("福建", "059");
        put("江西", "070", "079");
        put("湖南", "073", "074");
        put("广西", "077");
        put("贵州", "085");
        put("云南", "087", "088", "069");
        put("西藏", "089");
        put("海南", "0898");
        put("新疆", "090", "099");
        put("甘肃", "093", "094");
        put("宁夏", "095");
        put("青海", "097");
    }

    private ProvinceHints() {
    }

    private static void put(String province, String... prefixes) {
        for (String p : prefixes) {
            CODES.put(p, province);
        }
    }

    /** Province for a phone number such as "0373-2826206"; null for mobiles or unknown codes. */
    public static String fromPhone(String phone) {
        if (phone == null || !phone.startsWith("0")) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        for (int len = 4; len >= 3; len--) {
            if (digits.length() >= len) {
                String p = CODES.get(digits.substring(0, len));
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The province named most often in the text (ties: first named), or null. */
    public static String fromText(String text) {
        String best = null;
        int bestCount = 0;
        int bestPos = Integer.MAX_VALUE;
        for (String p : PROVINCES) {
            int count = 0;
            int first = -1;
            int idx = text.indexOf(p);
            while (idx >= 0) {
                count++;
                if (first < 0) {
                    first = idx;
                }
                idx = text.indexOf(p, idx + p.length());
            }
            if (count > bestCount || (count == bestCount && count > 0 && first < bestPos)) {
                best = p;
                bestCount = count;
                bestPos = first;
            }
        }
        return best;
    }
}
