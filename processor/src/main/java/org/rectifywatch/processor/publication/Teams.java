package org.rectifywatch.processor.publication;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.processor.parse.ChineseNumbers;

/** Inspection teams and rounds as notices and reports write them, and their normal form. */
final class Teams {
    /** A number as an ordinal is written: 三, 十三, 3. */
    static final String NUM = "[一二三四五六七八九十百零〇两\\d]+";
    /** The session before a body: 十三届, 第十三届, 13届. */
    static final String SESSION = "(?:第?[一二三四五六七八九十百零〇\\d]+届)";
    /** The inspecting bodies (longest first where one contains another). */
    static final String BODY = "(?:中共中央|中央|自治区党委|区党委|省委|市委|州委|盟委|地委|县委|区委|旗委)";
    private static final String KINDS = "(?:常规|机动|专项|交叉|提级|联动)";

    /**
     * A team: optional session, optional 中共, optional body, optional round, optional ordinal, 巡视/巡察, optional
     * ordinal after the kind (省委第五轮巡视第二组), 组. Groups: 1 body, 2 round ordinal, 3 ordinal, 4 kind, 5 ordinal.
     */
    static final Pattern TEAM = Pattern.compile(SESSION + "?(?:中共)?(" + BODY + ")?(?:(第" + NUM + ")轮)?" + KINDS
            + "?(?:(第" + NUM + "))?(巡视|巡察)(?:(第" + NUM + "))?组");
    /** A round: 十三届省委第五轮巡视. Groups: 1 body, 2 kind. */
    static final Pattern ROUND = Pattern.compile(SESSION + "?(?:中共)?(" + BODY + ")第" + NUM + "轮" + KINDS
            + "?(巡视|巡察)");
    /** A round named as the report parser gives it, without a team: 县委第一轮机动巡察. */
    private static final Pattern ROUND_ONLY = Pattern.compile("^" + SESSION + "?(?:中共)?(" + BODY + ")?(?:第" + NUM
            + "轮)?" + KINDS + "?(巡视|巡察)$");
    private static final Pattern SESSION_PREFIX = Pattern.compile("^" + SESSION + "(?:中共)?");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000\\uFEFF]+");

    private Teams() {
    }

    /** The parts that decide whether two teams are the same: body (null: not named), ordinal (null: none), kind. */
    record Parts(String body, String ordinal, String kind) {
    }

    static String stripSpace(String s) {
        return s == null ? null : WHITESPACE.matcher(s).replaceAll("");
    }

    /** The normal body word: 中共中央 → 中央, 区党委 → 自治区党委. */
    static String body(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "中共中央" -> "中央";
            case "区党委" -> "自治区党委";
            default -> raw;
        };
    }

    /** 第3 → 第三, 第十三 → 第十三; null stays null. */
    static String ordinal(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.startsWith("第") ? raw.substring(1) : raw;
        Integer n = ChineseNumbers.parseSmall(digits);
        return n == null || n <= 0 ? raw : "第" + chinese(n);
    }

    /** 1..99 in Chinese numerals (十三, 二十); larger numbers in Arabic digits. */
    static String chinese(int n) {
        String d = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(d.charAt(n));
        }
        if (n < 100) {
            int tens = n / 10;
            int ones = n % 10;
            return (tens == 1 ? "" : String.valueOf(d.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(d.charAt(ones)));
        }
        return Integer.toString(n);
    }

    /** The normal name of a {@link #TEAM} match: body + ordinal + kind + 组, session and round left out. */
    static String normalise(Matcher m, String defaultBody) {
        String body = m.group(1) != null ? body(m.group(1)) : defaultBody;
        String ord = m.group(3) != null ? m.group(3) : m.group(5);
        return (body == null ? "" : body) + (ord == null ? "" : ordinal(ord)) + m.group(4) + "组";
    }

    /** See {@link InspectionMatch#team(String)}. */
    static String team(String raw) {
        String s = stripSpace(raw);
        if (s == null || s.isEmpty()) {
            return null;
        }
        Matcher m = TEAM.matcher(s);
        if (m.find()) {
            return normalise(m, null);
        }
        return SESSION_PREFIX.matcher(s).replaceFirst("");
    }

    /** The parts of a normalised (or raw) team name; kind null when it names neither 巡视 nor 巡察. */
    static Parts parts(String team) {
        String s = stripSpace(team);
        if (s == null || s.isEmpty()) {
            return null;
        }
        Matcher m = TEAM.matcher(s);
        if (m.find()) {
            String ord = m.group(3) != null ? m.group(3) : m.group(5);
            return new Parts(body(m.group(1)), ordinal(ord), m.group(4));
        }
        Matcher r = ROUND_ONLY.matcher(SESSION_PREFIX.matcher(s).replaceFirst(""));
        if (r.find()) {
            return new Parts(body(r.group(1)), null, r.group(2));
        }
        String kind = s.contains("巡察") ? "巡察" : s.contains("巡视") ? "巡视" : null;
        Matcher b = Pattern.compile("^(?:中共)?(" + BODY + ")").matcher(SESSION_PREFIX.matcher(s).replaceFirst(""));
        return new Parts(b.find() ? body(b.group(1)) : null, null, kind);
    }

    /** The rules of {@link InspectionMatch#answers}: unknown parts agree with anything, known ones must be equal. */
    static boolean compatible(String a, String b) {
        Parts p = parts(a);
        Parts q = parts(b);
        if (p == null || q == null) {
            return true;
        }
        return agree(p.kind(), q.kind()) && agree(p.body(), q.body()) && agree(p.ordinal(), q.ordinal());
    }

    private static boolean agree(String x, String y) {
        return x == null || y == null || x.equals(y);
    }

    /** The level of a team body and kind: 巡察 is always local. */
    static InspectionLevel level(String body, String kind) {
        if ("巡察".equals(kind)) {
            return InspectionLevel.LOCAL;
        }
        if (body == null) {
            return null;
        }
        return switch (body) {
            case "中央", "中共中央" -> InspectionLevel.CENTRAL;
            case "省委", "自治区党委", "区党委" -> InspectionLevel.PROVINCIAL;
            default -> InspectionLevel.LOCAL;
        };
    }
}
