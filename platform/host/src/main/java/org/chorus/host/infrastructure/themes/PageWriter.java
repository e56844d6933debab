package org.chorus.host.infrastructure.themes;

import java.io.Writer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Collects a rendered page in memory, like {@link java.io.StringWriter} but without its costs: StringWriter copies
 * {@code write(String, off, len)} through {@code StringBuffer.append(CharSequence, int, int)}, which locks and, on
 * JDK 17, copies character by character; Freemarker's HTML escaping writes every {@code ${...}} that way. Here a
 * string is copied with {@link String#getChars}. Not thread-safe; one per rendering.
 */
final class PageWriter extends Writer {

    private char[] buf;
    private int count;

    PageWriter(int initialCapacity) {
        buf = new char[initialCapacity];
    }

    private void reserve(int more) {
        int needed = count + more;
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
        }
    }

    @Override
    public void write(int c) {
        reserve(1);
        buf[count++] = (char) c;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        Objects.checkFromIndexSize(off, len, chars.length);
        reserve(len);
        System.arraycopy(chars, off, buf, count, len);
        count += len;
    }

    @Override
    public void write(String s, int off, int len) {
        Objects.checkFromIndexSize(off, len, s.length());
        reserve(len);
        s.getChars(off, off + len, buf, count);
        count += len;
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return new String(buf, 0, count);
    }
}
