package org.chorus.api.action;

/**
 * A problem with one field, shown next to it.
 *
 * @param field   the form field name ({@code ""} for the form as a whole)
 * @param message what to fix, already localised
 */
public record FieldError(String field, String message) {
}
