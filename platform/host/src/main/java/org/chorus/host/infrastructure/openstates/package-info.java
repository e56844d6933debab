/**
 * Open States and Open Civic Data formats: legislators from people YAML and CSV
 * ({@link org.chorus.host.infrastructure.openstates.OpenStatesPeople}), the TIGER ↔ OCD division crosswalk
 * ({@link org.chorus.host.infrastructure.openstates.OcdCrosswalk}) and district name spellings
 * ({@link org.chorus.kit.DistrictNames}).
 *
 * <p>Contract: parsing only. Records come back as plain values with the file (and line) they came from; a bad
 * record is reported as rejected with a reason and never stops the rest. YAML is parsed with SnakeYAML's
 * SafeConstructor (maps and lists only). Nothing here touches the database.
 */
package org.chorus.host.infrastructure.openstates;
