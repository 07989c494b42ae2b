package org.rectifywatch.processor.segment;

/**
 * Numbering styles of the genre, in their usual nesting order (rank). A heading closes every open heading
 * of the same or a deeper rank, so numbering may restart inside groups or run straight through.
 */
public enum HeadingStyle {
    /** 第一部分 — a part above the 一、 sections */
    PART(0),
    /** 一、 一. 一． */
    CHINESE(1),
    /** 第一方面问题: / 第一方面 */
    ASPECT(2),
    /** (一) （一） */
    CHINESE_PAREN(3),
    /** 第一， 第二、 (ordinal words, usually one item each under a (一) group) */
    ORDINAL(4),
    /** 1. 1、 1． */
    ARABIC(5),
    /** (1) （1） 1) */
    ARABIC_PAREN(6),
    /** ① ② */
    CIRCLED(7),
    /** 一是 二是 at the start of a line */
    ENUMERATION(8),
    /** An unnumbered problem sentence recognised by the rectification marker line after it. */
    BARE(9);

    public final int rank;

    HeadingStyle(int rank) {
        this.rank = rank;
    }
}
