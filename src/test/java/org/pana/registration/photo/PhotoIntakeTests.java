package org.pana.registration.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pana.registration.photo.PhotoIntake.Upload;
import org.pana.registration.photo.PhotoRefused.Reason;

class PhotoIntakeTests {

    private final PhotoIntake intake = PhotoIntake.standard();

    @Test
    void storesALargeJpegScaledToAtMost1024PixelsAsAFreshJpeg() throws Exception {
        PhotoIntake.Prepared photo = intake.take(new Upload(TestImages.jpeg(3000, 2000), "image/jpeg", "photo.jpg"));

        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(stored.getWidth()).isEqualTo(1024);
        assertThat(stored.getHeight()).isEqualTo(683);
        assertThat(photo.width()).isEqualTo(1024);
        assertThat(photo.height()).isEqualTo(683);
    }

    @Test
    void keepsASmallPhotoAtItsSizeAndTurnsAPngIntoAJpeg() throws Exception {
        PhotoIntake.Prepared photo = intake.take(new Upload(TestImages.png(300, 400), "image/png", "face.PNG"));

        assertThat(PhotoIntake.sniff(photo.jpeg())).isEqualTo(PhotoIntake.Format.JPEG);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(stored.getWidth()).isEqualTo(300);
        assertThat(stored.getHeight()).isEqualTo(400);
    }

    @Test
    void stripsExifGpsData() {
        byte[] upload = TestImages.jpegWithGps(800, 600);
        assertThat(TestImages.jpegMarkers(upload)).contains(0xE1);
        assertThat(TestImages.contains(upload, TestImages.GPS_CANARY)).isTrue();

        byte[] stored = intake.take(new Upload(upload, "image/jpeg", "phone.jpeg")).jpeg();

        assertThat(TestImages.jpegMarkers(stored)).doesNotContain(0xE1).contains(0xE0);
        assertThat(TestImages.contains(stored, "Exif")).isFalse();
        assertThat(TestImages.contains(stored, TestImages.GPS_CANARY)).isFalse();
    }

    @Test
    void refusesA50000By50000PngFromItsHeaderWithoutDecodingIt() {
        byte[] bomb = TestImages.pngHeaderClaiming(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        long before = usedMemory();

        assertThatThrownBy(() -> intake.take(new Upload(bomb, "image/png", "big.png")))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                });
        // Decoding would have needed 7.5 GB; reading the header needs next to nothing.
        assertThat(usedMemory() - before).isLessThan(200L * 1024 * 1024);
    }

    @Test
    void refusesAnImageWithTooManyPixelsInAllThoughEachSideIsAllowed() {
        PhotoIntake small = new PhotoIntake(5_000_000, 12_000, 1_000_000, 1024);

        assertThatThrownBy(() -> small.take(new Upload(TestImages.pngHeaderClaiming(1001, 1000), null, null)))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
    }

    @Test
    void refusesAZipBombAsNotAnImage() {
        byte[] bomb = TestImages.zipBomb(20);

        assertThatThrownBy(() -> intake.take(new Upload(bomb, "image/jpeg", "photo.jpg")))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE);
                    assertThat(e.getStatusCode().value()).isEqualTo(415);
                });
    }

    @Test
    void refusesTextNamedLikeAJpeg() {
        byte[] text = "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> intake.take(new Upload(text, "image/jpeg", "photo.jpg")))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
    }

    @Test
    void refusesAFileNameWithAPathInIt() {
        assertThatThrownBy(() -> intake.take(new Upload(TestImages.jpeg(10, 10), "image/jpeg", "../../etc/passwd")))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_FILE_NAME);
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                });
        assertThatThrownBy(() -> intake.take(new Upload(TestImages.jpeg(10, 10), null, "..\\photo.jpg")))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FILE_NAME));
    }

    @Test
    void refusesAnExtensionThatDisagreesWithTheBytes() {
        assertThatThrownBy(() -> intake.take(new Upload(TestImages.png(10, 10), null, "photo.jpg")))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_MISMATCH));
        assertThatThrownBy(() -> intake.take(new Upload(TestImages.jpeg(10, 10), null, "photo.gif")))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_MISMATCH));
    }

    @Test
    void refusesAContentTypeThatDisagreesWithTheBytes() {
        assertThatThrownBy(() -> intake.take(new Upload(TestImages.jpeg(10, 10), "image/png", null)))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_MISMATCH));
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        PhotoIntake tiny = new PhotoIntake(1000, 12_000, 50_000_000, 1024);

        assertThatThrownBy(() -> tiny.take(new Upload(TestImages.jpeg(200, 200), "image/jpeg", null)))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.getStatusCode().value()).isEqualTo(413);
                });
    }

    @Test
    void refusesADamagedJpegWithoutAServerError() {
        byte[] damaged = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3, 4, 5, 6, 7};

        assertThatThrownBy(() -> intake.take(new Upload(damaged, "image/jpeg", null)))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));
    }

    @Test
    void refusesAnEmptyUpload() {
        assertThatThrownBy(() -> intake.take(new Upload(new byte[0], "image/jpeg", null)))
                .isInstanceOfSatisfying(PhotoRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
    }

    private static long usedMemory() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
