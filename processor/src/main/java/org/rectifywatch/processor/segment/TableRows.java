package org.rectifywatch.processor.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rectification tables (整改情况一览表, common in 巡察 公示) as the crawler flattens them: one row per line, cells
 * separated by spaces (Chinese prose has none inside a cell). A header row names the columns (序号, 反馈问题,
 * 整改措施, 整改时限, 完成情况 …); each following row that starts with its number is one issue. A merged
 * (rowspan) category cell is missing from the rows it spans.
 */
final class TableRows {
    enum Role { SEQ, CATEGORY, PROBLEM, MEASURES, DEADLINE, STATUS, OTHER }

    /** The columns of a header row. */
    record Layout(List<Role> roles, List<String> names) {
        int indexOf(Role r) {
            return roles.indexOf(r);
        }
    }

    /** One table row read as an issue: problem cell and the rectification text built from the other cells. */
    record Row(String seq, String problem, String rectification) {
    }

    private static final Pattern SPLIT = Pattern.compile("[ \\u3000\\t]+");
    private static final Pattern SEQ = Pattern.compile("\\d{1,3}");

    private TableRows() {
    }

    /** The layout when the line is a table header with a number, a problem and a rectification column. */
    static Layout header(String line) {
        if (line.length() > 200 || line.indexOf(' ') < 0 && line.indexOf('\u3000') < 0 && line.indexOf('\t') < 0) {
            return null;
        }
        String[] cells = SPLIT.split(line.trim());
        if (cells.length < 3 || cells.length > 10) {
            return null;
        }
        List<Role> roles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String c : cells) {
            if (c.length() > 10) {
                return null;
            }
            roles.add(role(c));
            names.add(c);
        }
        boolean ok = roles.get(0) == Role.SEQ && roles.contains(Role.PROBLEM)
                && (roles.contains(Role.MEASURES) || roles.contains(Role.STATUS));
        return ok ? new Layout(List.copyOf(roles), List.copyOf(names)) : null;
    }

    private static Role role(String c) {
        if (c.equals("序号") || c.equals("编号")) {
            return Role.SEQ;
        }
        if (c.contains("时限") || c.contains("期限") || c.contains("完成时间") || c.contains("整改时间")) {
            return Role.DEADLINE;
        }
        if (c.contains("完成情况") || c.contains("状态") || c.contains("是否") || c.contains("进展") || c.contains("整改结果")
                || c.equals("整改情况")) {
            return Role.STATUS;
        }
        if (c.contains("措施") || c.contains("落实情况")) {
            return Role.MEASURES;
        }
        if (c.contains("问题") && (c.contains("类别") || c.contains("类型") || c.contains("方面"))) {
            return Role.CATEGORY;
        }
        if (c.contains("问题")) {
            return Role.PROBLEM;
        }
        if (c.contains("类别") || c.contains("方面") || c.contains("领域")) {
            return Role.CATEGORY;
        }
        return Role.OTHER;
    }

    /** The row of this line under {@code layout}, or null when the line is not one of its rows. */
    static Row row(String line, Layout layout) {
        String[] cells = SPLIT.split(line.trim());
        if (cells.length < 2 || !SEQ.matcher(cells[0]).matches()) {
            return null;
        }
        List<Role> roles = new ArrayList<>(layout.roles());
        List<String> names = new ArrayList<>(layout.names());
        if (cells.length < roles.size() && roles.contains(Role.CATEGORY)) {
            int c = roles.indexOf(Role.CATEGORY); // merged category cell: only on the first row of its group
            roles.remove(c);
            names.remove(c);
        }
        List<String> values = new ArrayList<>(List.of(cells));
        if (values.size() > roles.size()) {
            // a cell with spaces inside: the surplus belongs to the wordiest column, the measures
            int m = roles.contains(Role.MEASURES) ? roles.indexOf(Role.MEASURES) : roles.indexOf(Role.PROBLEM);
            int surplus = values.size() - roles.size();
            StringBuilder joined = new StringBuilder(values.get(m));
            for (int i = 0; i < surplus; i++) {
                joined.append(values.remove(m + 1));
            }
            values.set(m, joined.toString());
        }
        if (values.size() != roles.size()) {
            return null;
        }
        String problem = null;
        StringBuilder rect = new StringBuilder();
        for (int i = 0; i < roles.size(); i++) {
            String v = values.get(i);
            switch (roles.get(i)) {
                case PROBLEM -> problem = v;
                case MEASURES -> append(rect, v);
                case DEADLINE, STATUS -> append(rect, names.get(i) + "：" + v);
                default -> {
                }
            }
        }
        return problem == null ? null : new Row(cells[0], problem, rect.toString());
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append('\n');
        }
        b.append(s);
    }
}
