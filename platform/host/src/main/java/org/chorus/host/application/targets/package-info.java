/**
 * Targets and their districts for the email-your-legislators actions: importing legislators
 * ({@link org.chorus.host.application.targets.TargetImport}) and district boundaries
 * ({@link org.chorus.host.application.targets.DivisionImport}), and finding the districts of a point
 * ({@link org.chorus.host.application.targets.DistrictIndex}).
 *
 * <p>Contract: imports are idempotent upserts keyed by public ids (Open States person id, OCD division id), run
 * as one unit of work each, report every record in an {@link org.chorus.host.application.targets.ImportSummary}
 * and never delete: a legislator who left is retired. A source that cannot be used as a whole raises
 * {@link org.chorus.host.application.targets.ImportException} and changes nothing. The district index is pure
 * computation over WKT (JTS and API types only), so it can move into a plugin unchanged.
 */
package org.chorus.host.application.targets;
