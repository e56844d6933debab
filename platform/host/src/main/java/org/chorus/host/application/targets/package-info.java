/**
 * Targets and their districts for the email-your-legislators actions: importing legislators
 * ({@link org.chorus.host.application.targets.TargetImport}) and district boundaries
 * ({@link org.chorus.host.application.targets.DivisionImport}). Finding the districts of a point is the
 * district-boundaries plugin's job, over the WKT these imports store.
 *
 * <p>Contract: imports are idempotent upserts keyed by public ids (Open States person id, OCD division id), run
 * as one unit of work each, report every record in an {@link org.chorus.host.application.targets.ImportSummary}
 * and never delete: a legislator who left is retired. A source that cannot be used as a whole raises
 * {@link org.chorus.host.application.targets.ImportException} and changes nothing.
 */
package org.chorus.host.application.targets;
