package org.rectifywatch.processor.deadline;

import java.util.List;
import org.rectifywatch.model.report.ReportMeta;

/**
 * Which inspected unit a report or feedback notice is about, as the key under which its issues and inspections
 * meet those of the unit's other reports (a follow-up report closes an earlier report's alerts only within one
 * unit). Reports name the same unit in several forms — 中共卫滨区委, 卫滨区委, 卫滨区人民政府, 卫滨区;
 * 中共青禾镇委员会, 青禾镇党委; 南岭能源集团有限公司党委, 南岭能源集团党委 — so the name is reduced to its core.
 * The key holds nothing incidental: not the province guessed from a contact phone, which an edit or a follow-up
 * without contact line would change. A name relative to its publisher (市卫生健康委员会党组, 县水利局党组: which
 * city, which county?) is qualified by the publishing site. Units of one name in different provinces (鼓楼区)
 * share a key; matching inside a unit checks that their province hints do not contradict each other.
 */
public final class UnitKey {
    private static final List<String> PARTY_PREFIXES = List.of("中国共产党", "中共");
    /** Organ suffixes that name the unit's party body or government rather than another unit. */
    private static final List<String> ORGAN_SUFFIXES = List.of("党工委", "党委", "党组", "人民政府", "政府");
    private static final List<String> COMPANY_SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司");
    private static final String LEVELS = "省市县区旗镇乡";
    private static final String RELATIVE_LEVELS = "省市县区";

    private UnitKey() {
    }

    /** The key for a report's issues; the report id when the parser found no unit. */
    public static String of(ReportMeta meta, String site, String reportId) {
        String key = ofName(meta == null ? null : meta.target(), site);
        return key == null ? reportId : key;
    }

    /** The key of a unit named {@code name} on {@code site}'s pages; null when the name has no core. */
    public static String ofName(String name, String site) {
        String core = name == null ? "" : core(name);
        if (core.isEmpty()) {
            return null;
        }
        String publisher = isRelative(core) && site != null ? site.strip() : "";
        return publisher + "/" + core;
    }

    /** The unit's name without party prefix, organ suffix, company form, spacing or brackets. */
    static String core(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isWhitespace(c) && "()（）·•\"“”《》".indexOf(c) < 0).forEach(b::appendCodePoint);
        String s = b.toString();
        boolean partyCommittee = false;
        for (String p : PARTY_PREFIXES) {
            if (s.startsWith(p) && s.length() > p.length()) {
                s = s.substring(p.length());
                // 中共南岭能源集团有限公司委员会: the party committee of the body named in between
                partyCommittee = s.endsWith("委员会") && s.length() - 3 >= 2;
                break;
            }
        }
        if (partyCommittee) {
            s = s.substring(0, s.length() - 3);
        }
        s = s.replace("委员会", "委");
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : ORGAN_SUFFIXES) {
                if (s.endsWith(suffix) && s.length() - suffix.length() >= 2) {
                    s = s.substring(0, s.length() - suffix.length());
                    changed = true;
                }
            }
            // 卫滨区委, 青禾镇委 (from 委员会): the committee of the place is the place's unit
            if (s.length() > 2 && s.endsWith("委") && LEVELS.indexOf(s.charAt(s.length() - 2)) >= 0) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            }
            for (String suffix : COMPANY_SUFFIXES) {
                if (s.endsWith(suffix) && s.length() - suffix.length() >= 2) {
                    s = s.substring(0, s.length() - suffix.length());
                    changed = true;
                }
            }
        }
        return s;
    }

    /** 市卫生健康委, 县水利局, 区教育局: a body of "the" city or county its publisher belongs to. */
    static boolean isRelative(String core) {
        return core.length() > 1 && RELATIVE_LEVELS.indexOf(core.charAt(0)) >= 0;
    }
}
