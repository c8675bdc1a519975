package app.spotter.desk.members;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

/**
 * Member cards: the QR image of a card's signed code (ZXing) and the printable card as PDF
 * (JasperReports). Plain Java, no JavaFX: the view model runs it through the task executor, off the
 * FX thread, because compiling the report and writing the PDF take a moment.
 */
public final class MemberCards {

    /** What a card shows. {@code code} is the signed payload the QR holds; the desk cannot make one. */
    public record Card(String gymName, String memberName, String memberNumber, String planName, String code) {
        public Card {
            Objects.requireNonNull(memberName, "memberName");
            Objects.requireNonNull(code, "code");
        }
    }

    /** Pixels of the QR image put on the card; plenty for print at the card's 92 pt. */
    static final int QR_PIXELS = 600;

    private final String numberLabel;
    private final String planLabel;
    private volatile JasperReport report;

    /** The two captions come from the desk's language. */
    public MemberCards(String numberLabel, String planLabel) {
        this.numberLabel = numberLabel;
        this.planLabel = planLabel;
    }

    /** The QR code of a payload, black on white with a quiet zone, UTF-8, error correction M. */
    public static BufferedImage qrImage(String payload, int pixels) {
        Map<EncodeHintType, Object> hints = new HashMap<>();
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, pixels, pixels, hints);
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode this card code as a QR code", e);
        }
    }

    /** Writes the card as a one-page PDF. */
    public void savePdf(Card card, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePdf(card, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public void writePdf(Card card, OutputStream out) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("gymName", card.gymName());
        parameters.put("memberName", card.memberName());
        parameters.put("memberNumber", card.memberNumber());
        parameters.put("planName", card.planName());
        parameters.put("numberLabel", numberLabel);
        parameters.put("planLabel", planLabel);
        parameters.put("qrImage", qrImage(card.code(), QR_PIXELS));
        try {
            JasperPrint print = JasperFillManager.fillReport(report(), parameters, new JREmptyDataSource(1));
            JasperExportManager.exportReportToPdfStream(print, out);
        } catch (JRException e) {
            throw new IllegalStateException("The member card could not be rendered: " + e.getMessage(), e);
        }
    }

    // Compiled once, on first use (a few hundred milliseconds), then reused for every card.
    private JasperReport report() throws JRException {
        JasperReport r = report;
        if (r == null) {
            synchronized (this) {
                r = report;
                if (r == null) {
                    try (InputStream jrxml = MemberCards.class.getResourceAsStream("member-card.jrxml")) {
                        r = JasperCompileManager.compileReport(Objects.requireNonNull(jrxml, "member-card.jrxml"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    report = r;
                }
            }
        }
        return r;
    }
}
