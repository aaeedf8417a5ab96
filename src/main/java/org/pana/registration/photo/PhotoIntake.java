package org.pana.registration.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.pana.registration.photo.PhotoRefused.Reason;

/**
 * Turns an uploaded file into a photo we are willing to store (security.md #25), trusting nothing the
 * client says about it:
 * <ol>
 *   <li>at most {@code maxBytes} bytes;</li>
 *   <li>the bytes must start like a JPEG or a PNG (magic numbers); a declared content type or file
 *       extension must agree with them, and a file name with a path in it is refused;</li>
 *   <li>width and height are read from the header by an {@link ImageReader} before any pixel is
 *       decoded, so a 50,000 × 50,000 PNG is refused without allocating it;</li>
 *   <li>the image is decoded (subsampled while reading when it is much larger than needed), scaled to
 *       at most {@code maxSide} pixels and written as a fresh baseline JPEG: nothing of the original
 *       file survives, EXIF (GPS position, camera serial) and other metadata included.</li>
 * </ol>
 * Pure Java, no Spring: the same object is used by the API and the page.
 */
public final class PhotoIntake {

    /** What the client sent: the bytes, and what it claims about them (either may be null). */
    public record Upload(byte[] bytes, String declaredType, String fileName) {}

    /** A re-encoded JPEG ready to store. */
    public record Prepared(byte[] jpeg, int width, int height) {}

    enum Format {
        JPEG("image/jpeg", "jpg", "jpeg"),
        PNG("image/png", "png");

        final String mediaType;
        final java.util.List<String> extensions;

        Format(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = java.util.List.of(extensions);
        }
    }

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final long maxBytes;
    private final int maxSourceSide;
    private final long maxSourcePixels;
    private final int maxSide;
    private final float quality;

    /**
     * @param maxBytes        the largest upload accepted
     * @param maxSourceSide   the longest side accepted in the uploaded image
     * @param maxSourcePixels width × height accepted in the uploaded image
     * @param maxSide         the longest side of the stored photo
     */
    public PhotoIntake(long maxBytes, int maxSourceSide, long maxSourcePixels, int maxSide) {
        this.maxBytes = maxBytes;
        this.maxSourceSide = maxSourceSide;
        this.maxSourcePixels = maxSourcePixels;
        this.maxSide = maxSide;
        this.quality = 0.85f;
    }

    /** 5 MB, 12,000 px a side, 50 megapixels, stored at 1,024 px. */
    public static PhotoIntake standard() {
        return new PhotoIntake(5L * 1024 * 1024, 12_000, 50_000_000L, 1024);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Prepared take(Upload upload) {
        byte[] bytes = upload.bytes();
        if (bytes == null || bytes.length == 0) throw new PhotoRefused(Reason.EMPTY, "The photo is empty.");
        if (bytes.length > maxBytes) {
            throw new PhotoRefused(Reason.TOO_LARGE, "The photo is larger than " + maxBytes + " bytes.");
        }
        Format format = sniff(bytes);
        checkFileName(upload.fileName(), format);
        checkDeclaredType(upload.declaredType(), format);
        BufferedImage image = decode(bytes, format);
        return encode(scaled(image));
    }

    static Format sniff(byte[] bytes) {
        if (startsWith(bytes, JPEG_MAGIC)) return Format.JPEG;
        if (startsWith(bytes, PNG_MAGIC)) return Format.PNG;
        throw new PhotoRefused(Reason.NOT_AN_IMAGE, "The file is not a JPEG or PNG image.");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void checkFileName(String fileName, Format format) {
        if (fileName == null || fileName.isBlank()) return;
        if (fileName.contains("/") || fileName.contains("\\") || fileName.contains("..") || fileName.length() > 255
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw new PhotoRefused(Reason.BAD_FILE_NAME, "The file name must be a plain name such as photo.jpg, without a path.");
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!format.extensions.contains(extension)) {
            throw new PhotoRefused(Reason.TYPE_MISMATCH, "The file name says ." + extension + " but the file is a "
                    + format.name() + " image; send it as ." + format.extensions.get(0) + ".");
        }
    }

    private static void checkDeclaredType(String declaredType, Format format) {
        if (declaredType == null || declaredType.isBlank()) return;
        String type = declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/octet-stream") || type.equals(format.mediaType)
                || (format == Format.JPEG && type.equals("image/jpg"))) {
            return;
        }
        throw new PhotoRefused(Reason.TYPE_MISMATCH, "The file was sent as " + sanitized(type) + " but it is a "
                + format.name() + " image (" + format.mediaType + ").");
    }

    private static String sanitized(String text) {
        String clean = text.replaceAll("[^a-z0-9/+.\\-]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    private BufferedImage decode(byte[] bytes, Format format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
            if (!readers.hasNext()) throw new PhotoRefused(Reason.UNREADABLE, "The image cannot be read.");
            ImageReader reader = readers.next();
            try {
                // seekForwardOnly, ignoreMetadata: the header is all we look at before deciding.
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > maxSourceSide || height > maxSourceSide
                        || (long) width * height > maxSourcePixels) {
                    throw new PhotoRefused(Reason.TOO_MANY_PIXELS, "The image is " + width + " × " + height
                            + " pixels; at most " + maxSourceSide + " pixels a side and " + maxSourcePixels
                            + " pixels in all are accepted.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // Read only every n-th pixel when the source is more than twice the stored size: less memory, same result.
                int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) throw new PhotoRefused(Reason.UNREADABLE, "The image cannot be read.");
                return image;
            } finally {
                reader.dispose();
            }
        } catch (PhotoRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Truncated or corrupt data, unsupported colour models (e.g. CMYK JPEG): never a 500.
            throw new PhotoRefused(Reason.UNREADABLE, "The image is damaged or uses an encoding we cannot read.");
        }
    }

    /** Flattens onto white (JPEG has no transparency) and scales the longest side to at most {@code maxSide}. */
    private BufferedImage scaled(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        double factor = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private Prepared encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            // No metadata passed in: the writer emits a bare JFIF header, nothing from the upload.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Writing a JPEG to memory failed", e);
        } finally {
            writer.dispose();
        }
        return new Prepared(out.toByteArray(), image.getWidth(), image.getHeight());
    }
}
