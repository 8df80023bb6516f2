package io.lumasync.ui;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real little images for the UI tests (gradients, so JPEG recompression has something to do). */
public final class TestImages {
    private TestImages() {
    }

    public static Path write(Path file, int w, int h, Color a, Color b) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, a, w, h, b));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        String name = file.getFileName().toString();
        ImageIO.write(img, name.endsWith(".png") ? "png" : "jpeg", file.toFile());
        return file;
    }

    public static Path jpeg(Path file) throws IOException {
        return write(file, 320, 240, new Color(30, 90, 200), new Color(240, 160, 40));
    }
}
