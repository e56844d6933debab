/** Where a target stands on a bill, for letter variants and pages; provided by e.g. the scorecards plugin. */
package org.chorus.api.stance;
