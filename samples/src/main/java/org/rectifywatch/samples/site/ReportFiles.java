package org.rectifywatch.samples.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report files of the sample site, written from a report's text (one paragraph per line, the first the title)
 * byte for byte the same every time, with no library and no font installed:
 * <ul>
 *   <li>{@link #pdf}: a PDF laid out like a 公文 (centred title in a larger size, paragraphs indented by two characters
 *       and wrapped at the right margin, also across pages, the signature right-aligned, a page number under each page).
 *       The text uses the standard CJK font STSong-Light with the UniGB-UCS2-H encoding (viewers draw it with their own
 *       Chinese font) and carries a ToUnicode map, so text extraction gives back exactly the characters written;</li>
 *   <li>{@link #docx}: a minimal Word document (title, paragraphs split into several runs as Word does, the signature as
 *       one right-aligned paragraph with a line break);</li>
 *   <li>{@link #scannedPdf}: a PDF whose pages are only pictures (grey blocks where a scan would show lines of text):
 *       nothing to read without OCR.</li>
 * </ul>
 */
public final class ReportFiles {
    static final float PAGE_W = 595;
    static final float PAGE_H = 842;
    static final float LEFT = 79;
    static final float BODY_SIZE = 16;
    /** Text width in ems of the body size: 28 characters of 16 pt. */
    static final int LINE_EMS = 28;
    static final float RIGHT = LEFT + LINE_EMS * BODY_SIZE;
    static final float TOP = 760;
    static final float BOTTOM = 90;
    static final float LEADING = 29;
    static final float TITLE_SIZE = 22;
    static final float PAGE_NUMBER_SIZE = 14;
    private static final Pattern DATE_LINE = Pattern.compile("(\\d{4}|[〇零一二三四五六七八九]{4})年.{1,3}月.{1,3}日");
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2026, 1, 1, 8, 0);

    private ReportFiles() {
    }

    /** The file an article of the sample site links, made from its text. */
    public static byte[] of(SiteArticle a) {
        return switch (a.file().format()) {
            case PDF -> pdf(a.text().lines().toList());
            case DOCX -> docx(a.text().lines().toList());
            case SCANNED_PDF -> scannedPdf(2, a.name().hashCode());
        };
    }

    // ---- PDF with text ------------------------------------------------------------------------------------------

    /** One line of text placed on a page. */
    private record Placed(String text, float x, float y, float size) {
    }

    /** A PDF of the report: the first line is the title, the last one or two the signature if they look like one. */
    public static byte[] pdf(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least a title");
        }
        int signature = signatureLines(lines);
        List<List<Placed>> pages = new ArrayList<>();
        List<Placed> page = new ArrayList<>();
        pages.add(page);
        float y = TOP;
        for (String titleLine : balanced(lines.get(0), (int) ((RIGHT - LEFT) / TITLE_SIZE))) {
            float w = width(titleLine) * TITLE_SIZE;
            page.add(new Placed(titleLine, LEFT + (RIGHT - LEFT - w) / 2, y, TITLE_SIZE));
            y -= LEADING + 6;
        }
        y -= LEADING / 2;
        for (int i = 1; i < lines.size(); i++) {
            boolean sig = i >= lines.size() - signature;
            List<String> wrapped = sig ? List.of(lines.get(i)) : wrap(lines.get(i), LINE_EMS - 2, LINE_EMS);
            for (int k = 0; k < wrapped.size(); k++) {
                if (y < BOTTOM) {
                    page = new ArrayList<>();
                    pages.add(page);
                    y = TOP;
                }
                String t = wrapped.get(k);
                float x = sig ? RIGHT - BODY_SIZE * 2 - width(t) * BODY_SIZE : k == 0 ? LEFT + 2 * BODY_SIZE : LEFT;
                page.add(new Placed(t, x, y, BODY_SIZE));
                y -= LEADING;
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            String number = "- " + (p + 1) + " -";
            pages.get(p).add(new Placed(number, (PAGE_W - width(number) * PAGE_NUMBER_SIZE) / 2, 50, PAGE_NUMBER_SIZE));
        }
        return writePdf(lines.get(0), pages);
    }

    /** The trailing lines set as a signature: a date line, and the signing body above it when it is short. */
    static int signatureLines(List<String> lines) {
        int n = lines.size();
        if (n < 3 || !DATE_LINE.matcher(lines.get(n - 1)).find() || lines.get(n - 1).length() > 16) {
            return 0;
        }
        String above = lines.get(n - 2);
        return above.length() <= 24 && !above.endsWith("。") && !above.endsWith(".") ? 2 : 1;
    }

    /** Width in ems: ASCII is half as wide as a Chinese character. */
    static float width(String s) {
        float w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 128 ? 0.5f : 1f;
        }
        return w;
    }

    /** Greedy wrapping at any character, as Chinese text wraps: the first line narrower by the indent. */
    static List<String> wrap(String text, int firstEms, int ems) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float w = 0;
        float limit = firstEms;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            float cw = c < 128 ? 0.5f : 1f;
            if (w + cw > limit && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
                w = 0;
                limit = ems;
            }
            line.append(c);
            w += cw;
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** A title over as few centred lines as fit, of about equal length (as titles are set). */
    static List<String> balanced(String title, int ems) {
        int count = (int) Math.ceil(width(title) / ems);
        if (count <= 1) {
            return List.of(title);
        }
        return wrap(title, (int) Math.ceil(width(title) / count), (int) Math.ceil(width(title) / count));
    }

    private static byte[] writePdf(String title, List<List<Placed>> pages) {
        TreeSet<Character> chars = new TreeSet<>();
        for (List<Placed> p : pages) {
            for (Placed l : p) {
                for (int i = 0; i < l.text().length(); i++) {
                    char c = l.text().charAt(i);
                    if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("the sample PDF writer takes characters of the BMP only: " + l.text());
                    }
                    chars.add(c);
                }
            }
        }
        Pdf pdf = new Pdf();
        int catalog = pdf.reserve();
        int pagesObj = pdf.reserve();
        int font = pdf.reserve();
        int cidFont = pdf.reserve();
        int descriptor = pdf.reserve();
        int toUnicode = pdf.reserve();
        int info = pdf.reserve();
        pdf.set(catalog, "<< /Type /Catalog /Pages " + pagesObj + " 0 R >>");
        pdf.set(font, "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts ["
                + cidFont + " 0 R] /ToUnicode " + toUnicode + " 0 R >>");
        // CIDs 1-95 of Adobe-GB1 are the ASCII characters (UniGB-UCS2-H maps U+0020-U+007E to them): half width
        pdf.set(cidFont, "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe)"
                + " /Ordering (GB1) /Supplement 2 >> /FontDescriptor " + descriptor + " 0 R /DW 1000 /W [1 95 500] >>");
        pdf.set(descriptor, "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
                + " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
        pdf.stream(toUnicode, "", toUnicodeCMap(chars).getBytes(StandardCharsets.US_ASCII));
        pdf.set(info, "<< /Title " + utf16(title) + " /Producer (rectify-watch sample site) >>");
        StringBuilder kids = new StringBuilder();
        for (List<Placed> p : pages) {
            int pageObj = pdf.reserve();
            int content = pdf.reserve();
            kids.append(pageObj).append(" 0 R ");
            StringBuilder cs = new StringBuilder();
            for (Placed l : p) {
                cs.append("BT /F1 ").append(num(l.size())).append(" Tf 1 0 0 1 ").append(num(l.x())).append(' ')
                        .append(num(l.y())).append(" Tm <").append(hex(l.text())).append("> Tj ET\n");
            }
            pdf.stream(content, "", cs.toString().getBytes(StandardCharsets.US_ASCII));
            pdf.set(pageObj, "<< /Type /Page /Parent " + pagesObj + " 0 R /MediaBox [0 0 " + num(PAGE_W) + " " + num(PAGE_H)
                    + "] /Resources << /Font << /F1 " + font + " 0 R >> >> /Contents " + content + " 0 R >>");
        }
        pdf.set(pagesObj, "<< /Type /Pages /Kids [" + kids.toString().strip() + "] /Count " + pages.size() + " >>");
        return pdf.write(catalog, info);
    }

    private static String toUnicodeCMap(TreeSet<Character> chars) {
        StringBuilder b = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Character> all = new ArrayList<>(chars);
        for (int from = 0; from < all.size(); from += 100) {
            List<Character> block = all.subList(from, Math.min(all.size(), from + 100));
            b.append(block.size()).append(" beginbfchar\n");
            for (char c : block) {
                String h = String.format("%04X", (int) c);
                b.append('<').append(h).append("> <").append(h).append(">\n");
            }
            b.append("endbfchar\n");
        }
        return b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
    }

    // ---- scanned PDF --------------------------------------------------------------------------------------------

    /** A PDF of {@code pages} pages that are pictures only: grey blocks where a scan shows lines of text. */
    public static byte[] scannedPdf(int pages, long seed) {
        int w = 620;
        int h = 877;
        Random random = new Random(seed);
        Pdf pdf = new Pdf();
        int catalog = pdf.reserve();
        int pagesObj = pdf.reserve();
        int info = pdf.reserve();
        pdf.set(catalog, "<< /Type /Catalog /Pages " + pagesObj + " 0 R >>");
        pdf.set(info, "<< /Producer (rectify-watch sample site scanner) >>");
        StringBuilder kids = new StringBuilder();
        for (int p = 0; p < pages; p++) {
            byte[] pixels = new byte[w * h];
            java.util.Arrays.fill(pixels, (byte) 0xF4);
            int top = p == 0 ? 120 : 80;
            if (p == 0) {
                block(pixels, w, 150, 70, 470, 96, 0x30); // the title
            }
            for (int y = top; y < h - 110; y += 30) {
                int x0 = random.nextInt(4) == 0 ? 110 : 80;
                int x1 = random.nextInt(6) == 0 ? 180 + random.nextInt(300) : 540;
                for (int x = x0; x < x1; x += 17) {
                    block(pixels, w, x, y, Math.min(x1, x + 13 + random.nextInt(3)), y + 15, 0x28 + random.nextInt(40));
                }
            }
            int image = pdf.reserve();
            int content = pdf.reserve();
            int pageObj = pdf.reserve();
            pdf.stream(image, "/Type /XObject /Subtype /Image /Width " + w + " /Height " + h
                    + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", deflate(pixels));
            pdf.stream(content, "", ("q " + num(PAGE_W) + " 0 0 " + num(PAGE_H) + " 0 0 cm /Im1 Do Q\n")
                    .getBytes(StandardCharsets.US_ASCII));
            pdf.set(pageObj, "<< /Type /Page /Parent " + pagesObj + " 0 R /MediaBox [0 0 " + num(PAGE_W) + " " + num(PAGE_H)
                    + "] /Resources << /XObject << /Im1 " + image + " 0 R >> >> /Contents " + content + " 0 R >>");
            kids.append(pageObj).append(" 0 R ");
        }
        pdf.set(pagesObj, "<< /Type /Pages /Kids [" + kids.toString().strip() + "] /Count " + pages + " >>");
        return pdf.write(catalog, info);
    }

    private static void block(byte[] pixels, int w, int x0, int y0, int x1, int y1, int grey) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                pixels[y * w + x] = (byte) grey;
            }
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    // ---- PDF objects --------------------------------------------------------------------------------------------

    /** Numbered objects written with a cross-reference table. */
    private static final class Pdf {
        private final List<byte[]> objects = new ArrayList<>();

        int reserve() {
            objects.add(null);
            return objects.size();
        }

        void set(int n, String dict) {
            objects.set(n - 1, (n + " 0 obj\n" + dict + "\nendobj\n").getBytes(StandardCharsets.US_ASCII));
        }

        void stream(int n, String dictEntries, byte[] data) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes((n + " 0 obj\n<< " + dictEntries + (dictEntries.isEmpty() ? "" : " ") + "/Length " + data.length
                    + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(data);
            b.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
            objects.set(n - 1, b.toByteArray());
        }

        byte[] write(int root, int info) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
            long[] offsets = new long[objects.size()];
            for (int i = 0; i < objects.size(); i++) {
                if (objects.get(i) == null) {
                    throw new IllegalStateException("PDF object " + (i + 1) + " was reserved and never written");
                }
                offsets[i] = out.size();
                out.writeBytes(objects.get(i));
            }
            long xref = out.size();
            StringBuilder x = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
            for (long o : offsets) {
                x.append(String.format("%010d 00000 n \n", o));
            }
            x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root ").append(root).append(" 0 R /Info ")
                    .append(info).append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            out.writeBytes(x.toString().getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }

    private static String hex(String s) {
        StringBuilder b = new StringBuilder(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            b.append(String.format("%04X", (int) s.charAt(i)));
        }
        return b.toString();
    }

    private static String utf16(String s) {
        return "<FEFF" + hex(s) + ">";
    }

    private static String num(float f) {
        return f == Math.rint(f) ? Integer.toString((int) f) : String.format(java.util.Locale.ROOT, "%.2f", f);
    }

    // ---- DOCX ---------------------------------------------------------------------------------------------------

    /** A Word document of the report: the first line is the title, the last one or two the signature. */
    public static byte[] docx(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least a title");
        }
        int signature = signatureLines(lines);
        StringBuilder body = new StringBuilder();
        body.append("<w:p><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/></w:pPr>")
                .append(run(lines.get(0), "<w:rFonts w:eastAsia=\"方正小标宋简体\"/><w:sz w:val=\"44\"/>")).append("</w:p>\n");
        body.append("<w:p/>\n");
        int last = lines.size() - signature;
        for (int i = 1; i < last; i++) {
            String line = lines.get(i);
            body.append("<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>");
            int colon = firstOf(line, ':', '：');
            if (line.matches("^[一二三四五六七八九十]+、.*")) {
                body.append(run(line, "<w:rFonts w:eastAsia=\"黑体\"/>"));
            } else if (colon > 0 && colon < 8) {
                body.append(run(line.substring(0, colon + 1), "<w:b/>"));
                splitRuns(body, line.substring(colon + 1));
            } else {
                splitRuns(body, line);
            }
            body.append("</w:p>\n");
        }
        if (signature > 0) {
            body.append("<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>");
            for (int i = last; i < lines.size(); i++) {
                body.append(i > last ? "<w:r><w:br/></w:r>" : "").append(run(lines.get(i), ""));
            }
            body.append("</w:p>\n");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n"
                + body
                + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\""
                + " w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\n</w:body></w:document>\n";
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package"
                + ".core-properties+xml\"/></Types>\n";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                + "core-properties\" Target=\"docProps/core.xml\"/></Relationships>\n";
        String core = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" + xml(lines.get(0)) + "</dc:title>"
                + "<dc:creator>示例市纪委监委</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T08:00:00Z"
                + "</dcterms:created></cp:coreProperties>\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", contentTypes);
            put(zip, "_rels/.rels", rels);
            put(zip, "docProps/core.xml", core);
            put(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A paragraph's text in two runs when it is long, as Word splits text typed at different times. */
    private static void splitRuns(StringBuilder body, String text) {
        if (text.length() > 30) {
            int cut = text.length() / 3;
            body.append(run(text.substring(0, cut), "")).append(run(text.substring(cut), ""));
        } else {
            body.append(run(text, ""));
        }
    }

    private static String run(String text, String props) {
        return "<w:r>" + (props.isEmpty() ? "" : "<w:rPr>" + props + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + xml(text)
                + "</w:t></w:r>";
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
