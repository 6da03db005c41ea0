package org.loopbound.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A conservative estimate of the width of a line of text in the figures' sans-serif font, so that a layout made
 * from it never lets text cross the figure's edge. A renderer does not tell an SVG writer how wide its text will be,
 * so the widths are upper estimates per glyph class, taken at or above the widest common sans-serif fonts (DejaVu
 * Sans / Verdana, which are wider than Arial/Liberation): an estimate that is too wide costs some white space, one
 * that is too narrow lets a legend run off the figure.
 */
final class TextWidth {

    private TextWidth() {
    }

    /**
     * The estimated advance width of a text.
     *
     * @param text the text (one line)
     * @param fontSize the font size in user units
     * @return an upper estimate of the width, in user units
     */
    static double of(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += glyph(text.charAt(i));
        }
        return em * fontSize;
    }

    /** The width of one character in ems, rounded up from DejaVu Sans/Verdana advance widths. */
    private static double glyph(char c) {
        if (c == ' ') {
            return 0.36;
        }
        if ("il.,:;!|'`ijI".indexOf(c) >= 0) {
            return 0.36;
        }
        if ("()[]{}ftr-/\\\"".indexOf(c) >= 0) {
            return 0.48;
        }
        if (c >= '0' && c <= '9') {
            return 0.66;
        }
        if ("mwMW%@".indexOf(c) >= 0) {
            return 1.02;
        }
        if (c >= 'A' && c <= 'Z') {
            return 0.80;
        }
        if (c >= 'a' && c <= 'z') {
            return 0.66;
        }
        // Greek letters, sub/superscripts, math signs, dashes: at most a wide capital. Combining marks (p̂) take no
        // room when drawn but are counted here, which only errs on the safe side.
        return 0.90;
    }

    /**
     * Breaks a text into lines at spaces so that each line's estimated width is at most {@code maxWidth}; a single
     * word wider than that stays on a line of its own (the caller must make room for it, see {@link #widest}).
     *
     * @param text the text
     * @param fontSize the font size in user units
     * @param maxWidth the available width in user units
     * @return the lines, at least one
     */
    static List<String> wrap(String text, double fontSize, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && of(line + " " + word, fontSize) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The estimated width of the widest of some lines.
     *
     * @param lines the lines
     * @param fontSize the font size in user units
     * @return the largest estimated width, 0 for no lines
     */
    static double widest(List<String> lines, double fontSize) {
        double w = 0;
        for (String l : lines) {
            w = Math.max(w, of(l, fontSize));
        }
        return w;
    }
}
