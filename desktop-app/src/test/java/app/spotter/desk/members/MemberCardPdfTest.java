package app.spotter.desk.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.checkin.CheckInResult;
import app.spotter.desk.checkin.QrImageDecoder;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.DirectTaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member card as a real PDF: its text read back with poppler's pdftotext, its page rasterized
 * with pdftoppm as a printer or a phone camera would see it, and the QR code read out of that
 * picture checks the member in at the desk, offline.
 */
class MemberCardPdfTest {

    private final DemoDesk local = new DemoDesk();
    private final MembersViewModel model = local.models(new DirectTaskExecutor()).members;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void aSavedCardCarriesTheMembersNameAndNumberAndAQrCodeThatChecksThemIn() throws Exception {
        model.queryProperty().set("Hopper");
        model.search();
        model.selectedProperty().set(model.found().getFirst());
        assertTrue(model.hasCardProperty().get());
        Path pdf = dir.resolve(model.cardFileName());
        assertEquals("member-card-1002.pdf", pdf.getFileName().toString());

        model.saveCard(pdf);

        assertEquals("Card saved: member-card-1002.pdf", model.paneMessageProperty().get());
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.contains("Grace Hopper"), text);
        assertTrue(text.contains("1002"), text);
        assertTrue(text.contains("10-class pack"), text);
        assertTrue(text.contains("Spotter Demo Studio"), text);

        run("pdftoppm", "-r", "300", "-png", "-singlefile", pdf.toString(), dir.resolve("page").toString());
        String code = new QrImageDecoder().decode(dir.resolve("page.png")).orElseThrow(
                () -> new AssertionError("no QR code readable on the rendered card"));
        CheckInResult entry = local.desk.checkIns().byQr(DemoGym.FRONT_DESK, code);
        assertTrue(entry.admitted(), entry.toString());
        assertEquals(local.gym.grace(), entry.memberId());
    }

    @Test
    void aMemberTheServerHasNotConfirmedHasNoCardYet() throws IOException {
        model.startRegister();
        model.firstNameProperty().set("Katherine");
        model.lastNameProperty().set("Johnson");
        model.save();
        model.selectedProperty().set(model.found().getFirst());

        model.saveCard(dir.resolve("card.pdf"));

        assertEquals("The card can be printed once the server has confirmed this member.", model.paneMessageProperty().get());
        assertTrue(Files.notExists(dir.resolve("card.pdf")));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
