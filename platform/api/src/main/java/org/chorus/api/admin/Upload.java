package org.chorus.api.admin;

/**
 * A file part of a {@code multipart/form-data} POST, bounded by the host's upload limit.
 *
 * @since 1.1.0
 */
public record Upload(String fileName, String contentType, byte[] content) {
}
