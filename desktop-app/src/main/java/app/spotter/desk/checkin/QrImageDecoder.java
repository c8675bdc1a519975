package app.spotter.desk.checkin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads the QR code out of a picture: a photo or screenshot of a member card picked at the desk, and
 * equally a camera frame (a webcam would hand each frame to {@link #decode(BufferedImage)}; there is
 * no camera capture in the desk yet). Plain Java (ZXing), run off the FX thread.
 */
public final class QrImageDecoder {

    /** The text of the QR code in the image, or empty when there is none that can be read. */
    public Optional<String> decode(BufferedImage image) {
        if (image == null) {
            return Optional.empty();
        }
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            Result result = new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
            return Optional.ofNullable(result.getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            // found but unreadable (checksum, format): the same answer for the person at the desk
            return Optional.empty();
        }
    }

    /** Reads a PNG or JPEG file; empty when it is not an image or holds no readable QR code. */
    public Optional<String> decode(Path file) throws IOException {
        return decode(ImageIO.read(file.toFile()));
    }
}
