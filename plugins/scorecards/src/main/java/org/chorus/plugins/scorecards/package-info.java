/**
 * Legislator scorecards: sessions, bills (House/Senate pairs), roll calls, and each legislator's record
 * (co-sponsorship, votes, positions staff know of); scorecards that score those records by rules (weights,
 * absences, unknowns, grade bands per chamber); public pages; the stances the email action's letter variants use;
 * staff screens to import, correct, rule and export.
 *
 * <p>Contract: scores are always computed from records by a scorecard's rules, never stored or typed in; "unknown"
 * is a value of its own and never shown or scored as "no" unless a scorecard's rules say unknowns count against;
 * records are keyed by the Open States person id and joined to the host's targets when read, so former members keep
 * their history and never appear as sitting legislators; nothing read for a letter is cached.
 */
package org.chorus.plugins.scorecards;
