package org.rectifywatch.processor.publication;

/**
 * Who ran an inspection, which decides how long the inspected unit has before its rectification report is
 * overdue: 中央 → {@link #CENTRAL}; 省委 / 自治区党委 → {@link #PROVINCIAL}; 市委 / 州委 / 县委 / 区委 / 旗委, or any
 * 巡察 → {@link #LOCAL}.
 */
public enum InspectionLevel {
    CENTRAL,
    PROVINCIAL,
    LOCAL;

    /** The level of an inspection named by a report's inspector ("省委第三巡视组", "市委巡察组", "中央第七巡视组"). */
    public static InspectionLevel of(String inspector) {
        if (inspector == null || inspector.isBlank()) {
            return PROVINCIAL;
        }
        String s = Teams.stripSpace(inspector);
        if (s.contains("巡察")) {
            return LOCAL;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + Teams.SESSION + "?(?:中共)?(" + Teams.BODY + ")").matcher(s);
        InspectionLevel l = m.find() ? Teams.level(Teams.body(m.group(1)), "巡视") : null;
        return l == null ? PROVINCIAL : l;
    }
}
