package org.chorus.host.domain.target;

/** A target who left office is retired, never deleted: letters and scorecards still refer to them. */
public enum TargetStatus { SITTING, RETIRED }
