package org.rectifywatch.processor.parse;

/** Numbers as printed in the genre: Arabic ("31.77") or Chinese numerals ("二十三", "一百零五", "〇"). */
public final class ChineseNumbers {
    /** Characters that may form a Chinese numeral. */
    public static final String CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万";

    private ChineseNumbers() {
    }

    /** Parses an Arabic or Chinese numeral; returns null when the text is not a number. */
    public static Double parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        char first = s.charAt(0);
        if (first >= '0' && first <= '9') {
            try {
                return Double.parseDouble(s.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Long v = parseChinese(s);
        return v == null ? null : v.doubleValue();
    }

    /** Chinese numerals up to the 万 range; "十二" = 12, "二十" = 20, "一百零五" = 105. */
    public static Long parseChinese(String s) {
        long total = 0;
        long section = 0;
        long digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digitOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10000;
                default -> -1;
            };
            if (unit < 0) {
                return null;
            }
            if (unit == 10000) {
                section += Math.max(digit, 0);
                total += (section == 0 ? 1 : section) * 10000;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        if (digit > 0) {
            section += digit;
        }
        long v = total + section;
        return v == 0 && s.chars().noneMatch(ch -> ch == '零' || ch == '〇') ? null : v;
    }

    /** Value of a single digit character ("三" = 3, "〇" = 0), -1 when not a digit. */
    public static int digitOf(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> (c >= '0' && c <= '9') ? c - '0' : -1;
        };
    }

    /** A year written digit by digit ("二〇二一") or in Arabic digits; null otherwise. */
    public static Integer parseYearDigits(String s) {
        if (s.length() != 4) {
            return null;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            int d = digitOf(s.charAt(i));
            if (d < 0) {
                return null;
            }
            y = y * 10 + d;
        }
        return y;
    }

    /** Month or day written in Arabic digits or Chinese numerals ("十二", "三十一"). */
    public static Integer parseSmall(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (Character.isDigit(s.charAt(0))) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Long v = parseChinese(s);
        return v == null ? null : v.intValue();
    }
}
