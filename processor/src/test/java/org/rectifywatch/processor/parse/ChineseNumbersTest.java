package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseNumbersTest {
    @Test
    void parsesArabicAndChineseNumerals() {
        assertThat(ChineseNumbers.parse("31.77")).isEqualTo(31.77);
        assertThat(ChineseNumbers.parse("十二")).isEqualTo(12.0);
        assertThat(ChineseNumbers.parse("二十三")).isEqualTo(23.0);
        assertThat(ChineseNumbers.parse("一百零五")).isEqualTo(105.0);
        assertThat(ChineseNumbers.parse("三万")).isEqualTo(30000.0);
        assertThat(ChineseNumbers.parse("两千三百")).isEqualTo(2300.0);
        assertThat(ChineseNumbers.parse("abc")).isNull();
        assertThat(ChineseNumbers.parseYearDigits("二〇二一")).isEqualTo(2021);
    }
}
