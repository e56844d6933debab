/**
 * Action types: things a supporter does on a campaign page (email their legislators, sign a petition).
 *
 * <p>Contract: an {@link org.chorus.api.action.ActionType} describes its settings, renders its form and
 * result as theme-overridable Freemarker fragments, and validates a submission into a
 * {@link org.chorus.api.action.SubmissionOutcome}. It never writes the database itself: the host stores
 * the supporter, the action record and the outgoing mail of an accepted submission in one transaction,
 * so a supporter's action is durable before any page says it was sent.
 */
package org.chorus.api.action;
