package org.chorus.api.stance;

/** A target's position on a bill. {@link #UNKNOWN} is a value of its own, never "no". */
public enum Stance { COSPONSOR, SUPPORTS, OPPOSES, UNKNOWN }
