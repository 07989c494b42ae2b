package org.rectifywatch.processor.publication;

/**
 * Who ran an inspection, which decides how long the inspected unit has before its rectification report is
 * overdue: 中央 → {@link #CENTRAL}; 省委 / 自治区党委 → {@link #PROVINCIAL}; 市委 / 州委 / 县委 / 区委 / 旗委, or any
 * 巡察 → {@link #LOCAL}.
 */
public enum InspectionLevel {
    CENTRAL,
    PROVINCIAL,
    LOCAL
}
