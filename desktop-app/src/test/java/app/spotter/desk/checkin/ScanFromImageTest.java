package app.spotter.desk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.members.MemberCards;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.DirectTaskExecutor;
import app.spotter.model.checkin.CheckInReason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Scan from image" at the check-in screen: a picture of a card goes the same way as a scanned code. */
class ScanFromImageTest {

    private final DemoDesk local = new DemoDesk();
    private final CheckInViewModel model = local.models(new DirectTaskExecutor()).checkIn;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void aPngOfAMembersCardChecksThemIn() throws Exception {
        // the card's QR code, small and off-centre on a grey background, as in a photo of the card
        BufferedImage photo = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, 900, 600);
        g.drawImage(MemberCards.qrImage(local.card(local.gym.margaret()), 300), 480, 200, null);
        g.dispose();
        Path file = dir.resolve("card.png");
        ImageIO.write(photo, "png", file.toFile());

        model.scanImage(file);

        DoorAnswer answer = model.answerProperty().get();
        assertTrue(answer.admitted(), answer.toString());
        assertEquals("Margaret Hamilton", answer.name());
        assertEquals(1, local.desk.pendingOperations(), "recorded like any scan");
    }

    @Test
    void aPictureWithoutACodeIsRefusedAsNotAMemberCard() throws Exception {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve("blank.jpg");
        ImageIO.write(blank, "jpg", file.toFile());

        model.scanImage(file);

        assertFalse(model.answerProperty().get().admitted());
        assertEquals(CheckInReason.QR_INVALID, model.answerProperty().get().reason());
        assertEquals(0, local.desk.pendingOperations());
    }
}
