package org.rectifywatch.ingest.attach;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.rectifywatch.ingest.extract.ArticleText;

/**
 * The text of a report published as a file: PDF (PDFBox), DOCX (POI) and DOC or WPS (POI's HWPF; WPS Writer files
 * are Word binary files), told apart by their first bytes, not by the link's extension. The text comes out as
 * article text does: one paragraph per line, lines normalised, empty lines dropped; a table row is one line.
 *
 * <p>A PDF with less than {@link #MIN_CHARS_PER_PAGE} characters of text per page is a scan ({@link Status#NEEDS_OCR}),
 * and so is a Word file that holds pictures and next to no text.
 */
public final class AttachmentText {
    /** A PDF with fewer characters of text than this per page (on average) has no usable text layer. */
    public static final int MIN_CHARS_PER_PAGE = 40;
    /** A Word file with pictures and fewer characters than this is a scan pasted into Word. */
    static final int MIN_WORD_CHARS = 40;

    /** What the bytes are. WPS Writer files are Word binary files ({@link #DOC}). */
    public enum Format { PDF, DOCX, DOC, UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status { TEXT, NEEDS_OCR, UNREADABLE }

    /**
     * @param status TEXT (text set), NEEDS_OCR or UNREADABLE (detail says why)
     * @param format what the bytes were taken for
     * @param text   the paragraphs, one per line ("" unless TEXT)
     * @param pages  pages of a PDF (0 for other formats)
     * @param detail for the log
     */
    public record Result(Status status, Format format, String text, int pages, String detail) {
        static Result text(Format f, List<String> paragraphs, int pages) {
            String t = String.join("\n", paragraphs);
            return new Result(Status.TEXT, f, t, pages, f.label() + (pages > 0 ? ", " + pages + " pages" : "") + ", "
                    + t.length() + " characters");
        }

        static Result needsOcr(Format f, int pages, String detail) {
            return new Result(Status.NEEDS_OCR, f, "", pages, detail);
        }

        static Result unreadable(Format f, String detail) {
            return new Result(Status.UNREADABLE, f, "", 0, detail);
        }
    }

    private AttachmentText() {
    }

    /** The format by the file's first bytes. */
    public static Format sniff(byte[] b) {
        if (b == null || b.length < 4) {
            return Format.UNKNOWN;
        }
        if (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return Format.DOCX;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0
                && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1 && (b[6] & 0xFF) == 0x1A && (b[7] & 0xFF) == 0xE1) {
            return Format.DOC;
        }
        // the header may follow some junk within the first 1024 bytes
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-") ? Format.PDF : Format.UNKNOWN;
    }

    public static Result read(byte[] bytes) {
        Format f = sniff(bytes);
        try {
            return switch (f) {
                case PDF -> pdf(bytes);
                case DOCX -> docx(bytes);
                case DOC -> doc(bytes);
                case UNKNOWN -> Result.unreadable(f, "not a PDF, DOCX, DOC or WPS file (" + describe(bytes) + ")");
            };
        } catch (IOException | RuntimeException e) {
            return Result.unreadable(f, "not a readable " + f.label() + " file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static Result pdf(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                return Result.unreadable(Format.PDF, "a PDF without pages");
            }
            List<PdfParagraphs.Line> lines = PdfParagraphs.lines(doc);
            int chars = PdfParagraphs.characters(lines);
            if (chars < MIN_CHARS_PER_PAGE * pages) {
                return Result.needsOcr(Format.PDF, pages, "a PDF of " + pages + (pages == 1 ? " page" : " pages") + " with "
                        + chars + " characters of text (fewer than " + MIN_CHARS_PER_PAGE + " a page): a scan without a "
                        + "text layer");
            }
            return Result.text(Format.PDF, PdfParagraphs.paragraphs(lines), pages);
        } catch (InvalidPasswordException e) {
            return Result.unreadable(Format.PDF, "a password-protected PDF");
        }
    }

    private static Result docx(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> lines = new ArrayList<>();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    addLines(lines, p.getText());
                } else if (e instanceof XWPFTable t) {
                    table(lines, t);
                } else if (e instanceof XWPFSDT sdt) {
                    addLines(lines, sdt.getContent().getText());
                }
            }
            return wordResult(Format.DOCX, lines, doc.getAllPictures().size());
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.ooxml.POIXMLException e) {
            return Result.unreadable(Format.DOCX, "a ZIP file that is not a Word document (an OFD, XLSX or archive?): "
                    + e.getMessage());
        }
    }

    private static void table(List<String> lines, XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                String c = ArticleText.normalizeLine(cell.getText());
                if (!c.isEmpty()) {
                    cells.add(c);
                }
            }
            if (!cells.isEmpty()) {
                lines.add(String.join(" ", cells));
            }
        }
    }

    private static Result doc(byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (!fs.getRoot().hasEntry("WordDocument")) {
                return Result.unreadable(Format.DOC, "an OLE2 file that is not a Word or WPS document (an XLS or ET sheet?)");
            }
            String[] paragraphs;
            int pictures = 0;
            try {
                HWPFDocument d = new HWPFDocument(fs);
                try (WordExtractor x = new WordExtractor(d)) {
                    paragraphs = x.getParagraphText();
                }
                pictures = d.getPicturesTable().getAllPictures().size();
            } catch (OldWordFileFormatException old) {
                try (Word6Extractor x6 = new Word6Extractor(fs)) {
                    paragraphs = x6.getParagraphText();
                }
            }
            for (String p : paragraphs) {
                addLines(lines, WordExtractor.stripFields(p));
            }
            return wordResult(Format.DOC, lines, pictures);
        }
    }

    private static Result wordResult(Format f, List<String> lines, int pictures) {
        int chars = lines.stream().mapToInt(String::length).sum();
        if (pictures > 0 && chars < MIN_WORD_CHARS) {
            return Result.needsOcr(f, 0, "a " + f.label() + " file of " + pictures + (pictures == 1 ? " picture" : " pictures")
                    + " with " + chars + " characters of text: a scan pasted into Word");
        }
        return Result.text(f, lines, 0);
    }

    /** Splits on line breaks (Word's vertical tab, cell and row marks too), normalises, drops empty lines. */
    private static void addLines(List<String> out, String text) {
        if (text == null) {
            return;
        }
        for (String l : text.split("[\\r\\n\\u000B\\u0007\\u000C]+")) {
            String n = ArticleText.normalizeLine(l.replace('\t', ' '));
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
    }

    private static String describe(byte[] b) {
        if (b == null || b.length == 0) {
            return "empty";
        }
        String head = new String(b, 0, Math.min(b.length, 256), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype") || head.contains("<head") || head.contains("<body")) {
            return "an HTML page";
        }
        StringBuilder hex = new StringBuilder("starts with");
        for (int i = 0; i < Math.min(8, b.length); i++) {
            hex.append(String.format(" %02x", b[i] & 0xFF));
        }
        return hex.toString();
    }
}
