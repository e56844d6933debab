/**
 * The town lookup: a supporter's town (with ward and precinct when they know them) or ZIP code to their House and
 * Senate districts, without any online service, from the public precinct crosswalk and ZIP code list in the
 * reference data folder.
 *
 * <p>Contract: answers queries that carry a town, a ZIP code or an address with a ", Town" part or a trailing ZIP;
 * runs after the boundaries lookup, so a point, when there is one, wins. A town (or ward/precinct) wholly in one
 * district of a chamber settles that chamber; otherwise every district the town touches is a candidate for the
 * supporter to choose. District names from the crosswalk are matched to the divisions the host imported by their
 * OCD slug, so answers carry the host's OCD ids and names; a district the host has not imported is left out. A ZIP's
 * postal city that is a village (Jamaica Plain, Bondsville) is mapped to its municipality by the shipped village
 * table ({@code villages.txt}); an unknown place or a ZIP outside Massachusetts answers nothing.
 */
package org.chorus.plugins.town;
