/**
 * The "email your legislators" action type: a supporter gives an address (or their location), the host finds
 * their districts and sitting legislators, and each legislator gets a letter — pre-filled by staff, chosen per
 * legislator by variant rules (chamber, party, stance on a bill), editable by the supporter — which the host
 * stores and delivers through its outbox, or which the supporter sends from their own mailbox.
 *
 * <p>Contract: no side effects in {@code submit}; staff-written letter text is merged with a fixed set of
 * {@code {{field}}} placeholders by plain substitution (never a template language), so staff text cannot
 * execute anything and supporter input is never re-interpreted.
 */
package org.chorus.plugins.email;
