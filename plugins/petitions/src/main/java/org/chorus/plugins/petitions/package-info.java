/**
 * The petition action type and its staff pages. Supporters sign (name, e-mail, town or ZIP code, an optional
 * comment, whether to appear by name, the campaign's consents); the host stores each signature as an action record,
 * one per e-mail per petition (the accepted submission's unique key). The plugin reads its signatures back through
 * the {@link org.chorus.api.action.ActionLedger} for the thermometer, the latest signers and comments, the JSON
 * summary and the staff pages (counts, CSV, a printable PDF per target, an e-mail summary to a target).
 *
 * <p>Contract: no side effects in {@code submit}; supporter text is only ever shown escaped (comments are plain
 * text); staff text is Markdown rendered safely and autoresponses are merged by plain substitution of a fixed set
 * of placeholders; the plugin's own state (hidden comments, the petitions it has shown, deliveries) lives in the
 * host's document store, so it needs no tables.
 */
package org.chorus.plugins.petitions;
