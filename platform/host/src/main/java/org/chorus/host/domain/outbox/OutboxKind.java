package org.chorus.host.domain.outbox;

/**
 * {@code LETTER}: one message a supporter's action (or a plugin) queued. {@code DIGEST}: a message the host's
 * daily digest job wrote to one recipient, listing the letters of one digest key and day; those letters point
 * at it ({@code digest_id}) and take its final state.
 */
public enum OutboxKind { LETTER, DIGEST }
