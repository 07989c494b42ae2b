package org.rectifywatch.model.report;

/** The contact line of a report: phone, e-mail and postal mail box as printed. */
public record Contact(String phone, String email, String mail) {
    public static final Contact NONE = new Contact(null, null, null);
}
